using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Returns.Domain;
using InventoryPlatform.Returns.Messaging;

namespace InventoryPlatform.UnitTests;

/// <summary>Which returns may be authorized: only shipped units, never more than shipped, inside the marketplace's window.</summary>
public sealed class ReturnAuthorizationSpecs
{
    private static readonly Guid OrderId = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset ShippedAt = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static ShippedLine Line(string fnsku, string fc, int quantity, DateTimeOffset? at = null, string marketplace = "US") =>
        new(OrderId, fnsku, fc, marketplace, quantity, 10m, "USD", at ?? ShippedAt);

    [Test]
    public void Units_shipped_and_not_yet_authorized_can_be_authorized()
    {
        var refusal = ReturnAuthorizationRules.Check(
            OrderId,
            "X0A",
            2,
            [Line("X0A", "SEA1", 3)],
            alreadyAuthorized: 1,
            ShippedAt.AddDays(5),
            ReturnWindows.Standard
        );

        Assert.That(refusal, Is.Null);
    }

    [Test]
    public void More_than_shipped_minus_already_authorized_is_refused_on_the_quantity()
    {
        var refusal = ReturnAuthorizationRules.Check(
            OrderId,
            "X0A",
            3,
            [Line("X0A", "SEA1", 3)],
            alreadyAuthorized: 1,
            ShippedAt.AddDays(5),
            ReturnWindows.Standard
        );

        Assert.That(
            refusal,
            Is.EqualTo(
                new Refusal(
                    RefusalKind.MoreThanShipped,
                    "quantity",
                    "Only 2 more unit(s) can be returned: 3 shipped, 1 already authorized."
                )
            )
        );
    }

    [Test]
    public void Units_shipped_from_two_FCs_add_up()
    {
        var lines = new[] { Line("X0A", "SEA1", 2), Line("X0A", "PHX3", 3), Line("X0B", "SEA1", 7) };

        Assert.That(ReturnAuthorizationRules.Check(OrderId, "X0A", 5, lines, 0, ShippedAt, ReturnWindows.Standard), Is.Null);
        Assert.That(
            ReturnAuthorizationRules.Check(OrderId, "X0A", 6, lines, 0, ShippedAt, ReturnWindows.Standard)!.Kind,
            Is.EqualTo(RefusalKind.MoreThanShipped)
        );
    }

    [Test]
    public void An_order_with_no_shipped_lines_for_the_seller_is_unknown()
    {
        var refusal = ReturnAuthorizationRules.Check(OrderId, "X0A", 1, [], 0, ShippedAt, ReturnWindows.Standard);

        Assert.That(refusal!.Kind, Is.EqualTo(RefusalKind.UnknownOrder));
        Assert.That(refusal.Field, Is.EqualTo("orderId"));
    }

    [Test]
    public void An_FNSKU_the_order_did_not_ship_is_refused_on_the_fnsku()
    {
        var refusal = ReturnAuthorizationRules.Check(OrderId, "X0Z", 1, [Line("X0A", "SEA1", 1)], 0, ShippedAt, ReturnWindows.Standard);

        Assert.That(refusal!.Kind, Is.EqualTo(RefusalKind.FnskuNotShipped));
        Assert.That(refusal.Field, Is.EqualTo("fnsku"));
    }

    [Test]
    public void The_default_window_is_thirty_days_from_shipping_inclusive()
    {
        var lines = new[] { Line("X0A", "SEA1", 1) };

        Assert.That(
            ReturnAuthorizationRules.Check(
                OrderId,
                "X0A",
                1,
                lines,
                0,
                new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
                ReturnWindows.Standard
            ),
            Is.Null
        );
        var late = ReturnAuthorizationRules.Check(
            OrderId,
            "X0A",
            1,
            lines,
            0,
            new DateTimeOffset(2026, 12, 1, 0, 0, 1, TimeSpan.Zero),
            ReturnWindows.Standard
        );
        Assert.That(
            late,
            Is.EqualTo(
                new Refusal(
                    RefusalKind.WindowClosed,
                    "orderId",
                    "The return window of 30 days for marketplace US closed at 2026-12-01T00:00:00Z."
                )
            )
        );
    }

    [Test]
    public void A_marketplace_can_have_its_own_window()
    {
        var windows = new ReturnWindows(30, new Dictionary<string, int> { ["DE"] = 14 });
        var lines = new[] { Line("X0A", "FRA3", 1, marketplace: "DE") };

        Assert.That(windows.DaysFor("de"), Is.EqualTo(14));
        Assert.That(windows.DaysFor("US"), Is.EqualTo(30));
        Assert.That(ReturnAuthorizationRules.Check(OrderId, "X0A", 1, lines, 0, ShippedAt.AddDays(14), windows), Is.Null);
        Assert.That(
            ReturnAuthorizationRules.Check(OrderId, "X0A", 1, lines, 0, ShippedAt.AddDays(15), windows)!.Kind,
            Is.EqualTo(RefusalKind.WindowClosed)
        );
    }

    [Test]
    public void The_window_runs_from_the_latest_shipment_of_the_FNSKU()
    {
        var lines = new[] { Line("X0A", "SEA1", 1, ShippedAt), Line("X0A", "PHX3", 1, ShippedAt.AddDays(3)) };

        Assert.That(ReturnAuthorizationRules.WindowClosesAt(lines, ReturnWindows.Standard), Is.EqualTo(ShippedAt.AddDays(33)));
        Assert.That(ReturnAuthorizationRules.Check(OrderId, "X0A", 2, lines, 0, ShippedAt.AddDays(32), ReturnWindows.Standard), Is.Null);
    }

    [TestCase(false, 2, 0, 0, ReturnStatus.Authorized)]
    [TestCase(false, 2, 1, 0, ReturnStatus.PartiallyReceived)]
    [TestCase(false, 2, 2, 1, ReturnStatus.Received)]
    [TestCase(false, 2, 3, 3, ReturnStatus.Inspected)]
    [TestCase(false, 2, 1, 1, ReturnStatus.PartiallyReceived)]
    [TestCase(true, 0, 2, 1, ReturnStatus.Unexpected)]
    [TestCase(true, 0, 2, 2, ReturnStatus.Inspected)]
    public void A_return_status_follows_its_units(bool unexpected, int authorized, int received, int graded, ReturnStatus expected) =>
        Assert.That(ReturnProgress.StatusOf(unexpected, authorized, received, graded), Is.EqualTo(expected));

    [Test]
    public void A_shipment_listing_an_FNSKU_twice_projects_one_line_at_the_weighted_price()
    {
        var shipped = new OrderShipped(
            Guid.NewGuid(),
            ShippedAt,
            "s1",
            Guid.NewGuid(),
            OrderId,
            "US",
            "SEA1",
            "US-West",
            [
                new OrderLine("X0A", 1, new Money(10m, "usd")),
                new OrderLine("X0A", 3, new Money(14m, "USD")),
                new OrderLine("X0B", 2, new Money(5m, "USD")),
            ],
            2.5
        );

        var lines = OrderShippedConsumer.Project(shipped);

        Assert.That(
            lines,
            Is.EqualTo(
                new[]
                {
                    new ShippedLine(OrderId, "X0A", "SEA1", "US", 4, 13m, "USD", ShippedAt),
                    new ShippedLine(OrderId, "X0B", "SEA1", "US", 2, 5m, "USD", ShippedAt),
                }
            )
        );
    }
}
