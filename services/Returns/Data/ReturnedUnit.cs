using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Returns.Data;

public sealed record ReturnedUnit(
    string UnitId,
    Guid ReturnId,
    string Fnsku,
    string FulfillmentCenter,
    bool BeyondAuthorization,
    DateTime ReceivedAt,
    Guid? InspectionId,
    ReturnGrade? Grade
);
