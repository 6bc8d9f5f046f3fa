using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Liquidation.Api;

public sealed record StorageFeeRow(StorageType StorageType, Money OffPeakPerCubicFootMonth, Money PeakPerCubicFootMonth);
