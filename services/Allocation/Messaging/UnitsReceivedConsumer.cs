using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Allocation.Messaging;

/// <summary>
/// Units scanned at a dock go on the ledger: sellable ones on hand, damaged ones unfulfillable, out of the shipment's inbound
/// (never below 0: units beyond the ASN just arrive). Sellable units then fill the seller's backorders of the FNSKU.
/// </summary>
public sealed class UnitsReceivedConsumer(Database database, Inbox inbox, InboundPosting inbound, BackorderFiller backorders)
    : InboxConsumer<UnitsReceived>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<UnitsReceived> context, UnitOfWork unit)
    {
        var received = context.Message;
        // Adding units can only be refused on corrupt input; the exception lets retries and the error queue keep the message.
        if (await inbound.ReceivedAsync(unit, received))
        {
            await backorders.FillAsync(unit, received.SellerId, received.Fnsku, received.CorrelationId);
        }
    }
}
