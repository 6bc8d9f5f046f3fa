using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.UnitTests.DemandForecasting;

/// <summary>Weekly forecasting on daily data: ISO weeks, weekly covariates, settings from the panel, and the spread back to days.</summary>
public sealed class WeeklyPeriodSpecs
{
    private static readonly DateOnly Monday = new(2026, 1, 5); // ISO week 2 of 2026

    [Test]
    public void Daily_sales_sum_to_iso_weeks_from_monday_leaving_out_the_week_in_progress()
    {
        // Sales from Wednesday 7 January (1, 2, 3, … units a day) to Tuesday 20 January; today is Wednesday 21 January.
        var start = Monday.AddDays(2);
        var daily = Enumerable.Range(1, 14).Select(d => (double)d).ToArray();

        var (first, units) = WeeklyPeriods.Units(start, daily, Monday.AddDays(16));

        Assert.That(first, Is.EqualTo(Monday));
        Assert.That(units, Is.EqualTo(new double[] { 1 + 2 + 3 + 4 + 5, 6 + 7 + 8 + 9 + 10 + 11 + 12 }), "19 and 20 January are this week");
    }

    [Test]
    public void A_week_starts_on_monday_whatever_the_day()
    {
        Assert.That(WeeklyPeriods.WeekStart(Monday), Is.EqualTo(Monday));
        Assert.That(WeeklyPeriods.WeekStart(Monday.AddDays(6)), Is.EqualTo(Monday), "Sunday ends the ISO week");
        Assert.That(WeeklyPeriods.WeekStart(Monday.AddDays(7)), Is.EqualTo(Monday.AddDays(7)));
    }

    [Test]
    public void Weekly_covariates_average_the_days_and_number_the_iso_week()
    {
        var promotion = new PromotionDays(Monday.AddDays(9), Monday.AddDays(10), 20, false);
        var daily = CalendarFeatures.Daily(Monday, 21, new HashSet<DateOnly> { Monday.AddDays(15) }, [promotion]);

        var weekly = WeeklyPeriods.Covariates(Monday, daily);

        Assert.That(weekly, Has.Length.EqualTo(3));
        Assert.That(weekly.Select(w => w[CalendarFeatures.WeekdayColumn]), Is.EqualTo(new double[] { 2, 3, 4 }));
        Assert.That(weekly[1][CalendarFeatures.PromotionColumn], Is.EqualTo(2.0 / 7).Within(1e-12), "two promotion days");
        Assert.That(weekly[0][CalendarFeatures.PromotionColumn], Is.Zero);
        Assert.That(weekly[2][2], Is.EqualTo(1.0 / 7).Within(1e-12), "one holiday");
    }

    [Test]
    public void Weekly_settings_cover_the_horizon_days_and_take_the_year_as_season_only_when_the_history_holds_one()
    {
        var wednesday = Monday.AddDays(2);

        var long_ = ForecastSettings.For(ForecastPeriod.Weekly, wednesday, 91, 104, true, 80);
        var short_ = ForecastSettings.For(ForecastPeriod.Weekly, Monday, 91, 40, true, 80);
        var daily = ForecastSettings.For(ForecastPeriod.Daily, wednesday, 91, 700, true, 80);

        Assert.That(long_.PeriodDays, Is.EqualTo(7));
        Assert.That(long_.ForecastHorizons, Is.EqualTo(Enumerable.Range(1, 14)), "2 days of this week + 91 days reach a 14th week");
        Assert.That(long_.SeasonLength, Is.EqualTo(52));
        Assert.That(short_.ForecastHorizons, Is.EqualTo(Enumerable.Range(1, 13)), "from a Monday, 91 days are 13 weeks");
        Assert.That(short_.SeasonLength, Is.EqualTo(4), "40 weeks do not hold a year and 14 periods to fit");
        Assert.That(ForecastSettings.For(ForecastPeriod.Weekly, Monday, 91, 66, true, 80).SeasonLength, Is.EqualTo(52), "52 + 14");
        Assert.That(ForecastSettings.For(ForecastPeriod.Weekly, Monday, 91, 65, true, 80).SeasonLength, Is.EqualTo(4));
        Assert.That(daily.PeriodDays, Is.EqualTo(1));
        Assert.That(daily.ForecastHorizons, Is.EqualTo(Enumerable.Range(1, 91)));
        Assert.That(daily.SeasonLength, Is.EqualTo(7));
        Assert.That(daily.MaxTrees, Is.EqualTo(80));
    }

    [Test]
    public void The_global_model_of_a_short_weekly_panel_takes_weekly_lags_windows_and_season()
    {
        // 40 weeks: lags 40/12 → 4 (the floor), windows of 4, 8 and 13 weeks (26 does not fit twice), a 4-week season,
        // the level over 8 weeks, one origin a week.
        var settings = ForecastSettings.For(ForecastPeriod.Weekly, Monday, 91, 40, true, 80);

        var options = GlobalModelOptions.For(20, 40, settings);

        Assert.That(options.Lags, Is.EqualTo(4));
        Assert.That(options.RollingWindows, Is.EqualTo(new[] { 4, 8, 13 }));
        Assert.That(options.SeasonLength, Is.EqualTo(4));
        Assert.That(options.LevelWindow, Is.EqualTo(8));
        Assert.That(options.OriginStep, Is.EqualTo(1));
    }

    [Test]
    public void A_weekly_forecast_spreads_evenly_over_its_days_and_adds_back_up_to_the_week()
    {
        // Today is Wednesday: the first five days belong to this week's bucket (70), the next seven to the next (140).
        var wednesday = Monday.AddDays(2);

        var (p10, p50, p90) = WeeklyPeriods.Daily(wednesday, 12, [56, 112], [70, 140], [84, 168]);

        Assert.That(p50.Take(5), Is.All.EqualTo(10).Within(1e-12));
        Assert.That(p50.Skip(5), Is.All.EqualTo(20).Within(1e-12));
        Assert.That(p90[0] - p50[0], Is.EqualTo(14 / Math.Sqrt(7)).Within(1e-12), "a √7th of the week's half-width");
        Assert.That(p50[0] - p10[0], Is.EqualTo(14 / Math.Sqrt(7)).Within(1e-12));
        var days = Enumerable.Range(0, 12).Select(d => new ForecastPoint(wednesday.AddDays(d), p10[d], p50[d], p90[d])).ToList();
        var weeks = WeeklyPeriods.Buckets(days);
        Assert.That(weeks.Select(w => w.Date), Is.EqualTo(new[] { Monday, Monday.AddDays(7) }));
        Assert.That(weeks[1].P50, Is.EqualTo(140).Within(1e-9), "a full week adds back up to its bucket");
        Assert.That(weeks[1].P10, Is.EqualTo(112).Within(1e-9));
        Assert.That(weeks[1].P90, Is.EqualTo(168).Within(1e-9));
        Assert.That(weeks[0].P50, Is.EqualTo(50).Within(1e-9), "five of this week's seven days are still ahead");
    }
}
