using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Returns.Application;
using InventoryPlatform.Returns.Data;
using InventoryPlatform.Returns.Domain;
using MassTransit;

namespace InventoryPlatform.Returns.Messaging;

/// <summary>
/// Keeps what can be returned: each shipped line per order, FNSKU and FC with its quantity, price, marketplace and ship time.
/// Return authorizations are only ever checked against this projection.
/// </summary>
public sealed class OrderShippedConsumer(Database database, Inbox inbox, ShippedLineRepository lines, ReturnRateAlarmHandler alarms)
    : InboxConsumer<OrderShipped>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<OrderShipped> context, UnitOfWork unit)
    {
        var shipped = context.Message;
        var projected = Project(shipped);
        await lines.AddAsync(unit, shipped.SellerId, projected);
        foreach (var line in projected)
        {
            await alarms.AfterSaleAsync(unit, shipped.SellerId, line.Fnsku, shipped.CorrelationId);
        }
    }

    /// <summary>One line per FNSKU: an order listing an FNSKU twice (two prices) becomes its total at the quantity-weighted
    /// price.</summary>
    public static IReadOnlyList<ShippedLine> Project(OrderShipped shipped) =>
        shipped
            .Lines.Where(l => l.Quantity > 0)
            .GroupBy(l => l.Fnsku, StringComparer.Ordinal)
            .Select(g =>
            {
                var quantity = g.Sum(l => l.Quantity);
                var price = Math.Round(g.Sum(l => l.UnitPrice.Amount * l.Quantity) / quantity, 4, MidpointRounding.AwayFromZero);
                return new ShippedLine(
                    shipped.OrderId,
                    g.Key,
                    shipped.FulfillmentCenter,
                    shipped.Marketplace,
                    quantity,
                    price,
                    g.First().UnitPrice.Currency.ToUpperInvariant(),
                    shipped.OccurredAt
                );
            })
            .ToList();
}
