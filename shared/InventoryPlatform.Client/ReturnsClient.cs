namespace InventoryPlatform.Client;

/// <summary>Returns (<c>/api/returns/v1</c>): authorizations, receipts, inspections, grading rules and analytics.</summary>
public sealed class ReturnsClient(PlatformTransport transport) : ApiArea(transport, "/api/returns/v1")
{
    /// <summary>Authorizes a return of a shipped order's units (a create: idempotent by key).</summary>
    [PlatformOperation("CreateReturnAuthorization")]
    public Task<T> CreateReturnAsync<T>(object request, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        CreateAsync<T>("/returns", request, idempotencyKey, cancellationToken);

    [PlatformOperation("GetReturn")]
    public Task<T> GetReturnAsync<T>(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<T>($"/returns/{id}", cancellationToken);

    [PlatformOperation("ListReturns")]
    public IAsyncEnumerable<T> ListReturnsAsync<T>(
        Guid? orderId = null,
        bool? unexpected = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<T>(QueryString.Of("/returns", ("orderId", orderId), ("unexpected", unexpected)), pageSize, cancellationToken);

    /// <summary>Units arrived back at an FC.</summary>
    [PlatformOperation("ReceiveReturnedUnits")]
    public Task<T> ReceiveReturnedUnitsAsync<T>(object request, CancellationToken cancellationToken = default) =>
        PostAsync<T>("/receipts", request, cancellationToken);

    /// <summary>Grades received units of a return.</summary>
    [PlatformOperation("GradeReturnedUnits")]
    public Task<T> GradeReturnedUnitsAsync<T>(Guid returnId, object request, CancellationToken cancellationToken = default) =>
        PostAsync<T>($"/returns/{returnId}/inspections", request, cancellationToken);

    [PlatformOperation("ListInspections")]
    public IAsyncEnumerable<T> ListInspectionsAsync<T>(
        Guid returnId,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<T>($"/returns/{returnId}/inspections", pageSize, cancellationToken);

    [PlatformOperation("GetGradingRules")]
    public Task<T> GetGradingRulesAsync<T>(CancellationToken cancellationToken = default) =>
        GetAsync<T>("/grading-rules", cancellationToken);

    [PlatformOperation("SetGradingRules")]
    public Task<T> SetGradingRulesAsync<T>(object request, CancellationToken cancellationToken = default) =>
        PutAsync<T>("/grading-rules", request, cancellationToken);

    /// <summary>Return rate per FNSKU over a window (default the last 30 days), every page.</summary>
    [PlatformOperation("ListReturnRates")]
    public IAsyncEnumerable<T> ListReturnRatesAsync<T>(
        string? fnsku = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) =>
        PagesAsync<T>(QueryString.Of("/analytics/return-rates", ("fnsku", fnsku), ("from", from), ("to", to)), pageSize, cancellationToken);

    [PlatformOperation("GetReturnSummary")]
    public Task<T> GetReturnSummaryAsync<T>(
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        CancellationToken cancellationToken = default
    ) => GetAsync<T>(QueryString.Of("/analytics/summary", ("from", from), ("to", to)), cancellationToken);

    [PlatformOperation("ListReimbursements")]
    public IAsyncEnumerable<T> ListReimbursementsAsync<T>(
        Guid? returnId = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<T>(QueryString.Of("/reimbursements", ("returnId", returnId)), pageSize, cancellationToken);
}
