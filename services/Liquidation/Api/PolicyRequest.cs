using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Api;

public sealed record PolicyRequest(ExecutionMode? Mode, decimal? MaxMarkdownPercent, int? MinAgeDays);
