using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace InventoryPlatform.IntegrationTests.NotificationsSpecs;

/// <summary>One request the receiver got.</summary>
public sealed record ReceivedWebhook(string Path, HeaderDictionary Headers, string Body, DateTime At)
{
    public string Id => Headers["webhook-id"].ToString();

    public string Signature => Headers["webhook-signature"].ToString();

    /// <summary>
    /// True when the reference implementation of Standard Webhooks verifies the request with <paramref name="secret"/>. It is
    /// given each <c>v1,</c> entry alone: version 1.1.2 compares only the first entry of a header with several.
    /// </summary>
    public bool VerifiesWith(string secret) =>
        Signature.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(entry => PackageVerifies(secret, entry));

    private bool PackageVerifies(string secret, string entry)
    {
        var headers = new HeaderDictionary
        {
            ["webhook-id"] = Headers["webhook-id"],
            ["webhook-timestamp"] = Headers["webhook-timestamp"],
            ["webhook-signature"] = entry,
        };
        try
        {
            new StandardWebhook(secret).Verify(Body, headers);
            return true;
        }
        catch (StandardWebhooks.Diagnostics.WebhookVerificationException)
        {
            return false;
        }
    }
}
