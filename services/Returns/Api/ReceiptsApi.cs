using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Network;
using InventoryPlatform.Primitives;
using InventoryPlatform.Returns.Application;
using InventoryPlatform.Returns.Data;
using InventoryPlatform.Returns.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Returns.Api;

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
        ReceiveReturnedUnitsHandler receive,
        NetworkDirectory network,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(Fields.IsFulfillmentCenter(request.FulfillmentCenter), "fulfillmentCenter", Fields.FulfillmentCenterRule);
        (await network.GetAsync(cancellationToken)).Require(
            validation,
            NetworkReference.FulfillmentCenter,
            "fulfillmentCenter",
            request.FulfillmentCenter
        );
        if (request.ReturnId is null)
        {
            validation.Require(Fnsku.IsValid(request.Fnsku), "fnsku", Fnsku.Rule + " (Needed when the units come without a returnId.)");
        }
        else
        {
            validation.Require(request.Fnsku is null || Fnsku.IsValid(request.Fnsku), "fnsku", Fnsku.Rule);
        }

        var unitIds = CheckUnitIds(request.UnitIds, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        try
        {
            var outcome = await receive.HandleAsync(
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
            return ReturnsApi.Problem(refused);
        }
    }

    public static async Task<Results<Ok<InspectionResponse>, ValidationProblem, ProblemHttpResult>> Inspect(
        Guid id,
        InspectionRequest request,
        Seller seller,
        HttpContext http,
        GradeReturnedUnitsHandler grade,
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
            var outcome = await grade.HandleAsync(
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
            return ReturnsApi.Problem(refused);
        }
    }

    public static async Task<Results<Ok<Page<InspectionResponse>>, ValidationProblem, ProblemHttpResult>> ListInspections(
        Guid id,
        HttpContext http,
        string? sellerId,
        int? limit,
        string? cursor,
        ReturnRepository returns,
        CancellationToken cancellationToken
    )
    {
        var owner = SellerAccess.Of(http, sellerId);

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
