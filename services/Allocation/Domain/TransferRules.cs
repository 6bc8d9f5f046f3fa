using InventoryPlatform.Primitives;

namespace InventoryPlatform.Allocation.Domain;

public static class TransferRules
{
    public const int MaxUnits = 100_000;

    /// <summary>The field errors of a transfer request against the network; none means it may be attempted.</summary>
    public static IEnumerable<(string Field, string Reason)> Check(
        FulfillmentNetwork network,
        string? fnsku,
        string? from,
        string? to,
        int quantity
    )
    {
        if (!Fnsku.IsValid(fnsku))
        {
            yield return ("fnsku", Fnsku.Rule);
        }

        var source = from is null ? null : network.FindCenter(from.ToUpperInvariant());
        var destination = to is null ? null : network.FindCenter(to.ToUpperInvariant());
        if (source is null)
        {
            yield return ("fromFulfillmentCenter", "Must be a fulfillment center of the network.");
        }

        if (destination is null)
        {
            yield return ("toFulfillmentCenter", "Must be a fulfillment center of the network.");
        }
        else if (source is not null && source.Code == destination.Code)
        {
            yield return ("toFulfillmentCenter", "Must differ from the source.");
        }
        else if (source is not null && source.Marketplace != destination.Marketplace)
        {
            yield return (
                "toFulfillmentCenter",
                $"Is in marketplace {destination.Marketplace}; transfers stay within a marketplace ({source.Marketplace})."
            );
        }

        if (quantity is < 1 or > MaxUnits)
        {
            yield return ("quantity", $"Must be between 1 and {MaxUnits}.");
        }
    }

    /// <summary>The movements of a transfer leaving its source, and of it arriving at its destination.</summary>
    public static (StockMovement[] AtSource, StockMovement[] AtDestination) Requested(int quantity, Guid transferId) =>
        (
            [new StockMovement(StockBucket.OnHand, -quantity, "TransferOut", $"transfer:{transferId}")],
            [new StockMovement(StockBucket.InTransit, quantity, "TransferIn", $"transfer:{transferId}")]
        );

    public static StockMovement[] Received(int quantity, Guid transferId) =>
        [
            new StockMovement(StockBucket.InTransit, -quantity, "TransferReceived", $"transfer:{transferId}"),
            new StockMovement(StockBucket.OnHand, quantity, "TransferReceived", $"transfer:{transferId}"),
        ];
}
