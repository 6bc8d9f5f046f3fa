using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Domain;

namespace InventoryPlatform.Limits.Data;

/// <summary>
/// The sales and service facts the KPIs are computed from, one row per event, and the reads that turn them into
/// <see cref="KpiInputs"/> for one seller or for the whole network (seller null).
/// </summary>
public sealed class ActivityRepository(Database database)
{
    private readonly string _recordShipment = database.Dialect.InsertIfAbsent(
        "limits.order_shipments",
        ["event_id"],
        ["event_id", "seller_id", "order_id", "fulfillment_center", "day", "units", "hours_to_ship"]
    );

    private readonly string _createShippedUnits = database.Dialect.InsertIfAbsent(
        "limits.shipped_units",
        ["seller_id", "fnsku", "day"],
        ["seller_id", "fnsku", "day", "units"]
    );

    private readonly string _recordCancellation = database.Dialect.InsertIfAbsent(
        "limits.order_cancellations",
        ["seller_id", "order_id"],
        ["seller_id", "order_id", "day"]
    );

    private readonly string _recordDefective = database.Dialect.InsertIfAbsent(
        "limits.defective_returns",
        ["event_id"],
        ["event_id", "seller_id", "return_id", "fnsku", "quantity", "day"]
    );

    private readonly string _recordInbound = database.Dialect.InsertIfAbsent(
        "limits.inbound_closed",
        ["shipment_id"],
        ["shipment_id", "seller_id", "fulfillment_center", "day", "expected_units", "received_units"]
    );

    private readonly string _upsertForecast = database.Dialect.Upsert(
        "limits.forecasts",
        ["seller_id", "fnsku"],
        ["seller_id", "fnsku", "horizon_days", "total_units_p50", "forecast_at"],
        ["horizon_days", "total_units_p50", "forecast_at"]
    );

    public async Task RecordShipmentAsync(UnitOfWork unit, OrderShipped shipped)
    {
        var day = Dates.Day(shipped.OccurredAt);
        var inserted = await unit.ExecuteAsync(
            _recordShipment,
            new
            {
                shipped.EventId,
                shipped.SellerId,
                shipped.OrderId,
                shipped.FulfillmentCenter,
                Day = day,
                Units = shipped.Lines.Sum(l => l.Quantity),
                HoursToShip = shipped.HoursFromOrderToShip,
            }
        );
        if (inserted == 0)
        {
            return;
        }

        foreach (var line in shipped.Lines.GroupBy(l => l.Fnsku, StringComparer.Ordinal))
        {
            var key = new
            {
                shipped.SellerId,
                Fnsku = line.Key,
                Day = day,
                Units = 0,
            };
            await unit.ExecuteAsync(_createShippedUnits, key);
            await unit.ExecuteAsync(
                "UPDATE limits.shipped_units SET units = units + @Units WHERE seller_id = @SellerId AND fnsku = @Fnsku AND day = @Day",
                key with
                {
                    Units = line.Sum(l => l.Quantity),
                }
            );
        }
    }

    public Task RecordCancellationAsync(UnitOfWork unit, OrderCancelled cancelled) =>
        unit.ExecuteAsync(
            _recordCancellation,
            new
            {
                cancelled.SellerId,
                cancelled.OrderId,
                Day = Dates.Day(cancelled.OccurredAt),
            }
        );

    public Task RecordDefectiveReturnAsync(UnitOfWork unit, UnsellableReturnReceived received) =>
        unit.ExecuteAsync(
            _recordDefective,
            new
            {
                received.EventId,
                received.SellerId,
                received.ReturnId,
                received.Fnsku,
                received.Quantity,
                Day = Dates.Day(received.OccurredAt),
            }
        );

    public Task RecordInboundClosedAsync(UnitOfWork unit, InboundShipmentClosed closed) =>
        unit.ExecuteAsync(
            _recordInbound,
            new
            {
                closed.ShipmentId,
                closed.SellerId,
                closed.FulfillmentCenter,
                Day = Dates.Day(closed.OccurredAt),
                ExpectedUnits = closed.Lines.Sum(l => l.ExpectedUnits),
                ReceivedUnits = closed.Lines.Sum(l => l.ReceivedSellable + l.ReceivedDamaged),
            }
        );

