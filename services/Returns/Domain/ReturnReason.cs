namespace InventoryPlatform.Returns.Domain;

/// <summary>Why the customer sends the item back, as the marketplace reports it.</summary>
public enum ReturnReason
{
    CustomerChangedMind,
    Defective,
    DamagedInTransit,
    WrongItem,
    NotAsDescribed,
    MissingParts,
    ArrivedTooLate,
}
