using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.IntegrationTests;

/// <summary>Integration events as their producing services would publish them, for specs that stand in for the producer.</summary>
public static class TestEvents
{
    /// <summary>Units received at <paramref name="fulfillmentCenter"/> as Receiving announces them (no bins, a new event id).</summary>
    public static UnitsReceived UnitsReceived(
        string seller,
        string fulfillmentCenter,
        string fnsku,
        int quantity,
        UnitCondition condition = UnitCondition.Sellable,
        DateTimeOffset? occurredAt = null,
        Guid? shipmentId = null
    ) =>
        new(
            Guid.NewGuid(),
            occurredAt ?? DateTimeOffset.UtcNow,
            seller,
            Guid.NewGuid(),
            shipmentId ?? Guid.NewGuid(),
            fulfillmentCenter,
            fnsku,
            condition,
            quantity,
            []
        );
}
