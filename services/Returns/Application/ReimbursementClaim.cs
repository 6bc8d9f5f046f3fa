using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Application;

/// <summary>
/// Units the network owes a seller for, and what caused it: a graded return (return, inspection, the order it came from) or an
/// inventory adjustment at an FC. <see cref="FulfillmentCenter"/>: where the units are (null when a return's units were graded at
/// several); <see cref="CorrelationId"/>: of the request or event that caused it.
/// </summary>
public sealed record ReimbursementClaim(
    Guid CorrelationId,
    string SellerId,
    string Fnsku,
    int Units,
    ReimbursementReason Reason,
    Guid? OrderId = null,
    Guid? ReturnId = null,
    Guid? InspectionId = null,
    Guid? AdjustmentId = null,
    string? FulfillmentCenter = null
);
