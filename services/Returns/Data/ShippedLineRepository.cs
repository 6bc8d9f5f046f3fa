using InventoryPlatform.Data;
using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Data;

/// <summary>The projection of <c>OrderShipped</c>: what each order shipped, where from, at what price and when.</summary>
public sealed class ShippedLineRepository(Database database)
{
    private const string Columns = "order_id, fnsku, fulfillment_center, marketplace, quantity, unit_price, currency, shipped_at";

    private readonly string _lockOrder = database.Dialect.SelectForUpdate(
        "returns.shipped_lines",
        Columns,
        "seller_id = @SellerId AND order_id = @OrderId"
    );

    private readonly string _insert = database.Dialect.InsertIfAbsent(
        "returns.shipped_lines",
        ["order_id", "fnsku", "fulfillment_center", "shipped_at"],
        ["order_id", "fnsku", "fulfillment_center", "seller_id", "marketplace", "quantity", "unit_price", "currency", "shipped_at"]
    );

    public async Task AddAsync(UnitOfWork unit, string sellerId, IEnumerable<ShippedLine> lines)
    {
        foreach (var line in lines)
        {
            await unit.ExecuteAsync(
                _insert,
                new
                {
                    line.OrderId,
                    line.Fnsku,
                    line.FulfillmentCenter,
                    SellerId = sellerId,
                    line.Marketplace,
                    line.Quantity,
                    line.UnitPrice,
                    line.Currency,
                    ShippedAt = line.ShippedAt.UtcDateTime,
                }
            );
        }
    }

    /// <summary>
    /// The order's shipped lines, locked until the transaction ends, so two authorizations of the same order are decided one
    /// after the other and together never exceed what shipped.
    /// </summary>
    public async Task<IReadOnlyList<ShippedLine>> LockOrderAsync(UnitOfWork unit, string sellerId, Guid orderId) =>
        (await unit.QueryAsync<Row>(_lockOrder, new { SellerId = sellerId, OrderId = orderId })).Select(r => r.ToLine()).ToList();

    /// <summary>Every shipped line of one FNSKU of the seller (the basis of its average selling price).</summary>
    public async Task<IReadOnlyList<ShippedLine>> OfFnskuAsync(UnitOfWork unit, string sellerId, string fnsku) =>
        (
            await unit.QueryAsync<Row>(
                $"SELECT {Columns} FROM returns.shipped_lines WHERE seller_id = @SellerId AND fnsku = @Fnsku",
                new { SellerId = sellerId, Fnsku = fnsku }
            )
        )
            .Select(r => r.ToLine())
            .ToList();

    public Task<int> ShippedUnitsAsync(UnitOfWork unit, string sellerId, string fnsku, DateTime from, DateTime to) =>
        unit.ExecuteScalarAsync<int>(
            "SELECT COALESCE(SUM(quantity), 0) FROM returns.shipped_lines WHERE seller_id = @SellerId AND fnsku = @Fnsku AND shipped_at >= "
                + "@From AND shipped_at < @To",
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                From = from,
                To = to,
            }
        );

    private sealed class Row
    {
        public Guid OrderId { get; init; }
        public string Fnsku { get; init; } = "";
        public string FulfillmentCenter { get; init; } = "";
        public string Marketplace { get; init; } = "";
        public int Quantity { get; init; }
        public decimal UnitPrice { get; init; }
        public string Currency { get; init; } = "";
        public DateTime ShippedAt { get; init; }

        public ShippedLine ToLine() =>
            new(OrderId, Fnsku, FulfillmentCenter, Marketplace, Quantity, UnitPrice, Currency.Trim(), Utc.Of(ShippedAt));
    }
}

internal static class Utc
{
    /// <summary>SQL Server's datetime2 comes back unspecified; every stored time is UTC.</summary>
    public static DateTimeOffset Of(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    public static DateTime Kind(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);
}
