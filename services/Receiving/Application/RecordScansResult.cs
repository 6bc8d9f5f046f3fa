using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Application;

/// <summary>What recording a batch of scans came to.</summary>
public abstract record RecordScansResult
{
    private RecordScansResult() { }

    /// <summary>The new units were recorded; unit ids scanned before are listed and not counted again.</summary>
    public sealed record Recorded(int Accepted, IReadOnlyList<string> AlreadyScanned) : RecordScansResult;

    /// <summary>The seller has no such shipment.</summary>
    public sealed record ShipmentNotFound : RecordScansResult;

    /// <summary>The shipment is closed or cancelled.</summary>
    public sealed record NotAcceptingScans(ShipmentStatus Status) : RecordScansResult;

    /// <summary>Some scans break the rules; the batch was refused whole. Each error names its field.</summary>
    public sealed record Invalid(IReadOnlyList<(string Field, string Reason)> Errors) : RecordScansResult;
}