    /// <summary>Keeps the newest forecast of an FNSKU; an older one arriving late changes nothing.</summary>
    public async Task SaveForecastAsync(UnitOfWork unit, DemandForecastUpdated forecast)
    {
        var stored = await unit.QuerySingleOrDefaultAsync<DateTime?>(
            "SELECT forecast_at FROM limits.forecasts WHERE seller_id = @SellerId AND fnsku = @Fnsku",
            new { forecast.SellerId, forecast.Fnsku }
        );
        if (stored is { } at && at >= forecast.OccurredAt.UtcDateTime)
        {
            return;
        }

        await unit.ExecuteAsync(
            _upsertForecast,
            new
            {
                forecast.SellerId,
                forecast.Fnsku,
                forecast.HorizonDays,
                forecast.TotalUnitsP50,
                ForecastAt = forecast.OccurredAt.UtcDateTime,
            }
        );
    }

    /// <summary>
    /// Everything the KPIs over [from, to] need, reading back far enough for the rolling 90-day sell-through of the first day.
    /// Items are keyed "seller|fnsku" so the network view keeps each seller's FNSKUs apart.
    /// </summary>
    public Task<KpiInputs> LoadAsync(
        string? sellerId,
        DateOnly from,
        DateOnly to,
        int excessCoverDays,
        double lateAfterHours,
        CancellationToken cancellationToken
    ) =>
        database.ReadAsync(
            async (connection, token) =>
            {
                var lookBack = from.AddDays(-Kpis.SellThroughDays);
                var seller = sellerId is null ? "" : "seller_id = @SellerId AND ";
                var args = new
                {
                    SellerId = sellerId,
                    From = Dates.Day(lookBack),
                    To = Dates.Day(to),
                    WindowFrom = Dates.Day(from),
                    RecentFrom = Dates.Day(to.AddDays(1 - Kpis.SellThroughDays)),
                };

                async Task<List<T>> Query<T>(string sql) =>
                    (
                        await Dapper.SqlMapper.QueryAsync<T>(connection, new Dapper.CommandDefinition(sql, args, cancellationToken: token))
                    ).ToList();

                // The readings in the look-back window, plus each item's last reading before it, carried forward.
                var readings = await Query<StockDayRow>(
                    "SELECT d.seller_id, d.fnsku, d.day, d.on_hand, d.available FROM limits.stock_days d "
                        + $"WHERE {seller.Replace("seller_id", "d.seller_id", StringComparison.Ordinal)}d.day <= @To AND (d.day >= @From "
                        + $"OR d.day = "
                        + "(SELECT MAX(p.day) FROM limits.stock_days p WHERE p.seller_id = d.seller_id AND p.fnsku = d.fnsku AND p.day < "
                        + "@From))"
                );
                var shipments = await Query<ShipmentRow>(
                    $"SELECT order_id, day, units, hours_to_ship FROM limits.order_shipments WHERE {seller}day >= @From AND day <= @To"
                );
                var cancellations = await Query<CancellationRow>(
                    $"SELECT order_id, day FROM limits.order_cancellations WHERE {seller}day >= @WindowFrom AND day <= @To"
                );
                var defective = await Query<ReturnRow>(
                    $"SELECT return_id, day FROM limits.defective_returns WHERE {seller}day >= @WindowFrom AND day <= @To"
                );
                var inbound = await Query<InboundRow>(
                    $"SELECT shipment_id, day, expected_units, received_units FROM limits.inbound_closed WHERE {seller}day >= @WindowFrom "
                        + "AND day <= @To"
                );
                var listed = await Query<KeyRow>(
                    $"SELECT seller_id, fnsku FROM limits.items{(sellerId is null ? "" : " WHERE seller_id = @SellerId")}"
                );
                var forecasts = await Query<ForecastRow>(
                    $"SELECT seller_id, fnsku, horizon_days, total_units_p50 FROM "
                        + $"limits.forecasts{(sellerId is null ? "" : " WHERE seller_id = @SellerId")}"
                );
                var recentSales = await Query<SalesRow>(
                    "SELECT seller_id, fnsku, SUM(units) AS units FROM limits.shipped_units "
                        + $"WHERE {seller}day >= @RecentFrom AND day <= @To GROUP BY seller_id, fnsku"
                );

                // Expected demand over the cover horizon: the latest forecast scaled to it, or, without one, the last 90 days' sales.
                var demand = recentSales.ToDictionary(
                    s => Key(s.SellerId, s.Fnsku),
                    s => (double)s.Units * excessCoverDays / Kpis.SellThroughDays,
                    StringComparer.Ordinal
                );
                foreach (var f in forecasts.Where(f => f.HorizonDays > 0))
                {
                    demand[Key(f.SellerId, f.Fnsku)] = f.TotalUnitsP50 / f.HorizonDays * excessCoverDays;
                }

                return new KpiInputs(
                    from,
                    to,
                    readings.Select(r => new StockReading(Key(r.SellerId, r.Fnsku), Dates.ToDay(r.Day), r.OnHand, r.Available)).ToList(),
                    shipments.Select(s => new ShipmentRecord(s.OrderId, Dates.ToDay(s.Day), s.Units, s.HoursToShip)).ToList(),
                    cancellations.Select(c => new CancellationRecord(c.OrderId, Dates.ToDay(c.Day))).ToList(),
                    defective.Select(d => new DefectiveReturnRecord(d.ReturnId, Dates.ToDay(d.Day))).ToList(),
                    inbound
                        .Select(i => new InboundClosedRecord(i.ShipmentId, Dates.ToDay(i.Day), i.ExpectedUnits, i.ReceivedUnits))
                        .ToList(),
                    listed.Select(l => Key(l.SellerId, l.Fnsku)).ToHashSet(StringComparer.Ordinal),
                    demand,
                    lateAfterHours
                );
            },
            cancellationToken
        );

