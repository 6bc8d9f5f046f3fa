namespace InventoryPlatform.Limits.Domain;

public sealed record OrderDefects(int Orders, int Cancelled, int Late, int DefectiveReturns, double Rate);
