using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Returns.Data;
using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Application;

/// <summary>
/// Grades received units of a return: the inspection, the events it causes (through the outbox) and the reimbursement the
/// network owes are written in one transaction.
/// </summary>
public sealed class GradeReturnedUnitsHandler(
    Database database,
    ReturnRepository returns,
    ShippedLineRepository shipped,
    GradingRuleRepository gradingRules,
    AnalyticsRepository analytics,
    Outbox outbox,
    TimeProvider time
)
{
    /// <summary>
    /// Grades received units of a return with one finding, decides their disposition by the seller's rules, publishes
    /// <see cref="ReturnRestocked"/> or <see cref="UnsellableReturnReceived"/> with <see cref="ReturnDispositionDecided"/> per FC,
    /// and records a reimbursement when the
    /// network is responsible.
    /// </summary>
    public Task<InspectionOutcome> HandleAsync(
        string sellerId,
        Guid returnId,
        IReadOnlyList<string> unitIds,
        InspectionFinding finding,
        string? note,
        string inspector,
        Guid correlationId,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync(
            async unit =>
            {
                var target = await returns.LockAsync(unit, sellerId, returnId)
                    ?? throw new ReturnRefusedException(
                        StatusCodes.Status404NotFound,
                        "Return not found.",
                        "id",
                        $"No return {returnId} exists for this seller."
                    );
                var distinct = unitIds.Distinct(StringComparer.Ordinal).ToList();
                var units = (await returns.UnitsOfReturnAsync(unit, returnId, distinct)).ToDictionary(
                    u => u.UnitId,
                    StringComparer.Ordinal
                );
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                for (var i = 0; i < unitIds.Count; i++)
                {
                    if (!units.TryGetValue(unitIds[i], out var returned))
                    {
                        errors[$"unitIds[{i}]"] = [$"Unit {unitIds[i]} was not received for return {returnId}."];
                    }
                    else if (returned.Grade is { } grade)
                    {
                        errors[$"unitIds[{i}]"] = [$"Unit {unitIds[i]} was already graded {grade}."];
                    }
                }

                if (errors.Count > 0)
                {
                    throw new ReturnRefusedException(StatusCodes.Status422UnprocessableEntity, "Some units cannot be graded.", errors);
                }

                var rules = await gradingRules.GetAsync(unit, sellerId);
                var decision = DispositionRules.Decide(finding, target.Reason, rules);
                var now = time.GetUtcNow();
                var inspection = new InspectionRecord(
                    Guid.CreateVersion7(),
                    sellerId,
                    returnId,
                    finding.Grade,
                    finding.OpenedPackaging,
                    finding.Category,
                    note,
                    inspector,
                    distinct.Count,
                    decision.Disposition,
                    decision.Responsibility,
                    decision.Rule,
                    now.UtcDateTime
                );
                await returns.RecordInspectionAsync(unit, inspection, distinct);

                foreach (
                    var atCenter in distinct
                        .GroupBy(u => units[u].FulfillmentCenter, StringComparer.Ordinal)
                        .OrderBy(g => g.Key, StringComparer.Ordinal)
                )
                {
                    if (decision.Restocks)
                    {
                        await outbox.AddAsync(
                            unit,
                            new ReturnRestocked(
                                Guid.CreateVersion7(),
                                now,
                                sellerId,
                                correlationId,
                                returnId,
                                target.Fnsku,
                                atCenter.Key,
                                atCenter.Count()
                            )
                        );
                    }
                    else
                    {
                        await outbox.AddAsync(
                            unit,
                            new UnsellableReturnReceived(
                                Guid.CreateVersion7(),
                                now,
                                sellerId,
                                correlationId,
                                returnId,
                                target.Fnsku,
                                atCenter.Key,
                                atCenter.Count(),
                                finding.Grade
                            )
                        );
                        await outbox.AddAsync(
                            unit,
                            new ReturnDispositionDecided(
                                Guid.CreateVersion7(),
                                now,
                                sellerId,
                                correlationId,
                                returnId,
                                inspection.Id,
                                target.Fnsku,
                                atCenter.Key,
                                atCenter.Count(),
                                finding.Grade,
                                ToContract(decision.Disposition)
                            )
                        );
                    }
                }

                var reimbursement = decision.Reimbursable ? await ReimburseAsync(unit, target, inspection, now.UtcDateTime) : null;
                return new InspectionOutcome(inspection, distinct, reimbursement);
            },
            cancellationToken
        );

    private static ReturnDisposition ToContract(Disposition disposition) =>
        disposition switch
        {
            Disposition.Liquidate => ReturnDisposition.Liquidate,
            Disposition.RemoveToSeller => ReturnDisposition.RemoveToSeller,
            Disposition.Dispose => ReturnDisposition.Dispose,
            _ => throw new ArgumentOutOfRangeException(nameof(disposition), disposition, "Restocked units have no unsellable disposition."),
        };

    // At the FNSKU's average selling price, in the currency of the returned order (or the one it mostly sells in).
    private async Task<ReimbursementOutcome?> ReimburseAsync(
        UnitOfWork unit,
        ReturnRecord target,
        InspectionRecord inspection,
        DateTime now
    )
    {
        var sales = await shipped.OfFnskuAsync(unit, target.SellerId, target.Fnsku);
        var currency = sales.FirstOrDefault(l => l.OrderId == target.OrderId)?.Currency ?? Reimbursements.MainCurrency(sales);
        if (currency is null || Reimbursements.AverageSellingPrice(sales, currency) is not { } price)
        {
            // Never sold: there is no selling price to reimburse at; the inspection still records the network's responsibility.
            return null;
        }

        var amount = Reimbursements.Amount(inspection.Units, price);
        await analytics.AddReimbursementAsync(
            unit,
            new ReimbursementRecord(
                Guid.CreateVersion7(),
                target.SellerId,
                target.Id,
                inspection.Id,
                target.Fnsku,
                inspection.Grade,
                inspection.Units,
                price,
                amount,
                currency,
                now
            )
        );
        return new ReimbursementOutcome(inspection.Units, price, amount, currency);
    }
}
