using InventoryPlatform.Primitives;

namespace InventoryPlatform.Hosting;

/// <summary>Where a service's projection of stock is counted for reconciliation (<see cref="UnitCountsApi"/>).</summary>
public interface IUnitCountSource
{
    /// <summary>The stock positions (<see cref="StockPositions"/>) the service keeps.</summary>
    IReadOnlyList<string> Positions { get; }

    /// <summary>The seller's counts per (FNSKU, FC) and position, optionally of one FNSKU.</summary>
    Task<IReadOnlyList<UnitCount>> CountAsync(string sellerId, string? fnsku, CancellationToken cancellationToken);
}
