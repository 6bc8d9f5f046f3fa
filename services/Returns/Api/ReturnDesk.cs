using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Messaging;
using InventoryPlatform.Returns.Data;
using InventoryPlatform.Returns.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Returns.Api;

/// <summary>
/// A request refused after its shape was checked: by what is stored (an unknown order, a closed window, a unit already graded).
/// Thrown inside the transaction so nothing it did is kept; the endpoint answers with <see cref="ToProblem"/>.
/// </summary>
public sealed class ReturnRefusedException(int status, string title, IReadOnlyDictionary<string, string[]> errors)
    : Exception($"{status} {title}")
{
    public ReturnRefusedException(int status, string title, string field, string reason)
        : this(status, title, new Dictionary<string, string[]> { [field] = [reason] }) { }

    public ProblemHttpResult ToProblem() =>
        TypedResults.Problem(
            new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = status,
                Title = title,
                Detail = string.Join(" ", errors.SelectMany(e => e.Value)),
            }
        );
}

public sealed record ReceiptOutcome(
    Guid? ReturnId,
    bool Unexpected,
    int Accepted,
    IReadOnlyList<string> AlreadyScanned,
    IReadOnlyList<string> BeyondAuthorization
);

public sealed record ReimbursementOutcome(int Units, decimal UnitPrice, decimal Amount, string Currency);

public sealed record InspectionOutcome(InspectionRecord Inspection, IReadOnlyList<string> UnitIds, ReimbursementOutcome? Reimbursement);

/// <summary>
/// Receives returned units and grades them: every change, the events it causes (through the outbox) and the reimbursement it
/// owes are written in one transaction.
/// </summary>
public sealed class ReturnDesk(
    Database database,
    ReturnRepository returns,
    ShippedLineRepository shipped,
    GradingRuleRepository gradingRules,
    AnalyticsRepository analytics,
    ReturnRateWatch watch,
    Outbox outbox,
    TimeProvider time
)
{
    /// <summary>
    /// Records each unit id once (a repeat, in this request or any earlier one, is reported and not counted again). Units with no
    /// authorization open an unexpected return, flagged; units beyond what a return authorized are received and flagged too.
    /// </summary>
    public Task<ReceiptOutcome> ReceiveAsync(
        string sellerId,
        Guid? returnId,
        string? fnsku,
        string fulfillmentCenter,
        IReadOnlyList<string> unitIds,
        Guid correlationId,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync(
            async unit =>
            {
                ReturnRecord? target = null;
                if (returnId is { } id)
                {
                    target = await returns.LockAsync(unit, sellerId, id)
                        ?? throw new ReturnRefusedException(
                            StatusCodes.Status404NotFound,
                            "Return not found.",
                            "returnId",
                            $"No return {id} exists for this seller."
                        );
                    if (fnsku is not null && !string.Equals(fnsku, target.Fnsku, StringComparison.Ordinal))
                    {
                        throw new ReturnRefusedException(
                            StatusCodes.Status422UnprocessableEntity,
                            "Wrong item for this return.",
                            "fnsku",
                            $"Return {id} is for {target.Fnsku}, not {fnsku}."
                        );
                    }
                }

                var distinct = unitIds.Distinct(StringComparer.Ordinal).ToList();
                var known = await returns.KnownUnitsAsync(unit, distinct);
                var fresh = distinct.Where(u => !known.ContainsKey(u)).ToList();
                var repeated = unitIds
                    .Where((u, i) => known.ContainsKey(u) || unitIds.Take(i).Contains(u, StringComparer.Ordinal))
                    .ToList();
                if (fresh.Count == 0)
                {
                    return new ReceiptOutcome(target?.Id ?? known.Values.FirstOrDefault(), target?.Unexpected ?? true, 0, repeated, []);
                }

                var now = time.GetUtcNow().UtcDateTime;
                if (target is null)
                {
                    target = new ReturnRecord(Guid.CreateVersion7(), sellerId, true, null, fnsku!, null, null, 0, 0, 0, null, now, now);
                    await returns.CreateAsync(unit, target);
                }

                var room = target.Unexpected ? int.MaxValue : Math.Max(target.AuthorizedQuantity - target.ReceivedUnits, 0);
                var accepted = 0;
                var beyond = new List<string>();
                foreach (var unitId in fresh)
                {
                    var isBeyond = accepted >= room;
                    if (
                        await returns.TryRecordUnitAsync(
                            unit,
                            sellerId,
                            new ReturnedUnit(unitId, target.Id, target.Fnsku, fulfillmentCenter, isBeyond, now, null, null)
                        )
                    )
                    {
                        accepted++;
                        if (isBeyond)
                        {
                            beyond.Add(unitId);
                        }
                    }
                    else
                    {
                        repeated.Add(unitId);
                    }
                }

                await returns.AddReceivedAsync(unit, target.Id, accepted, now);
                await watch.AfterReturnAsync(unit, sellerId, target.Fnsku, correlationId);
                return new ReceiptOutcome(target.Id, target.Unexpected, accepted, repeated, beyond);
            },
            cancellationToken
        );

    /// <summary>
    /// Grades received units of a return with one finding, decides their disposition by the seller's rules, publishes
    /// <see cref="ReturnRestocked"/> or <see cref="UnsellableReturnReceived"/> per FC, and records a reimbursement when the
    /// network is responsible.
    /// </summary>
    public Task<InspectionOutcome> InspectAsync(
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
                    }
                }

                var reimbursement = decision.Reimbursable ? await ReimburseAsync(unit, target, inspection, now.UtcDateTime) : null;
                return new InspectionOutcome(inspection, distinct, reimbursement);
            },
            cancellationToken
        );

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
