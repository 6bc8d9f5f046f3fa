using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.UnitTests.LiquidationDomain;

public sealed class RecommendationSpecs
{
    private static readonly LiquidationSettings Settings = new();

    [Test]
    public void A_slow_mover_at_400_days_with_a_high_surcharge_is_liquidated()
    {
        var now = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        // $20, half a cubic foot, 2.2 lb; 100 units 400 days old selling one every 20 days.
        var item = new ItemProfile(StorageType.Standard, 0.5m, 2.2m, 20m, 20m, "USD");
        var lots = new[] { new InventoryLot(Guid.NewGuid(), now.AddDays(-400), 100) };
        var demand = DemandEstimate.From(null, unitsSoldInLookback: 4, lookbackDays: 80);
        var excess = ExcessAnalysis.Of(100, demand, Settings.ExcessRules, now.AddDays(-10), now.AddDays(-400), now);

        var recommendation = RecommendationEngine.ForSellable(new ItemSituation("X0SLOW0001", item, lots, excess, now), Settings);

        Assert.That(excess.ExcessUnits, Is.EqualTo(95), "0.05 a day covers 5 of 100 units over 90 days");
        Assert.That(recommendation.Action, Is.EqualTo(RecommendedAction.Liquidate), recommendation.Rationale);
        Assert.That(recommendation.Quantity, Is.EqualTo(95));
        Assert.That(recommendation.OldestAgeDays, Is.EqualTo(400));
        Assert.That(
            recommendation.Options.Select(o => o.Action),
            Is.EquivalentTo(Enum.GetValues<RecommendedAction>()),
            "every option is shown"
        );
        var liquidate = recommendation.Options.Single(o => o.Action == RecommendedAction.Liquidate);
        // 95 × $20 × 7.5 % × (1 - 15 % referral) recovered, 95 × $0.25 processing.
        Assert.That((liquidate.Recovery, liquidate.Fees), Is.EqualTo((121.13m, 23.75m)));
        Assert.That(recommendation.ExpectedValue, Is.EqualTo(liquidate.ExpectedValue));
        var keep = recommendation.Options.Single(o => o.Action == RecommendedAction.Keep);
        Assert.That(keep.HoldingCost, Is.GreaterThan(1000m), "100 units at $3.885 a month each for six months, barely selling");
        Assert.That(recommendation.ExpectedValue, Is.GreaterThan(recommendation.KeepValue + 1000m));
        Assert.That(recommendation.Rationale, Does.Contain("Liquidate").And.Contain("oldest 400 days"));
    }

    [Test]
    public void A_seasonal_item_before_its_season_is_kept_and_the_same_stock_without_the_rising_forecast_is_not()
    {
        var august = new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero);
        var item = new ItemProfile(StorageType.Standard, 0.3m, 1m, 25m, 25m, "USD");
        var lots = new[] { new InventoryLot(Guid.NewGuid(), august.AddDays(-120), 300) };
        // Half a unit a day in summer; the forecast expects the holiday season: 540 units over the next 91 days.
        var seasonal = DemandEstimate.From(new ForecastInput(540, 91), unitsSoldInLookback: 45, lookbackDays: 90);
        var flat = DemandEstimate.From(null, unitsSoldInLookback: 45, lookbackDays: 90);

        var kept = RecommendationEngine.ForSellable(
            new ItemSituation(
                "X0XMAS0001",
                item,
                lots,
                ExcessAnalysis.Of(300, seasonal, Settings.ExcessRules, august.AddDays(-2), august.AddDays(-120), august),
                august
            ),
            Settings
        );
        var cleared = RecommendationEngine.ForSellable(
            new ItemSituation(
                "X0XMAS0001",
                item,
                lots,
                ExcessAnalysis.Of(300, flat, Settings.ExcessRules, august.AddDays(-2), august.AddDays(-120), august),
                august
            ),
            Settings
        );

