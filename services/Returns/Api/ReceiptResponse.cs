namespace InventoryPlatform.Returns.Api;

/// <summary>
/// What a receipt recorded. <c>alreadyScanned</c>: unit ids received before (or twice in this request), not counted again;
/// <c>beyondAuthorization</c>: units received over the authorized quantity, flagged.
/// </summary>
public sealed record ReceiptResponse(
    Guid? ReturnId,
    bool Unexpected,
    int Accepted,
    IReadOnlyList<string> AlreadyScanned,
    IReadOnlyList<string> BeyondAuthorization
);
