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
    GradingRuleRepository gradingRules,
    OwedReimbursements reimbursements,
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

                var centers = distinct.Select(u => units[u].FulfillmentCenter).Distinct(StringComparer.Ordinal).ToList();
                var reimbursement = decision.Reimbursable
                    ? await ReimburseAsync(unit, target, inspection, centers.Count == 1 ? centers[0] : null, correlationId, now.UtcDateTime)
                    : null;
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

    private Task<ReimbursementOutcome?> ReimburseAsync(
        UnitOfWork unit,
        ReturnRecord target,
        InspectionRecord inspection,
        string? fulfillmentCenter,
        Guid correlationId,
        DateTime now
    ) =>
        reimbursements.OweAsync(
            unit,
            new ReimbursementClaim(
                correlationId,
                target.SellerId,
                target.Fnsku,
                inspection.Units,
                inspection.Grade == ReturnGrade.CarrierDamaged ? ReimbursementReason.CarrierDamaged : ReimbursementReason.WarehouseDamaged,
                OrderId: target.OrderId,
                ReturnId: target.Id,
                InspectionId: inspection.Id,
                FulfillmentCenter: fulfillmentCenter
            ),
            now
        );
}
