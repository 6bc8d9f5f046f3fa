using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.UnitTests;

public sealed class StockLedgerSpecs
{
    private static StockMovement Move(StockBucket bucket, int quantity) => new(bucket, quantity, "Test", "test:1");

    [Test]
    public void Received_units_add_to_on_hand_and_count_one_version_per_movement()
    {
        var (balance, refusal) = StockLedger.Apply(StockBalance.Empty, [Move(StockBucket.OnHand, 12), Move(StockBucket.Unfulfillable, 2)]);

        Assert.That(refusal, Is.Null);
        Assert.That(balance, Is.EqualTo(new StockBalance(12, 0, 0, 0, 2, 2)));
        Assert.That(balance!.Available, Is.EqualTo(12));
    }

    [Test]
    public void A_movement_that_would_take_a_bucket_below_zero_is_refused()
    {
        var start = new StockBalance(5, 0, 0, 0, 0, 1);

        var (balance, refusal) = StockLedger.Apply(start, [Move(StockBucket.OnHand, -6)]);

        Assert.That(balance, Is.Null);
        Assert.That(refusal, Does.Contain("below zero"));
    }

    [Test]
    public void Reserving_more_than_is_available_is_refused_and_names_what_is_available()
    {
        var start = new StockBalance(10, 7, 0, 0, 0, 3);

        var (balance, refusal) = StockLedger.Apply(start, [Move(StockBucket.Reserved, 4)]);

        Assert.That(balance, Is.Null);
        Assert.That(refusal, Is.EqualTo("Only 3 units are available."));
    }

    [Test]
    public void Replaying_the_journal_gives_the_balance_that_applying_it_gave()
    {
        StockMovement[] journal =
        [
            Move(StockBucket.OnHand, 100),
            Move(StockBucket.Reserved, 30),
            Move(StockBucket.Reserved, -30),
            Move(StockBucket.OnHand, -30),
            Move(StockBucket.Unfulfillable, 4),
            Move(StockBucket.InTransit, 9),
        ];
        var applied = journal.Aggregate(StockBalance.Empty, (b, m) => StockLedger.Apply(b, [m]).Balance!);

        Assert.That(StockLedger.Replay(journal), Is.EqualTo(applied));
        Assert.That(applied, Is.EqualTo(new StockBalance(70, 0, 0, 9, 4, 6)));
    }

    [Test]
    public void Units_held_for_removal_stay_on_hand_but_are_not_available()
    {
        var start = new StockBalance(10, 3, 0, 0, 0, 2);

        var (balance, refusal) = StockLedger.Apply(start, [Move(StockBucket.PendingRemoval, 4)]);

        Assert.That(refusal, Is.Null);
        Assert.That(balance, Is.EqualTo(new StockBalance(10, 3, 0, 0, 0, 3, PendingRemoval: 4)));
        Assert.That(balance!.Available, Is.EqualTo(3));
    }

    [Test]
    public void Reserved_and_held_units_together_never_exceed_on_hand()
    {
        var start = new StockBalance(10, 3, 0, 0, 0, 2, PendingRemoval: 4);

        var (reserve, reserveRefusal) = StockLedger.Apply(start, [Move(StockBucket.Reserved, 4)]);
        var (hold, holdRefusal) = StockLedger.Apply(start, [Move(StockBucket.PendingRemoval, 4)]);
        var (ship, shipRefusal) = StockLedger.Apply(start, [Move(StockBucket.OnHand, -4)]);

        Assert.That((reserve, reserveRefusal), Is.EqualTo(((StockBalance?)null, "Only 3 units are available.")));
        Assert.That((hold, holdRefusal), Is.EqualTo(((StockBalance?)null, "Only 3 units are available.")));
        Assert.That((ship, shipRefusal), Is.EqualTo(((StockBalance?)null, "Only 3 units are available.")));
    }

    [Test]
    public void A_removal_consumes_its_hold_and_the_units_leave_on_hand()
    {
        var start = new StockBalance(10, 3, 0, 0, 0, 2, PendingRemoval: 4);

        var (balance, refusal) = StockLedger.Apply(start, [Move(StockBucket.OnHand, -4), Move(StockBucket.PendingRemoval, -4)]);

        Assert.That(refusal, Is.Null);
        Assert.That(balance, Is.EqualTo(new StockBalance(6, 3, 0, 0, 0, 4)));
        Assert.That(balance!.Available, Is.EqualTo(3));
    }

    [Test]
    public void Releasing_more_than_is_held_is_refused()
    {
        var (balance, refusal) = StockLedger.Apply(
            new StockBalance(10, 0, 0, 0, 0, 1, PendingRemoval: 2),
            [Move(StockBucket.PendingRemoval, -3)]
        );

        Assert.That(balance, Is.Null);
        Assert.That(refusal, Does.Contain("below zero"));
    }

    [Test]
    public void Replaying_holds_rebuilds_the_pending_removal_position()
    {
        var journal = new[]
        {
            Move(StockBucket.Inbound, 20),
            Move(StockBucket.OnHand, 12),
            Move(StockBucket.Inbound, -12),
            Move(StockBucket.PendingRemoval, 5),
            Move(StockBucket.PendingRemoval, -2),
        };

        var rebuilt = StockLedger.Replay(journal);

        Assert.That(rebuilt, Is.EqualTo(new StockBalance(12, 0, 8, 0, 0, 5, PendingRemoval: 3)));
        Assert.That(rebuilt.Available, Is.EqualTo(9));
    }
}
