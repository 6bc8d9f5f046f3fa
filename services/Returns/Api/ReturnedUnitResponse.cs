using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Returns.Api;

public sealed record ReturnedUnitResponse(
    string UnitId,
    string FulfillmentCenter,
    DateTime ReceivedAt,
    bool BeyondAuthorization,
    ReturnGrade? Grade,
    Guid? InspectionId
);
