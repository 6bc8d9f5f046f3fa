using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Api;

public sealed record PolicyResponse(ExecutionMode Mode, decimal MaxMarkdownPercent, int MinAgeDays, bool IsDefault, DateTime? UpdatedAt)
{
    public static PolicyResponse From(PolicyRecord record, bool isDefault) =>
        new(record.Policy.Mode, record.Policy.MaxMarkdownPercent, record.Policy.MinAgeDays, isDefault, record.UpdatedAt);
}
