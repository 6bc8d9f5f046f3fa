namespace InventoryPlatform.Allocation.Domain;

/// <summary>A proposed move of stock from an FC holding more than its demand share to one holding less.</summary>
public sealed record TransferProposal(
    string Fnsku,
    string FromFulfillmentCenter,
    string ToFulfillmentCenter,
    int Quantity,
    double? FromDaysOfCover,
    double? ToDaysOfCover
);
