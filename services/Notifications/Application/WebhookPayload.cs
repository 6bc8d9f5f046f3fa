using System.Text.Json;
using InventoryPlatform.Hosting;
using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.Notifications.Application;

/// <summary>
/// The body partners receive, in the Standard Webhooks shape: <c>{"type": "order.backordered", "timestamp": …, "data": {…}}</c>,
/// where <c>data</c> is the integration event in the API's JSON conventions (camelCase, enums as strings).
/// </summary>
public static class WebhookPayload
{
    public static string Of(PartnerEvent partnerEvent) =>
        JsonSerializer.Serialize(new Body(partnerEvent.Type, partnerEvent.OccurredAt, partnerEvent.Data), JsonDefaults.Options);

    private sealed record Body(string Type, DateTimeOffset Timestamp, object Data);
}
