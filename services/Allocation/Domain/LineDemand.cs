namespace InventoryPlatform.Allocation.Domain;

/// <summary>One line of an order as allocation sees it: units of an FNSKU wanted.</summary>
public sealed record LineDemand(int LineNumber, string Fnsku, int Quantity);
