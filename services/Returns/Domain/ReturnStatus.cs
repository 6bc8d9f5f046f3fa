namespace InventoryPlatform.Returns.Domain;

public enum ReturnStatus
{
    /// <summary>Authorized; no unit has arrived yet.</summary>
    Authorized,
    PartiallyReceived,
    Received,

    /// <summary>Every unit received has been graded and every authorized unit has arrived.</summary>
    Inspected,

    /// <summary>Units arrived without an authorization: received and flagged, waiting for grading.</summary>
    Unexpected,
}
