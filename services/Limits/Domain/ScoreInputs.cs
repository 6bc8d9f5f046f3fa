namespace InventoryPlatform.Limits.Domain;

/// <summary>What the score is made of: the seller's shares over the last 90 days.</summary>
public sealed record ScoreInputs(double ExcessShare, double SellThroughRate90Days, double StrandedShare, double InStockRate);