    /// <summary>Cubic feet the seller shipped per storage type in [from, to].</summary>
    public async Task<VolumeByType> ShippedVolumeAsync(string sellerId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync<TypeVolume>(
            "SELECT i.storage_type, SUM(u.units * i.unit_cubic_feet) AS cubic_feet FROM limits.shipped_units u "
                + "JOIN limits.items i ON i.seller_id = u.seller_id AND i.fnsku = u.fnsku "
                + "WHERE u.seller_id = @SellerId AND u.day >= @From AND u.day <= @To GROUP BY i.storage_type",
            new
            {
                SellerId = sellerId,
                From = Dates.Day(from),
                To = Dates.Day(to),
            },
            cancellationToken
        );
        var volumes = new VolumeByType();
        foreach (var row in rows)
        {
            volumes.Add(Enum.Parse<StorageType>(row.StorageType), row.CubicFeet ?? 0);
        }

        return volumes;
    }

    private static string Key(string sellerId, string fnsku) => $"{sellerId}|{fnsku}";

    private sealed class StockDayRow
    {
        public string SellerId { get; init; } = "";
        public string Fnsku { get; init; } = "";
        public object Day { get; init; } = DateTime.MinValue;
        public int OnHand { get; init; }
        public int Available { get; init; }
    }

    private sealed class ShipmentRow
    {
        public Guid OrderId { get; init; }
        public object Day { get; init; } = DateTime.MinValue;
        public int Units { get; init; }
        public double HoursToShip { get; init; }
    }

    private sealed class CancellationRow
    {
        public Guid OrderId { get; init; }
        public object Day { get; init; } = DateTime.MinValue;
    }

    private sealed class ReturnRow
    {
        public Guid ReturnId { get; init; }
        public object Day { get; init; } = DateTime.MinValue;
    }

    private sealed class InboundRow
    {
        public Guid ShipmentId { get; init; }
        public object Day { get; init; } = DateTime.MinValue;
        public int ExpectedUnits { get; init; }
        public int ReceivedUnits { get; init; }
    }

    private sealed class KeyRow
    {
        public string SellerId { get; init; } = "";
        public string Fnsku { get; init; } = "";
    }

    private sealed class ForecastRow
    {
        public string SellerId { get; init; } = "";
        public string Fnsku { get; init; } = "";
        public int HorizonDays { get; init; }
        public double TotalUnitsP50 { get; init; }
    }

    private sealed class SalesRow
    {
        public string SellerId { get; init; } = "";
        public string Fnsku { get; init; } = "";
        public long Units { get; init; }
    }

    private sealed class TypeVolume
    {
        public string StorageType { get; init; } = "";
        public decimal? CubicFeet { get; init; }
    }
}
