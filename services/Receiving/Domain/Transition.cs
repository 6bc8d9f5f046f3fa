namespace InventoryPlatform.Receiving.Domain;

/// <summary>The outcome of asking for a transition: the new status, or why the shipment cannot make it.</summary>
public sealed record Transition(ShipmentStatus? To, string? Refusal)
{
    public bool IsAllowed => To is not null;

    public static Transition Allowed(ShipmentStatus to) => new(to, null);

    public static Transition Refused(string reason) => new(null, reason);
}
