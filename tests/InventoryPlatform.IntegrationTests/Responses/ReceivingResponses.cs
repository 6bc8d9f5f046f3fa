namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Receiving's 409 when Limits refuses a shipment's capacity: a ProblemDetails with the shortfall as extensions
/// (<c>storageType</c> is the enum's name as written, e.g. "Standard").
/// </summary>
public sealed record CapacityProblem(
    string? Detail,
    string StorageType,
    decimal LimitCubicFeet,
    decimal UsedCubicFeet,
    decimal RequestedCubicFeet
);
