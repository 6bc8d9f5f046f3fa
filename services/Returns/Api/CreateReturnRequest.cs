using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Api;

public sealed record CreateReturnRequest(Guid? OrderId, string? Fnsku, int Quantity, ReturnReason? Reason);
