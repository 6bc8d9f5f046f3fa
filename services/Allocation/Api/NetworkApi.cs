using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Allocation.Api;

/// <summary>
/// The FC network: shared by every seller (it is the operator's, not a seller's), read by allocation and placement.
/// Edits are for operations; the gateway's scopes decide who may make them.
/// </summary>
public static class NetworkApi
{
    public static RouteGroupBuilder MapNetworkApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{AllocationService.Descriptor.ApiPrefix}/network").WithTags("FC network");
        group
            .MapGet("/", GetNetwork)
            .WithName("GetNetwork")
            .WithSummary(
                "The fulfillment centers, ship-to regions, transit hours from each FC to each region, and the cross-border policy."
            );
        group
            .MapPut("/regions/{code}", PutRegion)
            .RequireAdminScope()
            .WithName("PutRegion")
            .WithSummary("Add a ship-to region to a marketplace, or move it.");
        group
            .MapPut("/fulfillment-centers/{code}", PutFulfillmentCenter)
            .RequireAdminScope()
            .WithName("PutFulfillmentCenter")
            .WithSummary("Add a fulfillment center or change its marketplace, region or storage capacity.");
        group
            .MapPut("/transit-times/{region}/{fulfillmentCenter}", PutTransitTime)
            .RequireAdminScope()
            .WithName("PutTransitTime")
            .WithSummary("Set the hours a parcel takes from an FC to a region (an FC ships only to regions it has a transit time to).");
        group
            .MapPut("/cross-border", PutCrossBorder)
            .RequireAdminScope()
            .WithName("PutCrossBorder")
            .WithSummary(
                "Allow or forbid filling an order from another marketplace's pool, and the hours added to transit when it happens."
            );
        return group;
    }

    public static async Task<Ok<NetworkResponse>> GetNetwork(NetworkRepository networks, CancellationToken cancellationToken)
    {
        var network = await networks.GetAsync(cancellationToken);
        return TypedResults.Ok(new NetworkResponse(network.Regions, network.Centers, network.TransitTimes, network.CrossBorder));
    }

    public static async Task<Results<Created<Region>, Ok<Region>, ValidationProblem>> PutRegion(
        string code,
        RegionRequest request,
        NetworkRepository networks,
        ChangeNetworkHandler change,
        Seller seller,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(NetworkCodes.IsRegion(code), "code", "Must be 1-40 letters, digits or '-'.");
        validation.Require(
            NetworkCodes.IsMarketplace(request.Marketplace),
            "marketplace",
            "Must be a two-letter marketplace code such as US."
        );
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var region = new Region(code, request.Marketplace!);
        return await change.HandleAsync(unit => networks.SaveRegionAsync(unit, region), seller.Id, Correlation.Of(http), cancellationToken)
            ? TypedResults.Created($"{AllocationService.Descriptor.ApiPrefix}/network", region)
            : TypedResults.Ok(region);
    }

    public static async Task<Results<Created<FulfillmentCenter>, Ok<FulfillmentCenter>, ValidationProblem>> PutFulfillmentCenter(
        string code,
        FulfillmentCenterRequest request,
        NetworkRepository networks,
        ChangeNetworkHandler change,
        Seller seller,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var network = await networks.GetAsync(cancellationToken);
        var fc = code.ToUpperInvariant();
        var validation = new Validation();
        validation.Require(NetworkCodes.IsCenter(fc), "code", "Must be 1-10 letters or digits.");
        validation.Require(
            NetworkCodes.IsMarketplace(request.Marketplace),
            "marketplace",
            "Must be a two-letter marketplace code such as US."
        );
        validation.Require(request.StorageCapacityUnits is >= 0, "storageCapacityUnits", "Is required and may not be negative.");
        if (request.Region is null || network.FindRegion(request.Region) is not { } region)
        {
            validation.Add("region", "Must be a region of the network.");
        }
        else
        {
            validation.Require(region.Marketplace == request.Marketplace, "region", $"Belongs to marketplace {region.Marketplace}.");
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var center = new FulfillmentCenter(fc, request.Marketplace!, request.Region!, request.StorageCapacityUnits!.Value);
        return await change.HandleAsync(unit => networks.SaveCenterAsync(unit, center), seller.Id, Correlation.Of(http), cancellationToken)
            ? TypedResults.Created($"{AllocationService.Descriptor.ApiPrefix}/network", center)
            : TypedResults.Ok(center);
    }

    public static async Task<Results<Created<TransitTime>, Ok<TransitTime>, ValidationProblem>> PutTransitTime(
        string region,
        string fulfillmentCenter,
        TransitTimeRequest request,
        NetworkRepository networks,
        ChangeNetworkHandler change,
        Seller seller,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var network = await networks.GetAsync(cancellationToken);
        var fc = fulfillmentCenter.ToUpperInvariant();
        var validation = new Validation();
        validation.Require(network.FindRegion(region) is not null, "region", "Must be a region of the network.");
        validation.Require(network.FindCenter(fc) is not null, "fulfillmentCenter", "Must be a fulfillment center of the network.");
        validation.Require(request.TransitHours is >= 1 and <= 24 * 60, "transitHours", "Must be between 1 and 1440.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var transit = new TransitTime(region, fc, request.TransitHours!.Value);
        return await change.HandleAsync(
            unit => networks.SaveTransitTimeAsync(unit, transit),
            seller.Id,
            Correlation.Of(http),
            cancellationToken
        )
            ? TypedResults.Created($"{AllocationService.Descriptor.ApiPrefix}/network", transit)
            : TypedResults.Ok(transit);
    }

    public static async Task<Results<Ok<CrossBorderPolicy>, ValidationProblem>> PutCrossBorder(
        CrossBorderRequest request,
        NetworkRepository networks,
        ChangeNetworkHandler change,
        Seller seller,
        HttpContext http,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(request.Allowed is not null, "allowed", "Is required.");
        validation.Require(request.PenaltyHours is >= 0 and <= 24 * 30, "penaltyHours", "Must be between 0 and 720.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var policy = new CrossBorderPolicy(request.Allowed!.Value, request.PenaltyHours!.Value);
        await change.HandleAsync(unit => networks.SaveCrossBorderAsync(unit, policy), seller.Id, Correlation.Of(http), cancellationToken);
        return TypedResults.Ok(policy);
    }
}
