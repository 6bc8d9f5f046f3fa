using System.Globalization;

namespace InventoryPlatform.Liquidation.Domain;

/// <summary>
/// Chooses what to do with aged, excess and unsellable stock by expected value over a horizon against the holding
/// cost (storage plus aged-inventory surcharge) of keeping it.
/// </summary>
public static class RecommendationEngine
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Recommendation ForSellable(ItemSituation situation, LiquidationSettings settings)
    {
        var item = situation.Item;
        var excess = situation.Excess;
        var demand = excess.Demand.DailyUnits;
        var price = item.AverageSellingPrice;
        var horizon = settings.DecisionHorizonDays;
        var profile = AgeProfile.Of(situation.Lots, situation.Now);
        var keep = Value(
            RecommendedAction.Keep,
            0,
            Sell(situation.Lots, _ => (demand, Net(price, settings))),
            0,
            0,
            null,
            null,
            $"Keep all {profile.Total} units at {Money(price)} selling {demand.ToString("0.###", Invariant)} a day."
        );

        var demandNote = excess.Demand.IsRising
            ? $" Forecast demand {Units(demand)}/day is rising against recent sales of {Units(excess.Demand.RecentDailySales)}/day "
                + $"(seasonal): excess is measured against the forecast."
            : "";
        if (excess.ExcessUnits == 0)
        {
            return Result(
                RecommendedAction.Keep,
                0,
                null,
                null,
                keep,
                [keep],
                $"No excess: {excess.SellableUnits} units are within {excess.CoverDays} days of demand ({excess.CoveredUnits} units, "
                    + $"{excess.Demand.Source})."
                    + demandNote
            );
        }

        var options = new List<OptionValue> { keep };
        options.Add(BestMarkdown());
        options.Add(Promotion());
        var rest = Fifo.Consume(situation.Lots, excess.ExcessUnits).Remaining;
        var restSold = Sell(rest, _ => (demand, Net(price, settings)));
        var units = excess.ExcessUnits;
        var liquidationRecovery = units * price * settings.LiquidationRecoveryShare * (1 - settings.LiquidationReferralShare);
        options.Add(
            Value(
                RecommendedAction.Liquidate,
                units,
                restSold,
                liquidationRecovery,
                units * settings.LiquidationProcessingFeePerUnit,
                null,
                null,
                $"Liquidate the {units} oldest units at "
                    + $"{Percent(settings.LiquidationRecoveryShareLow * 100)}-{Percent(settings.LiquidationRecoveryShareHigh * 100)} of "
                    + $"{Money(price)} (expected {Percent(settings.LiquidationRecoveryShare * 100)}, less "
                    + $"{Percent(settings.LiquidationReferralShare * 100)} referral and "
                    + $"{Money(settings.LiquidationProcessingFeePerUnit)}/unit processing)."
            )
        );
        var removalFee = settings.RemovalFee.For(item.WeightLbPerUnit);
        options.Add(
            Value(
                RecommendedAction.RemoveToSeller,
                units,
                restSold,
                units * price * settings.RemovalResidualShare,
                units * removalFee,
                null,
                null,
                $"Send the {units} oldest units back to the seller at {Money(removalFee)}/unit "
                    + $"({item.WeightLbPerUnit.ToString("0.##", Invariant)} lb), "
                    + $"worth {Percent(settings.RemovalResidualShare * 100)} of the price to the seller."
            )
        );
        var disposalFee = settings.DisposalFee.For(item.WeightLbPerUnit);
        options.Add(
            Value(
                RecommendedAction.Dispose,
                units,
                restSold,
                0,
                units * disposalFee,
                null,
                null,
                $"Dispose of the {units} oldest units at {Money(disposalFee)}/unit."
            )
        );

        var best = options.OrderByDescending(o => o.ExpectedValue).ThenBy(o => o.Action).First();
        var chosen = best.ExpectedValue - keep.ExpectedValue >= settings.MinimumGain ? best : keep;
        var why =
            $"{excess.SellableUnits} units, {excess.ExcessUnits} beyond {excess.CoverDays} days of demand ({Units(demand)}/day from "
            + $"{excess.Demand.Source})"
            + (excess.IsDeadStock ? $", dead stock (no sale in {settings.DeadStockDays}+ days)" : "")
            + $", oldest {profile.OldestAgeDays} days. Over {horizon} days keeping is worth {Money(keep.ExpectedValue)} "
            + $"(holding cost {Money(keep.HoldingCost)}); {chosen.Action} is worth {Money(chosen.ExpectedValue)}: {chosen.Detail}"
            + demandNote;
        return Result(chosen.Action, chosen.UnitsActedOn, chosen.MarkdownPercent, chosen.UnitPrice, keep, options, why);

        OptionValue BestMarkdown()
        {
            OptionValue? best = null;
            for (
                var percent = settings.MarkdownStepPercent;
                percent <= settings.MaxMarkdownPercent;
                percent += settings.MarkdownStepPercent
            )
            {
                var cut = percent / 100;
                var newPrice = Math.Round(item.ListPrice * (1 - cut), 2);
                var lifted = demand * (1 + (settings.PriceElasticity * cut));
                var sold = Sell(situation.Lots, _ => (lifted, Net(price * (1 - cut), settings)));
                var option = Value(
                    RecommendedAction.Markdown,
                    excess.ExcessUnits,
                    sold,
                    0,
                    0,
                    newPrice,
                    percent,
                    $"Cut the price {Percent(percent)} to {Money(newPrice)}: demand {Units(demand)} → {Units(lifted)}/day at elasticity "
                        + $"{settings.PriceElasticity.ToString("0.##", Invariant)}."
                );
                if (best is null || option.ExpectedValue > best.ExpectedValue)
                {
                    best = option;
                }
            }

            return best!;
        }

        OptionValue Promotion()
        {
            var deal = settings.Promotion;
            var cut = deal.DiscountPercent / 100;
            var sold = Sell(situation.Lots, day =>
                day < deal.Days ? (demand * deal.DemandLift, Net(price * (1 - cut), settings)) : (demand, Net(price, settings))
            );
            return Value(
                RecommendedAction.Promotion,
                excess.ExcessUnits,
                sold,
                0,
                deal.Fee,
                Math.Round(item.ListPrice * (1 - cut), 2),
                deal.DiscountPercent,
                $"Run a {deal.Days}-day deal at {Percent(deal.DiscountPercent)} off lifting demand "
                    + $"{deal.DemandLift.ToString("0.##", Invariant)}x, for a {Money(deal.Fee)} fee."
            );
        }

        SellDown Sell(IReadOnlyList<InventoryLot> lots, DailyMarket market) =>
            HoldingCostModel.Simulate(lots, item, settings.HoldingCost, situation.Now, horizon, market);

        Recommendation Result(
            RecommendedAction action,
            int quantity,
            decimal? markdown,
            decimal? newPrice,
            OptionValue keepOption,
            IReadOnlyList<OptionValue> all,
            string rationale
        ) =>
            new(
                situation.Fnsku,
                StockKind.Sellable,
                action,
                quantity,
                markdown,
                item.ListPrice,
                newPrice,
                item.Currency,
                profile.OldestAgeDays,
                all.First(o => o.Action == action).ExpectedValue,
                keepOption.ExpectedValue,
                all,
                rationale
            );
    }

    /// <summary>
    /// Unsellable units (damaged receipts, unsellable returns) cannot be kept for sale: they go back to the seller when
    /// what they are worth there beats the removal fee, otherwise they are disposed of.
    /// </summary>
    public static Recommendation ForUnfulfillable(
        string fnsku,
        ItemProfile item,
        IReadOnlyList<InventoryLot> lots,
        DateTimeOffset now,
        LiquidationSettings settings
    )
    {
        var profile = AgeProfile.Of(lots, now);
        var units = profile.Total;
        var price = item.AverageSellingPrice;
        var removalFee = settings.RemovalFee.For(item.WeightLbPerUnit);
        var disposalFee = settings.DisposalFee.For(item.WeightLbPerUnit);
        var remove = new OptionValue(
            RecommendedAction.RemoveToSeller,
            units,
            Round((units * price * settings.RemovalResidualShare) - (units * removalFee)),
            0,
            0,
            0,
            Round(units * price * settings.RemovalResidualShare),
            Round(units * removalFee),
            null,
            null,
            $"Send {units} unsellable units back at {Money(removalFee)}/unit; worth {Percent(settings.RemovalResidualShare * 100)} of "
                + $"{Money(price)} to the seller."
        );
        var dispose = new OptionValue(
            RecommendedAction.Dispose,
            units,
            Round(-units * disposalFee),
            0,
            0,
            0,
            0,
            Round(units * disposalFee),
            null,
            null,
            $"Dispose of {units} unsellable units at {Money(disposalFee)}/unit."
        );
        var chosen = remove.ExpectedValue >= dispose.ExpectedValue ? remove : dispose;
        var monthly = HoldingCostModel.MonthlyCost(lots, item, settings.HoldingCost, now);
        return new Recommendation(
            fnsku,
            StockKind.Unfulfillable,
            chosen.Action,
            units,
            null,
            item.ListPrice,
            null,
            item.Currency,
            profile.OldestAgeDays,
            chosen.ExpectedValue,
            0,
            [remove, dispose],
            $"{units} unsellable units (damaged receipts or unsellable returns) cost {Money(monthly)} a month to store and cannot be sold; "
                + $"{chosen.Action} is worth {Money(chosen.ExpectedValue)}: {chosen.Detail}"
        );
    }

    public static decimal Net(decimal price, LiquidationSettings settings) =>
        (price * (1 - settings.ReferralFeeShare)) - settings.FulfillmentFeePerUnit;

    private static OptionValue Value(
        RecommendedAction action,
        int units,
        SellDown sold,
        decimal recovery,
        decimal fees,
        decimal? price,
        decimal? markdown,
        string detail
    ) =>
        new(
            action,
            units,
            Round(sold.Revenue - sold.HoldingCost + recovery - fees),
            sold.UnitsSold,
            sold.Revenue,
            sold.HoldingCost,
            Round(recovery),
            Round(fees),
            price,
            markdown,
            detail
        );

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static string Money(decimal value) => value.ToString("0.00", Invariant);

    private static string Percent(decimal value) => value.ToString("0.#", Invariant) + " %";

    private static string Units(decimal value) => value.ToString("0.###", Invariant);
}
