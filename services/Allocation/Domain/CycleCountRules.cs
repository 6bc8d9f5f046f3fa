using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Allocation.Domain;

/// <summary>
/// What an FC operator's count of one (seller, FNSKU, FC) does to the ledger: the difference from on hand is an adjustment
/// of on hand, found when more units were counted, lost (or damaged in the warehouse) when fewer. A count never takes units
/// that orders or removal orders hold: it may not go below reserved + pending removal.
/// </summary>
public static class CycleCountRules
{
    public const int MaxUnits = 1_000_000;

    /// <summary>The reason a count gives when the operator names none: more units are found, fewer are lost.</summary>
    public static AdjustmentReason DefaultReason(int difference) => difference > 0 ? AdjustmentReason.Found : AdjustmentReason.Lost;

    /// <summary>
    /// The signed difference the count makes to on hand and its reason; or why the ledger refuses it (then nothing is posted).
    /// A difference of zero adjusts nothing.
    /// </summary>
    public static (int Difference, AdjustmentReason Reason, string? Refusal) Decide(
        StockBalance balance,
        int countedUnits,
        AdjustmentReason? reason
    )
    {
        var difference = countedUnits - balance.OnHand;
        var chosen = reason ?? DefaultReason(difference);
        var held = balance.Reserved + balance.PendingRemoval;
        if (countedUnits < held)
        {
            return (
                difference,
                chosen,
                $"{balance.Reserved} of the {balance.OnHand} units on hand are reserved for orders and {balance.PendingRemoval} held "
                    + $"for removal orders; a count of {countedUnits} would take units they hold."
            );
        }

        if (difference > 0 && chosen != AdjustmentReason.Found)
        {
            return (
                difference,
                chosen,
                $"The count is {difference} above the {balance.OnHand} units on hand: units were found, not {chosen}."
            );
        }

        if (difference < 0 && chosen == AdjustmentReason.Found)
        {
            return (
                difference,
                chosen,
                $"The count is {-difference} below the {balance.OnHand} units on hand: units were lost or damaged, not found."
            );
        }

        return (difference, chosen, null);
    }

    /// <summary>The journal row of an adjustment: on hand moves by the difference, with the reason.</summary>
    public static StockMovement[] Movements(int difference, AdjustmentReason reason, Guid adjustmentId) =>
        [new StockMovement(StockBucket.OnHand, difference, $"Adjusted{reason}", $"adjustment:{adjustmentId}")];
}
