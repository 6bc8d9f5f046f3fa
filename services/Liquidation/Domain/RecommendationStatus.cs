namespace InventoryPlatform.Liquidation.Domain;

public enum RecommendationStatus
{
    /// <summary>Waiting for the seller (or refreshed by the next recompute).</summary>
    Proposed,

    /// <summary>Keep: shown for information, nothing to approve.</summary>
    Informational,

    /// <summary>Approved by the seller or executed by the policy: its order was created or its price published.</summary>
    Approved,

    Rejected,
}
