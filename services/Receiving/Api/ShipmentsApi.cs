using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Hosting;
using InventoryPlatform.Messaging;
using InventoryPlatform.Receiving.Data;
using InventoryPlatform.Receiving.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InventoryPlatform.Receiving.Api;

public sealed record ShipmentLineRequest(string? Fnsku, int ExpectedUnits, int? CasePack);

public sealed record CreateShipmentRequest(string? FulfillmentCenter, IReadOnlyList<ShipmentLineRequest>? Lines);

public sealed record ShipmentLineResponse(string Fnsku, int ExpectedUnits, int? CasePack, int ReceivedSellable, int ReceivedDamaged);

public sealed record ShipmentResponse(
    Guid Id,
    string FulfillmentCenter,
    ShipmentStatus Status,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? ShippedAt,
    DateTime? ClosedAt,
    DateTime? CancelledAt,
    IReadOnlyList<ShipmentLineResponse> Lines
);

public sealed record ReportLine(string Fnsku, int ExpectedUnits, int ReceivedSellable, int ReceivedDamaged, int Shortage, int Overage);

public sealed record ReportTotals(int ExpectedUnits, int ReceivedSellable, int ReceivedDamaged, int Shortage, int Overage);

/// <summary>
/// Expected against received per line. <c>Final</c> is true once the shipment is closed; before that the
/// figures are the discrepancies so far.
/// </summary>
public sealed record ShipmentReport(
    Guid Id,
    string FulfillmentCenter,
    ShipmentStatus Status,
    bool Final,
    DateTime? ClosedAt,
    IReadOnlyList<ReportLine> Lines,
    ReportTotals Totals,
    IReadOnlyList<ReportLine> Discrepancies
);

public sealed record ShipmentSummary(Guid Id, string FulfillmentCenter, ShipmentStatus Status, DateTime CreatedAt);

public sealed record ScanRequest(string? UnitId, string? Fnsku, UnitCondition? Condition);

public sealed record ScanBatchRequest(IReadOnlyList<ScanRequest>? Scans);

public sealed record ScanResult(int Accepted, IReadOnlyList<string> AlreadyScanned);

/// <summary>A received unit; <c>binId</c> is where it was put away (absent while no bin of the FC had room, and for damaged
/// units).</summary>
public sealed record UnitResponse(
    string UnitId,
    Guid ShipmentId,
    string Fnsku,
    string FulfillmentCenter,
    UnitCondition Condition,
    DateTime ScannedAt,
    string? BinId
);

public static class ShipmentsApi
{
    public static RouteGroupBuilder MapShipmentsApi(this IEndpointRouteBuilder routes)
    {
        var prefix = ReceivingService.Descriptor.ApiPrefix;
        var group = routes.MapGroup($"{prefix}/shipments").WithTags("Inbound shipments");

        group
            .MapPost("/", CreateShipment)
            .WithName("CreateShipment")
            .WithSummary("Plan an inbound shipment (ASN) to a fulfillment center. Accepts an Idempotency-Key header.");
        group
            .MapGet("/{id}", GetShipment)
            .WithName("GetShipment")
            .WithSummary("A shipment with its lines: units expected and received so far.");
        group.MapGet("/", ListShipments).WithName("ListShipments").WithSummary("The seller's shipments, paged by cursor.");
        group
            .MapPost(
                "/{id}/ship",
                (Guid id, Seller seller, HttpContext http, ShipmentTransitions transitions, CancellationToken cancellationToken) =>
                    transitions.ApplyAsync(seller, id, ShipmentAction.Ship, Correlation.Of(http), cancellationToken)
            )
            .WithName("ShipShipment")
            .WithSummary("The seller handed the shipment to the carrier: Created → InTransit.");
        group
            .MapPost(
                "/{id}/close",
                (Guid id, Seller seller, HttpContext http, ShipmentTransitions transitions, CancellationToken cancellationToken) =>
                    transitions.ApplyAsync(seller, id, ShipmentAction.Close, Correlation.Of(http), cancellationToken)
            )
            .WithName("CloseShipment")
            .WithSummary(
                "Receiving is done: InTransit or Receiving → Closed. Computes shortages, overages and damaged units per line and publishes "
                    + "InboundShipmentClosed."
            );
        group
            .MapPost(
                "/{id}/cancel",
                (Guid id, Seller seller, HttpContext http, ShipmentTransitions transitions, CancellationToken cancellationToken) =>
                    transitions.ApplyAsync(seller, id, ShipmentAction.Cancel, Correlation.Of(http), cancellationToken)
            )
            .WithName("CancelShipment")
            .WithSummary(
                "Cancel a shipment nothing was received from yet (Created or InTransit → Cancelled); releases its reserved capacity."
            );
        group
            .MapGet("/{id}/report", GetReport)
            .WithName("GetShipmentReport")
            .WithSummary(
                "The receiving report: expected against received per line, with shortages, overages and damaged units (final once closed)."
            );
        group
            .MapPost("/{id}/scans", PostScan)
            .WithName("PostScan")
            .WithSummary("Record one unit scanned at the dock. A unit id scanned before is recognised and not counted again.");
        group
            .MapPost("/{id}/scans/batch", PostScanBatch)
            .WithName("PostScanBatch")
            .WithSummary("Record up to 1000 scans in one request (dock scanners). A batch with any invalid scan is refused whole.");

        routes
            .MapGet($"{prefix}/units/{{unitId}}", GetUnit)
            .WithTags("Units")
            .WithName("GetUnit")
            .WithSummary("Where and how a physical unit was received, by its unit id.");
        return group;
    }

