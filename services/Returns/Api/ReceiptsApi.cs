using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Hosting;
using InventoryPlatform.Returns.Data;
using InventoryPlatform.Returns.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Returns.Api;

/// <summary>Units scanned at an FC's returns dock: for an authorized return (<c>returnId</c>), or without one (<c>fnsku</c>
/// only).</summary>
public sealed record ReceiptRequest(string? FulfillmentCenter, Guid? ReturnId, string? Fnsku, IReadOnlyList<string?>? UnitIds);

/// <summary>
/// What a receipt recorded. <c>alreadyScanned</c>: unit ids received before (or twice in this request), not counted again;
/// <c>beyondAuthorization</c>: units received over the authorized quantity, flagged.
/// </summary>
public sealed record ReceiptResponse(
    Guid? ReturnId,
    bool Unexpected,
    int Accepted,
    IReadOnlyList<string> AlreadyScanned,
    IReadOnlyList<string> BeyondAuthorization
);

public sealed record InspectionRequest(
    IReadOnlyList<string?>? UnitIds,
    ReturnGrade? Grade,
    bool? OpenedPackaging,
    string? Category,
    string? Note,
    string? Inspector
);

public sealed record ReimbursementSummary(int Units, Money UnitPrice, Money Amount);

public sealed record InspectionResponse(
    Guid Id,
    Guid ReturnId,
    ReturnGrade Grade,
    bool OpenedPackaging,
    string? Category,
    string? Note,
    string Inspector,
    int Units,
    Disposition Disposition,
    Responsibility Responsibility,
    string Rule,
    DateTime InspectedAt,
    IReadOnlyList<string>? UnitIds,
    ReimbursementSummary? Reimbursement
)
{
    public static InspectionResponse From(
        InspectionRecord i,
        IReadOnlyList<string>? unitIds = null,
        ReimbursementOutcome? reimbursement = null
    ) =>
        new(
            i.Id,
            i.ReturnId,
            i.Grade,
            i.OpenedPackaging,
            i.Category,
            i.Note,
            i.Inspector,
            i.Units,
            i.Disposition,
            i.Responsibility,
            i.Rule,
            i.InspectedAt,
            unitIds,
            reimbursement is { } r
                ? new ReimbursementSummary(r.Units, new Money(r.UnitPrice, r.Currency), new Money(r.Amount, r.Currency))
                : null
        );
}

public static class ReceiptsApi
{
    public const int MaxUnits = 1000;

    public static IEndpointRouteBuilder MapReceiptsApi(this IEndpointRouteBuilder routes)
    {
        var prefix = ReturnsService.Descriptor.ApiPrefix;
        routes
            .MapPost($"{prefix}/receipts", Receive)
            .WithTags("Receipt and inspection")
            .WithName("ReceiveReturnedUnits")
            .WithSummary(
                "Record returned units scanned at an FC. Each unit id counts once (repeats are reported in alreadyScanned). "
                    + "With returnId the units are matched to that authorization; without it they open an unexpected return, flagged."
            );
        var returns = routes.MapGroup($"{prefix}/returns/{{id:guid}}/inspections").WithTags("Receipt and inspection");
        returns
            .MapPost("/", Inspect)
            .WithName("GradeReturnedUnits")
            .WithSummary(
                "Grade received units of a return (sellable, customerDamaged, carrierDamaged, defective, warehouseDamaged) with the "
                    + "inspector and a note. "
                    + "The seller's grading rules decide the disposition: restocked units publish ReturnRestocked, others "
                    + "UnsellableReturnReceived; "
                    + "carrier or warehouse damage records a reimbursement at the average selling price."
            );
        returns.MapGet("/", ListInspections).WithName("ListInspections").WithSummary("The inspections of a return, paged by cursor.");
        return routes;
    }

