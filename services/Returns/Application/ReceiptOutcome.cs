namespace InventoryPlatform.Returns.Application;

public sealed record ReceiptOutcome(
    Guid? ReturnId,
    bool Unexpected,
    int Accepted,
    IReadOnlyList<string> AlreadyScanned,
    IReadOnlyList<string> BeyondAuthorization
);
