using InventoryPlatform.Client.Models;

namespace InventoryPlatform.Client;

/// <summary>Returns (<c>/api/returns/v1</c>): authorizations, receipts, inspections, grading rules and analytics.</summary>
public sealed class ReturnsClient(PlatformTransport transport) : ApiArea(transport, "/api/returns/v1")
{
    /// <summary>Authorizes a return of a shipped order's units (a create: idempotent by key).</summary>
    [PlatformOperation("CreateReturnAuthorization")]
    public Task<ReturnResponse> CreateReturnAsync(
        CreateReturnRequest request,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default
    ) => CreateAsync<ReturnResponse>("/returns", request, idempotencyKey, cancellationToken);

    [PlatformOperation("GetReturn")]
    public Task<ReturnResponse> GetReturnAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<ReturnResponse>($"/returns/{id}", cancellationToken);

    [PlatformOperation("ListReturns")]
    public IAsyncEnumerable<ReturnResponse> ListReturnsAsync(
        Guid? orderId = null,
        bool? unexpected = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) =>
        PagesAsync<ReturnResponse>(
            QueryString.Of("/returns", ("orderId", orderId), ("unexpected", unexpected)),
            pageSize,
            cancellationToken
        );

    /// <summary>Units arrived back at an FC.</summary>
    [PlatformOperation("ReceiveReturnedUnits")]
    public Task<ReceiptResponse> ReceiveReturnedUnitsAsync(ReceiptRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<ReceiptResponse>("/receipts", request, cancellationToken);

    /// <summary>Grades received units of a return.</summary>
    [PlatformOperation("GradeReturnedUnits")]
    public Task<InspectionResponse> GradeReturnedUnitsAsync(
        Guid returnId,
        InspectionRequest request,
        CancellationToken cancellationToken = default
    ) => PostAsync<InspectionResponse>($"/returns/{returnId}/inspections", request, cancellationToken);

    [PlatformOperation("ListInspections")]
    public IAsyncEnumerable<InspectionResponse> ListInspectionsAsync(
        Guid returnId,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<InspectionResponse>($"/returns/{returnId}/inspections", pageSize, cancellationToken);

    [PlatformOperation("GetGradingRules")]
    public Task<GradingRulesResponse> GetGradingRulesAsync(CancellationToken cancellationToken = default) =>
        GetAsync<GradingRulesResponse>("/grading-rules", cancellationToken);

    [PlatformOperation("SetGradingRules")]
    public Task<GradingRulesResponse> SetGradingRulesAsync(GradingRulesRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<GradingRulesResponse>("/grading-rules", request, cancellationToken);

    /// <summary>Return rate per FNSKU over a window (default the last 30 days), every page.</summary>
    [PlatformOperation("ListReturnRates")]
    public IAsyncEnumerable<FnskuReturnRate> ListReturnRatesAsync(
        string? fnsku = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) =>
        PagesAsync<FnskuReturnRate>(
            QueryString.Of("/analytics/return-rates", ("fnsku", fnsku), ("from", from), ("to", to)),
            pageSize,
            cancellationToken
        );

    [PlatformOperation("GetReturnSummary")]
    public Task<ReturnSummary> GetReturnSummaryAsync(
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        CancellationToken cancellationToken = default
    ) => GetAsync<ReturnSummary>(QueryString.Of("/analytics/summary", ("from", from), ("to", to)), cancellationToken);

    [PlatformOperation("ListReimbursements")]
    public IAsyncEnumerable<ReimbursementResponse> ListReimbursementsAsync(
        Guid? returnId = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<ReimbursementResponse>(QueryString.Of("/reimbursements", ("returnId", returnId)), pageSize, cancellationToken);
}