    public static async Task<IResult> CreateShipment(
        CreateShipmentRequest request,
        Seller seller,
        [FromHeader(Name = IdempotentRequests.Header)] string? idempotencyKey,
        HttpContext http,
        ItemRepository items,
        ShipmentRepository shipments,
        IdempotentRequests idempotency,
        CapacityReservations capacity,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(IdempotentRequests.IsValidKey(idempotencyKey), IdempotentRequests.Header, "Must be 1-200 printable characters.");
        var lines = request.Lines?.Select(l => (l.Fnsku, l.ExpectedUnits, l.CasePack)).ToList();
        foreach (var (field, reason) in ShipmentLifecycle.CheckPlan(request.FulfillmentCenter, lines))
        {
            validation.Add(field, reason);
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var fnskus = request.Lines!.Select(l => l.Fnsku!).ToList();
        var correlationId = Correlation.Of(http);
        var shipmentId = Guid.CreateVersion7();
        var fulfillmentCenter = request.FulfillmentCenter!.ToUpperInvariant();
        var reserved = false;
        var unanswered = false;
        var stored = false;
        try
        {
            // A repeat of an earlier key is answered before this runs, so it reserves nothing again.
            return await idempotency.RunAsync(
                seller,
                idempotencyKey,
                http.Request.Path,
                async unit =>
                {
                    var known = await items.FindManyAsync(unit, seller.Id, fnskus);
                    var unknown = fnskus.Select((f, i) => (f, i)).Where(x => !known.ContainsKey(x.f)).ToList();
                    if (unknown.Count > 0)
                    {
                        throw new UnknownItemsException(
                            unknown.Select(x => ($"lines[{x.i}].fnsku", $"No item {x.f} is registered for this seller.")).ToList()
                        );
                    }

                    // Limits answers for the same shipment id again if a transient fault reruns this transaction.
                    var volumes = CapacityRequest.VolumesFor(request.Lines!.Select(l => (known[l.Fnsku!], l.ExpectedUnits)));
                    await capacity.ReserveAsync(
                        new ReserveCapacity(shipmentId, seller.Id, fulfillmentCenter, volumes, correlationId),
                        cancellationToken
                    );
                    reserved = true;

                    var now = time.GetUtcNow().UtcDateTime;
                    var header = new ShipmentHeader(shipmentId, seller.Id, fulfillmentCenter, ShipmentStatus.Created, now, now);
                    var shipmentLines = request.Lines!.Select(l => new ShipmentLine(l.Fnsku!, l.ExpectedUnits, l.CasePack, 0, 0)).ToList();
                    await shipments.CreateAsync(unit, header, shipmentLines);
                    unit.AfterCommit(() => stored = true);
                    return (StatusCodes.Status201Created, ToResponse(new ShipmentView(header, shipmentLines)));
                },
                cancellationToken
            );
        }
        catch (UnknownItemsException unknown)
        {
            foreach (var (field, reason) in unknown.Errors)
            {
                validation.Add(field, reason);
            }

            return validation.Problem();
        }
        catch (CapacityRejectedException rejected)
        {
            var r = rejected.Rejection;
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Not enough storage capacity for this shipment.",
                detail: $"{r.Reason} ({r.StorageType}: limit {r.LimitCubicFeet} ft³, used {r.UsedCubicFeet} ft³, requested "
                    + $"{r.RequestedCubicFeet} ft³.)",
                extensions: new Dictionary<string, object?>
                {
                    ["storageType"] = r.StorageType.ToString(),
                    ["limitCubicFeet"] = r.LimitCubicFeet,
                    ["usedCubicFeet"] = r.UsedCubicFeet,
                    ["requestedCubicFeet"] = r.RequestedCubicFeet,
                }
            );
        }
        catch (CapacityUnavailableException unavailable)
        {
            unanswered = true;
            return Problems.Unavailable("Capacity could not be reserved; nothing was stored, try again.", unavailable.Message);
        }
        finally
        {
            // Capacity held for a shipment that did not commit (a failure, or another request with the same key won) goes back,
            // and so does a reservation Limits makes after its answer came too late.
            if ((reserved || unanswered) && !stored)
            {
                await capacity.ReleaseAsync(seller.Id, shipmentId, fulfillmentCenter, correlationId, CancellationToken.None);
            }
        }
    }

