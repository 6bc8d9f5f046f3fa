namespace InventoryPlatform.Primitives;

/// <summary>The units a service holds in one stock position (<see cref="StockPositions"/>) of one (FNSKU, FC) of a seller.</summary>
public sealed record UnitCount(string Fnsku, string FulfillmentCenter, string Position, int Units);