        Assert.That(seasonal.IsRising, Is.True);
        Assert.That(kept.Action, Is.EqualTo(RecommendedAction.Keep), kept.Rationale);
        Assert.That(kept.Rationale, Does.Contain("rising"));
        Assert.That(cleared.Action, Is.Not.EqualTo(RecommendedAction.Keep), cleared.Rationale);
        Assert.That(cleared.Quantity, Is.EqualTo(255), "300 units less 45 days... 0.5 a day × 90 days of cover");
    }

    [Test]
    public void Stock_within_its_cover_is_kept_without_weighing_actions()
    {
        var now = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var item = new ItemProfile(StorageType.Standard, 0.2m, 1m, 15m, 15m, "USD");
        var lots = new[] { new InventoryLot(Guid.NewGuid(), now.AddDays(-20), 50) };
        var excess = ExcessAnalysis.Of(50, DemandEstimate.From(null, 90, 90), Settings.ExcessRules, now.AddDays(-1), now.AddDays(-20), now);

        var recommendation = RecommendationEngine.ForSellable(new ItemSituation("X0FINE0001", item, lots, excess, now), Settings);

        Assert.That((recommendation.Action, recommendation.Quantity), Is.EqualTo((RecommendedAction.Keep, 0)));
        Assert.That(recommendation.Options.Single().Action, Is.EqualTo(RecommendedAction.Keep));
        Assert.That(recommendation.Rationale, Does.StartWith("No excess"));
    }

    [Test]
    public void A_markdown_option_shows_its_price_and_the_demand_its_elasticity_buys()
    {
        var now = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var item = new ItemProfile(StorageType.Standard, 0.1m, 0.4m, 40m, 40m, "USD");
        var lots = new[] { new InventoryLot(Guid.NewGuid(), now.AddDays(-150), 400) };
        var excess = ExcessAnalysis.Of(
            400,
            DemandEstimate.From(null, 180, 90),
            Settings.ExcessRules,
            now.AddDays(-1),
            now.AddDays(-150),
            now
        );

        var recommendation = RecommendationEngine.ForSellable(new ItemSituation("X0MARK0001", item, lots, excess, now), Settings);

        var markdown = recommendation.Options.Single(o => o.Action == RecommendedAction.Markdown);
        Assert.That(markdown.MarkdownPercent, Is.Not.Null);
        Assert.That(markdown.UnitPrice, Is.EqualTo(Math.Round(40m * (1 - (markdown.MarkdownPercent!.Value / 100)), 2)));
        // Two a day at full price; elasticity 2 lifts demand by 2 × the cut, capped by what is in stock.
        var lifted = 2m * (1 + (2m * markdown.MarkdownPercent.Value / 100));
        Assert.That(markdown.UnitsSold, Is.EqualTo(Math.Min(400m, lifted * 180)));
        Assert.That(markdown.UnitsSold, Is.GreaterThan(recommendation.Options.Single(o => o.Action == RecommendedAction.Keep).UnitsSold));
    }

    [Test]
    public void Unsellable_units_go_back_to_the_seller_when_worth_more_than_the_fee_and_are_disposed_of_otherwise()
    {
        var now = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var lots = new[] { new InventoryLot(Guid.NewGuid(), now.AddDays(-5), 10) };

        var dear = RecommendationEngine.ForUnfulfillable(
            "X0DAMG0001",
            new ItemProfile(StorageType.Standard, 0.2m, 1m, 40m, 40m, "USD"),
            lots,
            now,
            Settings
        );
        var cheap = RecommendationEngine.ForUnfulfillable(
            "X0DAMG0002",
            new ItemProfile(StorageType.Standard, 0.2m, 1m, 5m, 5m, "USD"),
            lots,
            now,
            Settings
        );

        // $40: 10 × ($4.00 residual - $1.53 fee) = 24.70 beats -7.70 disposal. $5: 10 × (0.50 - 1.53) = -10.30 loses to -7.70.
        Assert.That(
            (dear.Action, dear.ExpectedValue, dear.Quantity, dear.StockKind),
            Is.EqualTo((RecommendedAction.RemoveToSeller, 24.70m, 10, StockKind.Unfulfillable))
        );
        Assert.That((cheap.Action, cheap.ExpectedValue), Is.EqualTo((RecommendedAction.Dispose, -7.70m)));
    }
}

public sealed class SellerPolicySpecs
{
    private static Recommendation Raised(RecommendedAction action, int oldestAge, decimal? markdown = null) =>
        new(
            "X0POLI0001",
            StockKind.Sellable,
            action,
            10,
            markdown,
            20m,
            markdown is null ? null : 20m * (1 - (markdown.Value / 100)),
            "USD",
            oldestAge,
            10m,
            0m,
            [],
            ""
        );

    [Test]
    public void A_manual_policy_executes_nothing_by_itself() =>
        Assert.That(SellerPolicy.Default.AllowsAutomatic(Raised(RecommendedAction.Liquidate, 500)).Allowed, Is.False);

