using InventoryPlatform.Hosting;
using InventoryPlatform.Primitives;
using InventoryPlatform.Receiving.Application;
using InventoryPlatform.Receiving.Data;
using InventoryPlatform.Receiving.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Receiving.Api;

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
        RegisterItemHandler register,
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

        var (item, created) = await register.HandleAsync(
            seller.Id,
            request.SellerSku!,
            request.Title!,
            request.StorageType!.Value,
            request.Dimensions!,
            request.ListPrice!,
            Correlation.Of(http),
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
        if (!Fnsku.IsValid(fnsku))
        {
            return new Validation().Add("fnsku", Fnsku.Rule).Problem();
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
