using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Returns.Data;
using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Application;

/// <summary>
/// The one place reimbursements are priced and recorded, for damaged returns and for units an FC lost or damaged alike: at the
/// FNSKU's average selling price, in the currency of the order the units came from (or the one the FNSKU mostly sells in).
/// Each one is announced to partners with <see cref="ReimbursementCreated"/> in the same transaction.
/// </summary>
public sealed class OwedReimbursements(ShippedLineRepository shipped, AnalyticsRepository analytics, Outbox outbox)
{
    /// <summary>Records the reimbursement in the caller's transaction; null when the FNSKU never sold (no price to reimburse at).</summary>
    public async Task<ReimbursementOutcome?> OweAsync(UnitOfWork unit, ReimbursementClaim claim, DateTime now)
    {
        var sales = await shipped.OfFnskuAsync(unit, claim.SellerId, claim.Fnsku);
        var currency = (claim.OrderId is { } orderId ? sales.FirstOrDefault(l => l.OrderId == orderId)?.Currency : null)
            ?? Reimbursements.MainCurrency(sales);
        if (currency is null || Reimbursements.AverageSellingPrice(sales, currency) is not { } price)
        {
            return null;
        }

        var amount = Reimbursements.Amount(claim.Units, price);
        var record = new ReimbursementRecord(
            Guid.CreateVersion7(),
            claim.SellerId,
            claim.Reason,
            claim.ReturnId,
            claim.InspectionId,
            claim.AdjustmentId,
            claim.Fnsku,
            claim.Units,
            price,
            amount,
            currency,
            now
        );
        await analytics.AddReimbursementAsync(unit, record);
        await outbox.AddAsync(
            unit,
            new ReimbursementCreated(
                Guid.CreateVersion7(),
                new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)),
                claim.SellerId,
                claim.CorrelationId,
                record.Id,
                claim.Reason.ToString(),
                claim.ReturnId,
                claim.AdjustmentId,
                claim.Fnsku,
                claim.FulfillmentCenter,
                claim.Units,
                new Money(price, currency),
                new Money(amount, currency)
            )
        );
        return new ReimbursementOutcome(claim.Units, price, amount, currency);
    }
}
