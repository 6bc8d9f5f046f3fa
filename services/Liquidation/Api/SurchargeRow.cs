using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Api;

public sealed record SurchargeRow(AgeBracket Bracket, string Days, Money PerCubicFootMonth);