    [Test]
    public void An_automatic_policy_executes_only_within_its_age_and_markdown_limits()
    {
        var policy = new SellerPolicy(ExecutionMode.Automatic, MaxMarkdownPercent: 30m, MinAgeDays: 180);

        Assert.That(policy.AllowsAutomatic(Raised(RecommendedAction.Liquidate, 400)).Allowed, Is.True);
        Assert.That(policy.AllowsAutomatic(Raised(RecommendedAction.Liquidate, 100)).Allowed, Is.False, "too young");
        Assert.That(policy.AllowsAutomatic(Raised(RecommendedAction.Markdown, 200, 25m)).Allowed, Is.True);
        Assert.That(
            policy.AllowsAutomatic(Raised(RecommendedAction.Markdown, 200, 40m)),
            Is.EqualTo((false, "The 40 % price cut exceeds the policy's maximum markdown of 30 %."))
        );
        Assert.That(policy.AllowsAutomatic(Raised(RecommendedAction.Keep, 400)).Allowed, Is.False);
    }

    [Test]
    public void A_policy_names_every_bad_field()
    {
        var problems = SellerPolicy.Check(null, 95m, -1).Select(p => p.Field);

        Assert.That(problems, Is.EquivalentTo(new[] { "mode", "maxMarkdownPercent", "minAgeDays" }));
        Assert.That(SellerPolicy.Check(ExecutionMode.Automatic, 30m, 180), Is.Empty);
    }
}

public sealed class RemovalOrderSpecs
{
    [Test]
    public void Orders_move_pending_in_progress_completed_or_are_cancelled_before_completion()
    {
        Assert.That(RemovalOrders.RefuseStep(RemovalOrderStatus.Pending, RemovalOrderStatus.InProgress), Is.Null);
        Assert.That(RemovalOrders.RefuseStep(RemovalOrderStatus.InProgress, RemovalOrderStatus.Completed), Is.Null);
        Assert.That(RemovalOrders.RefuseStep(RemovalOrderStatus.Pending, RemovalOrderStatus.Cancelled), Is.Null);
        Assert.That(
            RemovalOrders.RefuseStep(RemovalOrderStatus.Pending, RemovalOrderStatus.Completed),
            Is.Not.Null,
            "units are picked before they leave"
        );
        Assert.That(RemovalOrders.RefuseStep(RemovalOrderStatus.Completed, RemovalOrderStatus.Completed), Is.Not.Null, "completed once");
        Assert.That(RemovalOrders.RefuseStep(RemovalOrderStatus.Completed, RemovalOrderStatus.Cancelled), Is.Not.Null);
        Assert.That(RemovalOrders.ReasonOf(RemovalOrders.KindOf(RecommendedAction.Liquidate)), Is.EqualTo(RemovalReason.Liquidated));
        Assert.That(
            RemovalOrders.ReasonOf(RemovalOrders.KindOf(RecommendedAction.RemoveToSeller)),
            Is.EqualTo(RemovalReason.RemovedToSeller)
        );
    }

    [Test]
    public void An_order_takes_the_oldest_units_across_fulfillment_centers()
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var lots = new[]
        {
            ("SEA1", new InventoryLot(Guid.NewGuid(), start, 5)),
            ("EWR9", new InventoryLot(Guid.NewGuid(), start.AddMonths(1), 5)),
            ("SEA1", new InventoryLot(Guid.NewGuid(), start.AddMonths(2), 5)),
        };

        Assert.That(RemovalOrders.PickOldest(lots, 8), Is.EqualTo(new[] { ("EWR9", 3), ("SEA1", 5) }));
        Assert.That(RemovalOrders.PickOldest(lots, 40).Sum(l => l.Quantity), Is.EqualTo(15), "never more than is there");
    }

    [Test]
    public void A_returns_disposition_becomes_an_order_of_its_kind_valued_from_the_items_price_and_the_fees()
    {
        // $19.99, 0.8 kg (1.76 lb): two units.
        var item = ItemProfile.From(StorageType.Standard, new Dimensions(20m, 15m, 10m, 0.8m), 19.99m, null, "USD");
        var settings = new LiquidationSettings();

        Assert.That(RemovalOrders.KindOf(ReturnDisposition.Liquidate), Is.EqualTo(RemovalKind.Liquidation));
        Assert.That(RemovalOrders.KindOf(ReturnDisposition.RemoveToSeller), Is.EqualTo(RemovalKind.Removal));
        Assert.That(RemovalOrders.KindOf(ReturnDisposition.Dispose), Is.EqualTo(RemovalKind.Disposal));
        // 2 × $19.99 × 7.5 % less 15 % referral; $0.25 a unit.
        Assert.That(RemovalOrders.ValueOf(RemovalKind.Liquidation, 2, item, settings), Is.EqualTo((2.55m, 0.50m)));
        // 10 % of the price to the seller; $2.27 a unit up to two pounds.
        Assert.That(RemovalOrders.ValueOf(RemovalKind.Removal, 2, item, settings), Is.EqualTo((4.00m, 4.54m)));
        Assert.That(RemovalOrders.ValueOf(RemovalKind.Disposal, 2, item, settings), Is.EqualTo((0m, 2.28m)));
        Assert.That(RemovalOrders.ValueOf(RemovalKind.Liquidation, 2, null, settings), Is.EqualTo((0m, 0m)), "item unknown");
    }
}

