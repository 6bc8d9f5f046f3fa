using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.UnitTests;

public sealed class CycleCountRulesSpecs
{
    private static readonly StockBalance EightOnHandThreeReserved = new(8, 3, 0, 0, 1, 12);

    [Test]
    public void A_count_below_on_hand_is_lost_by_default_and_above_it_found()
    {
        Assert.That(CycleCountRules.Decide(EightOnHandThreeReserved, 6, null), Is.EqualTo((-2, AdjustmentReason.Lost, (string?)null)));
        Assert.That(CycleCountRules.Decide(EightOnHandThreeReserved, 9, null), Is.EqualTo((1, AdjustmentReason.Found, (string?)null)));
        Assert.That(
            CycleCountRules.Decide(EightOnHandThreeReserved, 5, AdjustmentReason.DamagedInWarehouse),
            Is.EqualTo((-3, AdjustmentReason.DamagedInWarehouse, (string?)null))
        );
    }

    [Test]
    public void A_count_that_agrees_adjusts_nothing()
    {
        Assert.That(CycleCountRules.Decide(EightOnHandThreeReserved, 8, null).Difference, Is.Zero);
        Assert.That(CycleCountRules.Decide(EightOnHandThreeReserved, 8, null).Refusal, Is.Null);
    }

    [Test]
    public void A_count_below_the_reserved_units_or_with_a_reason_against_its_sign_is_refused()
    {
        Assert.That(
            CycleCountRules.Decide(EightOnHandThreeReserved, 2, null).Refusal,
            Is.EqualTo(
                "3 of the 8 units on hand are reserved for orders and 0 held for removal orders; a count of 2 would take units they hold."
            )
        );
        Assert.That(CycleCountRules.Decide(EightOnHandThreeReserved, 3, null).Refusal, Is.Null, "exactly the reserved units");
        var twoHeldForRemoval = EightOnHandThreeReserved with { PendingRemoval = 2 };
        Assert.That(CycleCountRules.Decide(twoHeldForRemoval, 4, null).Refusal, Does.Contain("2 held for removal orders"));
        Assert.That(CycleCountRules.Decide(twoHeldForRemoval, 5, null).Refusal, Is.Null, "exactly the held units");
        Assert.That(CycleCountRules.Decide(EightOnHandThreeReserved, 7, AdjustmentReason.Found).Refusal, Does.Contain("not found"));
        Assert.That(CycleCountRules.Decide(EightOnHandThreeReserved, 9, AdjustmentReason.Lost).Refusal, Does.Contain("not Lost"));
    }

    [Test]
    public void An_adjustment_is_one_journal_row_of_on_hand_with_its_reason()
    {
        var id = Guid.CreateVersion7();

        Assert.That(
            CycleCountRules.Movements(-2, AdjustmentReason.Lost, id),
            Is.EqualTo(new[] { new StockMovement(StockBucket.OnHand, -2, "AdjustedLost", $"adjustment:{id}") })
        );
        Assert.That(
            StockLedger.Apply(EightOnHandThreeReserved, CycleCountRules.Movements(-2, AdjustmentReason.Lost, id)).Balance?.OnHand,
            Is.EqualTo(6)
        );
    }
}
