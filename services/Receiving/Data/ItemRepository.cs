using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Data;

public sealed class ItemRepository(Database database)
{
    private const string Columns =
        "fnsku, seller_id, seller_sku, title, storage_type, length_cm, width_cm, height_cm, weight_kg, list_price, currency";

    public Task<Item?> FindBySkuAsync(UnitOfWork unit, string sellerId, string sellerSku) =>
        Single(
            unit.QuerySingleOrDefaultAsync<ItemRow>(
                $"SELECT {Columns} FROM receiving.items WHERE seller_id = @SellerId AND seller_sku = @SellerSku",
                new { SellerId = sellerId, SellerSku = sellerSku }
            )
        );

    public Task<Item?> GetAsync(string sellerId, string fnsku, CancellationToken cancellationToken) =>
        Single(
            database.QuerySingleOrDefaultAsync<ItemRow>(
                $"SELECT {Columns} FROM receiving.items WHERE seller_id = @SellerId AND fnsku = @Fnsku",
                new { SellerId = sellerId, Fnsku = fnsku },
                cancellationToken
            )
        );

    public async Task<IReadOnlyList<Item>> ListAsync(string sellerId, int limit, string? afterFnsku, CancellationToken cancellationToken)
    {
        var sql = database.Dialect.SelectTop(
            "receiving.items",
            Columns,
            "seller_id = @SellerId AND (@After IS NULL OR fnsku > @After)",
            "fnsku"
        );
        var rows = await database.QueryAsync<ItemRow>(
            sql,
            new
            {
                SellerId = sellerId,
                After = afterFnsku,
                limit,
            },
            cancellationToken
        );
        return rows.Select(r => r.ToItem()).ToList();
    }

    /// <summary>The seller's items among <paramref name="fnskus"/>; another seller's FNSKU is simply absent.</summary>
    public async Task<IReadOnlyDictionary<string, Item>> FindManyAsync(UnitOfWork unit, string sellerId, IReadOnlyCollection<string> fnskus)
    {
        var rows = await unit.QueryAsync<ItemRow>(
            $"SELECT {Columns} FROM receiving.items WHERE seller_id = @SellerId AND {database.Dialect.InList("fnsku", "Fnskus")}",
            new { SellerId = sellerId, Fnskus = fnskus.ToArray() }
        );
        return rows.Select(r => r.ToItem()).ToDictionary(i => i.Fnsku, StringComparer.Ordinal);
    }

    public Task InsertAsync(UnitOfWork unit, Item item, DateTime now) =>
        unit.ExecuteAsync(
            $"INSERT INTO receiving.items ({Columns}, created_at, updated_at) "
                + "VALUES (@Fnsku, @SellerId, @SellerSku, @Title, @StorageType, @LengthCm, @WidthCm, @HeightCm, @WeightKg, @ListPrice, "
                + "@Currency, @Now, @Now)",
            Parameters(item, now)
        );

    public Task UpdateAsync(UnitOfWork unit, Item item, DateTime now) =>
        unit.ExecuteAsync(
            "UPDATE receiving.items SET title = @Title, storage_type = @StorageType, length_cm = @LengthCm, width_cm = @WidthCm, "
                + "height_cm = @HeightCm, weight_kg = @WeightKg, list_price = @ListPrice, currency = @Currency, updated_at = @Now "
                + "WHERE fnsku = @Fnsku AND seller_id = @SellerId",
            Parameters(item, now)
        );

    private static object Parameters(Item item, DateTime now) =>
        new
        {
            item.Fnsku,
            item.SellerId,
            item.SellerSku,
            item.Title,
            StorageType = item.StorageType.ToString(),
            item.Dimensions.LengthCm,
            item.Dimensions.WidthCm,
            item.Dimensions.HeightCm,
            item.Dimensions.WeightKg,
            ListPrice = item.ListPrice.Amount,
            item.ListPrice.Currency,
            Now = now,
        };

    private static async Task<Item?> Single(Task<ItemRow?> row) => (await row)?.ToItem();

    private sealed class ItemRow
    {
        public string Fnsku { get; init; } = "";
        public string SellerId { get; init; } = "";
        public string SellerSku { get; init; } = "";
        public string Title { get; init; } = "";
        public string StorageType { get; init; } = "";
        public decimal LengthCm { get; init; }
        public decimal WidthCm { get; init; }
        public decimal HeightCm { get; init; }
        public decimal WeightKg { get; init; }
        public decimal ListPrice { get; init; }
        public string Currency { get; init; } = "";

        public Item ToItem() =>
            new(
                Fnsku,
                SellerId,
                SellerSku,
                Title,
                Enum.Parse<StorageType>(StorageType),
                new Dimensions(LengthCm, WidthCm, HeightCm, WeightKg),
                new Money(ListPrice, Currency.Trim())
            );
    }
}