public sealed class MarkdownChoiceSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    // $50, small (10 × 10 × 10 cm), forecast to sell one a day; 200 units: 110 beyond the 90 days of cover.
    private static Recommendation Recommend(LiquidationSettings settings) =>
        RecommendationEngine.ForSellable(
            new ItemSituation(
                "X0MARK0002",
                ItemProfile.From(StorageType.Standard, new Dimensions(10m, 10m, 10m, 0.3m), 50m, null, "USD"),
                [new InventoryLot(Guid.NewGuid(), Now, 200)],
                ExcessAnalysis.Of(200, DemandEstimate.From(new ForecastInput(91, 91), 0, 90), settings.ExcessRules, null, Now, Now),
                Now
            ),
            settings
        );

    [Test]
    public void A_moderate_overstock_of_a_high_margin_item_gets_a_deal_when_deals_lift_demand_strongly()
    {
        var recommendation = Recommend(new LiquidationSettings());

        Assert.That(recommendation.Action, Is.EqualTo(RecommendedAction.Promotion), recommendation.Rationale);
        Assert.That((recommendation.MarkdownPercent, recommendation.RecommendedPrice), Is.EqualTo((20m, 40m)));
        var deal = recommendation.Options.Single(o => o.Action == RecommendedAction.Promotion);
        // 14 days at 3 a day: 42 units at $40 (net $30.78); then 158 more over 166 days at $50 (net $39.28).
        Assert.That((deal.UnitsSold, deal.SalesRevenue, deal.Fees), Is.EqualTo((200m, 7499.00m, 70m)));
        Assert.That(recommendation.Rationale, Does.Contain("deal"));
    }

    [Test]
    public void When_deals_lift_demand_little_the_same_overstock_is_marked_down_rather_than_liquidated()
    {
        var settings = new LiquidationSettings { Promotion = new PromotionTerms { DemandLift = 1.2m } };

        var recommendation = Recommend(settings);

        Assert.That(recommendation.Action, Is.EqualTo(RecommendedAction.Markdown), recommendation.Rationale);
        // 5 %: 1.1 a day sells 198 units in 180 days at $47.50 (net $37.155) against 180 at $50 (net $39.28).
        Assert.That((recommendation.MarkdownPercent, recommendation.RecommendedPrice), Is.EqualTo((5m, 47.50m)));
        var markdown = recommendation.Options.Single(o => o.Action == RecommendedAction.Markdown);
        var keep = recommendation.Options.Single(o => o.Action == RecommendedAction.Keep);
        Assert.That(
            (markdown.UnitsSold, markdown.SalesRevenue, keep.UnitsSold, keep.SalesRevenue),
            Is.EqualTo((198m, 7356.69m, 180m, 7070.40m))
        );
        Assert.That(
            recommendation.Options.Single(o => o.Action == RecommendedAction.Liquidate).ExpectedValue,
            Is.LessThan(markdown.ExpectedValue)
        );
    }

    [Test]
    public void A_recommendation_is_news_when_it_becomes_one_to_act_on_or_its_action_changes()
    {
        const RecommendationStatus proposed = RecommendationStatus.Proposed;
        const RecommendationStatus informational = RecommendationStatus.Informational;

        Assert.That(RecommendationNews.IsNews(null, null, proposed, RecommendedAction.Liquidate), Is.True, "a new proposal");
        Assert.That(
            RecommendationNews.IsNews(informational, RecommendedAction.Keep, proposed, RecommendedAction.Markdown),
            Is.True,
            "kept stock now worth acting on"
        );
        Assert.That(
            RecommendationNews.IsNews(proposed, RecommendedAction.Markdown, proposed, RecommendedAction.Liquidate),
            Is.True,
            "a different action proposed"
        );
        Assert.That(
            RecommendationNews.IsNews(proposed, RecommendedAction.Liquidate, proposed, RecommendedAction.Liquidate),
            Is.False,
            "the same proposal refreshed by a recompute"
        );
        Assert.That(RecommendationNews.IsNews(null, null, informational, RecommendedAction.Keep), Is.False, "keep: nothing to act on");
        Assert.That(
            RecommendationNews.IsNews(proposed, RecommendedAction.Markdown, informational, RecommendedAction.Keep),
            Is.False,
            "a proposal that lapsed to keep"
        );
    }
}