    public static async Task<Results<Ok<ReceiptResponse>, ValidationProblem, ProblemHttpResult>> Receive(
        ReceiptRequest request,
        Seller seller,
        HttpContext http,
        ReturnDesk desk,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(Fields.IsFulfillmentCenter(request.FulfillmentCenter), "fulfillmentCenter", Fields.FulfillmentCenterRule);
        if (request.ReturnId is null)
        {
            validation.Require(
                Fields.IsFnsku(request.Fnsku),
                "fnsku",
                Fields.FnskuRule + " (Needed when the units come without a returnId.)"
            );
        }
        else
        {
            validation.Require(request.Fnsku is null || Fields.IsFnsku(request.Fnsku), "fnsku", Fields.FnskuRule);
        }

        var unitIds = CheckUnitIds(request.UnitIds, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        try
        {
            var outcome = await desk.ReceiveAsync(
                seller.Id,
                request.ReturnId,
                request.Fnsku?.ToUpperInvariant(),
                request.FulfillmentCenter!.ToUpperInvariant(),
                unitIds,
                Correlation.Of(http),
                cancellationToken
            );
            return TypedResults.Ok(
                new ReceiptResponse(
                    outcome.ReturnId,
                    outcome.Unexpected,
                    outcome.Accepted,
                    outcome.AlreadyScanned,
                    outcome.BeyondAuthorization
                )
            );
        }
        catch (ReturnRefusedException refused)
        {
            return refused.ToProblem();
        }
    }

    public static async Task<Results<Ok<InspectionResponse>, ValidationProblem, ProblemHttpResult>> Inspect(
        Guid id,
        InspectionRequest request,
        Seller seller,
        HttpContext http,
        ReturnDesk desk,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(
            request.Grade is not null,
            "grade",
            "Is required: " + string.Join(", ", Enum.GetNames<ReturnGrade>().Select(Fields.Camel)) + "."
        );
        validation.Require(
            request.Inspector is { Length: >= 1 and <= 100 } && !string.IsNullOrWhiteSpace(request.Inspector),
            "inspector",
            "Is required: who inspected, at most 100 characters."
        );
        validation.Require(request.Note is null || request.Note.Length <= 1000, "note", "At most 1000 characters.");
        validation.Require(
            request.Category is null || (request.Category.Length is >= 1 and <= 50 && !string.IsNullOrWhiteSpace(request.Category)),
            "category",
            "At most 50 characters."
        );
        var unitIds = CheckUnitIds(request.UnitIds, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        try
        {
            var finding = new InspectionFinding(request.Grade!.Value, request.OpenedPackaging ?? false, request.Category?.Trim());
            var outcome = await desk.InspectAsync(
                seller.Id,
                id,
                unitIds,
                finding,
                request.Note,
                request.Inspector!.Trim(),
                Correlation.Of(http),
                cancellationToken
            );
            return TypedResults.Ok(InspectionResponse.From(outcome.Inspection, outcome.UnitIds, outcome.Reimbursement));
        }
        catch (ReturnRefusedException refused)
        {
            return refused.ToProblem();
        }
    }

    public static async Task<Results<Ok<Page<InspectionResponse>>, ValidationProblem, ProblemHttpResult>> ListInspections(
        Guid id,
        HttpContext http,
        Seller seller,
        string? sellerId,
        int? limit,
        string? cursor,
        ReturnRepository returns,
        CancellationToken cancellationToken
    )
    {
        if (ReadScope.Resolve(http, seller, sellerId) is not { } owner)
        {
            return ReadScope.Forbidden();
        }

        var validation = new Validation();
        var (take, after) = Cursor.ReadGuid(limit, cursor, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (await returns.GetAsync(owner, id, cancellationToken) is null)
        {
            return Problems.NotFound("Return", id.ToString());
        }

        var rows = await returns.InspectionsAsync(owner, id, take + 1, after, cancellationToken);
        return TypedResults.Ok(Cursor.ToPage(rows.Select(r => InspectionResponse.From(r)).ToList(), take, r => r.Id.ToString()));
    }

    private static List<string> CheckUnitIds(IReadOnlyList<string?>? unitIds, Validation validation)
    {
        if (unitIds is null || unitIds.Count == 0)
        {
            validation.Add("unitIds", "At least one unit id is required.");
            return [];
        }

        if (unitIds.Count > MaxUnits)
        {
            validation.Add("unitIds", $"At most {MaxUnits} units per request.");
            return [];
        }

        for (var i = 0; i < unitIds.Count; i++)
        {
            validation.Require(Fields.IsUnitId(unitIds[i]), $"unitIds[{i}]", Fields.UnitIdRule);
        }

        return unitIds.Select(u => u ?? "").ToList();
    }
}
