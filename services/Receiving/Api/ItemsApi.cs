using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Messaging;
using InventoryPlatform.Receiving.Data;
using InventoryPlatform.Receiving.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Receiving.Api;

public sealed record RegisterItemRequest(
    string? SellerSku,
    string? Title,
    StorageType? StorageType,
    Dimensions? Dimensions,
    Money? ListPrice
);

public sealed record ItemResponse(
    string Fnsku,
    string SellerSku,
    string Title,
    StorageType StorageType,
    Dimensions Dimensions,
    Money ListPrice
)
{
    public static ItemResponse From(Item item) =>
        new(item.Fnsku, item.SellerSku, item.Title, item.StorageType, item.Dimensions, item.ListPrice);
}

public static class ItemsApi
{
    public static RouteGroupBuilder MapItemsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{ReceivingService.Descriptor.ApiPrefix}/items").WithTags("Items");

        group
            .MapPost("/", RegisterItem)
            .WithName("RegisterItem")
            .WithSummary(
                "Register a product for fulfilment; returns its FNSKU. Registering the same seller SKU again returns the same item, "
                    + "updated."
            );
        group.MapGet("/{fnsku}", GetItem).WithName("GetItem").WithSummary("One of the seller's items by FNSKU.");
        group.MapGet("/", ListItems).WithName("ListItems").WithSummary("The seller's items, paged by cursor.");
        return group;
    }

    public static async Task<Results<Created<ItemResponse>, Ok<ItemResponse>, ValidationProblem>> RegisterItem(
        RegisterItemRequest request,
        Seller seller,
        HttpContext http,
        Database database,
        ItemRepository items,
        Outbox outbox,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        foreach (
            var (field, reason) in ItemRules.Check(
                request.SellerSku,
                request.Title,
                request.StorageType,
                request.Dimensions,
                request.ListPrice
            )
        )
        {
            validation.Add(field, reason);
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var correlationId = Correlation.Of(http);
        var (item, created) = await database.InTransactionAsync(
            async unit =>
            {
                var now = time.GetUtcNow();
                var existing = await items.FindBySkuAsync(unit, seller.Id, request.SellerSku!);
                var item = new Item(
                    existing?.Fnsku ?? Fnsku.Generate(),
                    seller.Id,
                    request.SellerSku!,
                    request.Title!,
                    request.StorageType!.Value,
                    request.Dimensions!,
                    request.ListPrice!
                );
                if (existing == item)
                {
                    return (item, false);
                }

                if (existing is null)
                {
                    await items.InsertAsync(unit, item, now.UtcDateTime);
                }
                else
                {
                    await items.UpdateAsync(unit, item, now.UtcDateTime);
                }

                await outbox.AddAsync(
                    unit,
                    new ItemRegistered(
                        Guid.CreateVersion7(),
                        now,
                        seller.Id,
                        correlationId,
                        item.Fnsku,
                        item.SellerSku,
                        item.Title,
                        item.StorageType,
                        item.Dimensions,
                        item.ListPrice,
                        IsUpdate: existing is not null
                    )
                );
                return (item, existing is null);
            },
            cancellationToken
        );

        var response = ItemResponse.From(item);
        return created
            ? TypedResults.Created($"{ReceivingService.Descriptor.ApiPrefix}/items/{item.Fnsku}", response)
            : TypedResults.Ok(response);
    }

    public static async Task<Results<Ok<ItemResponse>, ValidationProblem, ProblemHttpResult>> GetItem(
        string fnsku,
        Seller seller,
        ItemRepository items,
        CancellationToken cancellationToken
    )
    {
        if (!Fnsku.IsWellFormed(fnsku))
        {
            return new Validation()
                .Add("fnsku", "Must be an FNSKU returned by item registration (X0 and eight letters or digits).")
                .Problem();
        }

        return await items.GetAsync(seller.Id, fnsku, cancellationToken) is { } item
            ? TypedResults.Ok(ItemResponse.From(item))
            : Problems.NotFound("Item", fnsku);
    }

    public static async Task<Results<Ok<Page<ItemResponse>>, ValidationProblem>> ListItems(
        Seller seller,
        ItemRepository items,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var (take, after) = Cursor.Read(limit, cursor, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var rows = await items.ListAsync(seller.Id, take + 1, after, cancellationToken);
        return TypedResults.Ok(Cursor.ToPage(rows.Select(ItemResponse.From).ToList(), take, i => i.Fnsku));
    }
}