    public static async Task<Results<Ok<ShipmentResponse>, ProblemHttpResult>> GetShipment(
        Guid id,
        Seller seller,
        ShipmentRepository shipments,
        CancellationToken cancellationToken
    ) =>
        await shipments.GetAsync(seller.Id, id, cancellationToken) is { } shipment
            ? TypedResults.Ok(ToResponse(shipment))
            : Problems.NotFound("Shipment", id.ToString());

    public static async Task<Results<Ok<Page<ShipmentSummary>>, ValidationProblem>> ListShipments(
        Seller seller,
        ShipmentRepository shipments,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var (take, afterId) = Cursor.ReadGuid(limit, cursor, validation);

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var rows = await shipments.ListAsync(seller.Id, take + 1, afterId, cancellationToken);
        var summaries = rows.Select(h => new ShipmentSummary(h.Id, h.FulfillmentCenter, h.Status, h.CreatedAt)).ToList();
        return TypedResults.Ok(Cursor.ToPage(summaries, take, s => s.Id.ToString()));
    }

    public static async Task<Results<Ok<ShipmentReport>, ProblemHttpResult>> GetReport(
        Guid id,
        Seller seller,
        ShipmentRepository shipments,
        CancellationToken cancellationToken
    )
    {
        if (await shipments.GetAsync(seller.Id, id, cancellationToken) is not { } shipment)
        {
            return Problems.NotFound("Shipment", id.ToString());
        }

        var computed = Discrepancies.For(shipment.Lines);
        var lines = computed.Select(ToReportLine).ToList();
        var totals = new ReportTotals(
            lines.Sum(l => l.ExpectedUnits),
            lines.Sum(l => l.ReceivedSellable),
            lines.Sum(l => l.ReceivedDamaged),
            lines.Sum(l => l.Shortage),
            lines.Sum(l => l.Overage)
        );
        var discrepancies = computed.Where(d => !Discrepancies.IsClean(d)).Select(ToReportLine).ToList();
        var header = shipment.Header;
        return TypedResults.Ok(
            new ShipmentReport(
                header.Id,
                header.FulfillmentCenter,
                header.Status,
                header.Status == ShipmentStatus.Closed,
                header.ClosedAt,
                lines,
                totals,
                discrepancies
            )
        );
    }

    public static Task<Results<Ok<ScanResult>, ValidationProblem, ProblemHttpResult>> PostScan(
        Guid id,
        ScanRequest scan,
        Seller seller,
        HttpContext http,
        ScanIntake intake,
        CancellationToken cancellationToken
    ) => intake.RecordAsync(seller, id, [scan], fieldPrefix: "", Correlation.Of(http), cancellationToken);

    public static Task<Results<Ok<ScanResult>, ValidationProblem, ProblemHttpResult>> PostScanBatch(
        Guid id,
        ScanBatchRequest batch,
        Seller seller,
        HttpContext http,
        ScanIntake intake,
        CancellationToken cancellationToken
    ) => intake.RecordAsync(seller, id, batch.Scans ?? [], fieldPrefix: "scans", Correlation.Of(http), cancellationToken);

    public static async Task<Results<Ok<UnitResponse>, ValidationProblem, ProblemHttpResult>> GetUnit(
        string unitId,
        Seller seller,
        ShipmentRepository shipments,
        CancellationToken cancellationToken
    )
    {
        if (!ScanRules.IsWellFormedUnitId(unitId))
        {
            return new Validation().Add("unitId", ScanRules.UnitIdRule).Problem();
        }

        return await shipments.FindUnitAsync(seller.Id, unitId, cancellationToken) is var (unit, binId)
            ? TypedResults.Ok(
                new UnitResponse(unit.UnitId, unit.ShipmentId, unit.Fnsku, unit.FulfillmentCenter, unit.Condition, unit.ScannedAt, binId)
            )
            : Problems.NotFound("Unit", unitId);
    }

    private static ReportLine ToReportLine(ShipmentLineDiscrepancy d) =>
        new(d.Fnsku, d.ExpectedUnits, d.ReceivedSellable, d.ReceivedDamaged, d.Shortage, d.Overage);

    internal static ShipmentResponse ToResponse(ShipmentView view) =>
        new(
            view.Header.Id,
            view.Header.FulfillmentCenter,
            view.Header.Status,
            view.Header.CreatedAt,
            view.Header.UpdatedAt,
            view.Header.ShippedAt,
            view.Header.ClosedAt,
            view.Header.CancelledAt,
            view.Lines.Select(l => new ShipmentLineResponse(l.Fnsku, l.ExpectedUnits, l.CasePack, l.ReceivedSellable, l.ReceivedDamaged))
                .ToList()
        );

    private sealed class UnknownItemsException(IReadOnlyList<(string Field, string Reason)> errors) : Exception("Unknown items.")
    {
        public IReadOnlyList<(string Field, string Reason)> Errors { get; } = errors;
    }
}
