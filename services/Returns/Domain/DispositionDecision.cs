namespace InventoryPlatform.Returns.Domain;

/// <summary>The decision for graded units, with the rule that made it (shown to the seller).</summary>
public sealed record DispositionDecision(Disposition Disposition, Responsibility Responsibility, bool Reimbursable, string Rule)
{
    public bool Restocks => Disposition == Disposition.Restock;
}
