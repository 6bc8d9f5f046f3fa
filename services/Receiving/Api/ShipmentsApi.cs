using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Network;
using InventoryPlatform.Primitives;
using InventoryPlatform.Receiving.Application;
using InventoryPlatform.Receiving.Data;
using InventoryPlatform.Receiving.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InventoryPlatform.Receiving.Api;

public static class ShipmentsApi
{
    public static RouteGroupBuilder MapShipmentsApi(this IEndpointRouteBuilder routes)
    {
        var prefix = ReceivingService.Descriptor.ApiPrefix;
        var group = routes.MapGroup($"{prefix}/shipments").WithTags("Inbound shipments");

        group
            .MapPost("/", CreateShipment)
            .WithName("CreateShipment")
            .Produces<ShipmentResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Plan an inbound shipment (ASN) to a fulfillment center. Accepts an Idempotency-Key header.");
        group
            .MapGet("/{id}", GetShipment)
            .WithName("GetShipment")
            .WithSummary("A shipment with its lines: units expected and received so far.");
        group.MapGet("/", ListShipments).WithName("ListShipments").WithSummary("The seller's shipments, paged by cursor.");
        group
            .MapPost(
                "/{id}/ship",
                (Guid id, Seller seller, HttpContext http, ShipmentTransitionHandler transitions, CancellationToken cancellationToken) =>
                    TransitionAsync(transitions, seller, id, ShipmentAction.Ship, Correlation.Of(http), cancellationToken)
            )
            .WithName("ShipShipment")
            .WithSummary("The seller handed the shipment to the carrier: Created → InTransit.");
        group
            .MapPost(
                "/{id}/close",
                (Guid id, Seller seller, HttpContext http, ShipmentTransitionHandler transitions, CancellationToken cancellationToken) =>
                    TransitionAsync(transitions, seller, id, ShipmentAction.Close, Correlation.Of(http), cancellationToken)
            )
            .WithName("CloseShipment")
            .WithSummary(
                "Receiving is done: InTransit or Receiving → Closed. Computes shortages, overages and damaged units per line and publishes "
                    + "InboundShipmentClosed."
            );
        group
            .MapPost(
                "/{id}/cancel",
                (Guid id, Seller seller, HttpContext http, ShipmentTransitionHandler transitions, CancellationToken cancellationToken) =>
                    TransitionAsync(transitions, seller, id, ShipmentAction.Cancel, Correlation.Of(http), cancellationToken)
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
        IdempotentRequests idempotency,
        CreateShipmentHandler create,
        NetworkDirectory network,
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

        (await network.GetAsync(cancellationToken)).Require(
            validation,
            NetworkReference.FulfillmentCenter,
            "fulfillmentCenter",
            request.FulfillmentCenter
        );

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var result = await create.HandleAsync(
            seller.Id,
            request.FulfillmentCenter!.ToUpperInvariant(),
            request.Lines!.Select(l => (l.Fnsku!, l.ExpectedUnits, l.CasePack)).ToList(),
            Correlation.Of(http),
            store =>
                idempotency.RunAsync(
                    seller,
                    idempotencyKey,
                    http.Request.Path,
                    async unit => (StatusCodes.Status201Created, ShipmentResponse.From(await store(unit))),
                    cancellationToken
                ),
            cancellationToken
        );
        switch (result)
        {
            case CreateShipmentResult<IResult>.Answered answered:
                return answered.Answer;
            case CreateShipmentResult<IResult>.UnknownItems unknown:
                foreach (var (field, reason) in unknown.Errors)
                {
                    validation.Add(field, reason);
                }

                return validation.Problem();
            case CreateShipmentResult<IResult>.CapacityRefused { Rejection: var r }:
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
            case CreateShipmentResult<IResult>.CapacityUnavailable unavailable:
                return Problems.Unavailable("Capacity could not be reserved; nothing was stored, try again.", unavailable.Reason);
            default:
                throw new InvalidOperationException($"Unexpected result {result}.");
        }
    }

    private static async Task<Results<Ok<ShipmentResponse>, ProblemHttpResult>> TransitionAsync(
        ShipmentTransitionHandler transitions,
        Seller seller,
        Guid id,
        ShipmentAction action,
        Guid correlationId,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await transitions.HandleAsync(seller.Id, id, action, correlationId, cancellationToken) is { } shipment
                ? TypedResults.Ok(ShipmentResponse.From(shipment))
                : Problems.NotFound("Shipment", id.ToString());
        }
        catch (StateConflictException refused)
        {
            return Problems.Conflict($"The shipment cannot be {Past(action)}.", refused.Message);
        }
    }

    public static async Task<Results<Ok<ShipmentResponse>, ProblemHttpResult>> GetShipment(
        Guid id,
        Seller seller,
        ShipmentRepository shipments,
        CancellationToken cancellationToken
    ) =>
        await shipments.GetAsync(seller.Id, id, cancellationToken) is { } shipment
            ? TypedResults.Ok(ShipmentResponse.From(shipment))
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
        RecordScansHandler record,
        CancellationToken cancellationToken
    ) => RecordAsync(record, seller, id, [scan], fieldPrefix: "", Correlation.Of(http), cancellationToken);

    public static Task<Results<Ok<ScanResult>, ValidationProblem, ProblemHttpResult>> PostScanBatch(
        Guid id,
        ScanBatchRequest batch,
        Seller seller,
        HttpContext http,
        RecordScansHandler record,
        CancellationToken cancellationToken
    ) => RecordAsync(record, seller, id, batch.Scans ?? [], fieldPrefix: "scans", Correlation.Of(http), cancellationToken);

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

    private static async Task<Results<Ok<ScanResult>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        RecordScansHandler record,
        Seller seller,
        Guid shipmentId,
        IReadOnlyList<ScanRequest> scans,
        string fieldPrefix,
        Guid correlationId,
        CancellationToken cancellationToken
    )
    {
        var result = await record.HandleAsync(
            seller.Id,
            shipmentId,
            scans.Select(s => (s.UnitId, s.Fnsku, s.Condition)).ToList(),
            fieldPrefix,
            correlationId,
            cancellationToken
        );
        switch (result)
        {
            case RecordScansResult.Recorded recorded:
                return TypedResults.Ok(new ScanResult(recorded.Accepted, recorded.AlreadyScanned));
            case RecordScansResult.ShipmentNotFound:
                return Problems.NotFound("Shipment", shipmentId.ToString());
            case RecordScansResult.NotAcceptingScans refused:
                return Problems.Conflict(
                    "Shipment does not accept scans.",
                    $"Shipment {shipmentId} is {refused.Status}: no units can be scanned into it any more."
                );
            case RecordScansResult.Invalid invalid:
                var validation = new Validation();
                foreach (var (field, reason) in invalid.Errors)
                {
                    validation.Add(field, reason);
                }

                return validation.Problem();
            default:
                throw new InvalidOperationException($"Unexpected result {result}.");
        }
    }

    private static string Past(ShipmentAction action) =>
        action switch
        {
            ShipmentAction.Ship => "shipped",
            ShipmentAction.Close => "closed",
            _ => "cancelled",
        };
}
