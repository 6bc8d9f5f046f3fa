using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Network;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Limits.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Limits.Api;

/// <summary>The FCs' capacities per storage type (edited by admin) and how full they are.</summary>
public static class NetworkApi
{
    public static RouteGroupBuilder MapNetworkApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(LimitsService.Descriptor.ApiPrefix).WithTags("Storage utilization");
        group
            .MapGet("/utilization", GetUtilization)
            .WithName("GetStorageUtilization")
            .WithSummary(
                "Per FC and storage type: capacity, volume stored and inbound over all sellers, and utilization (occupied ÷ capacity)."
            );
        group
            .MapGet("/fulfillment-centers", GetCapacities)
            .WithName("ListFcCapacities")
            .WithSummary("Each FC's storage capacity per storage type, in cubic feet.");
        group
            .MapPut("/fulfillment-centers/{code}/capacities/{storageType}", PutCapacity)
            .RequireAdminScope()
            .WithName("PutFcCapacity")
            .WithSummary("Set an FC's capacity for a storage type in cubic feet (admin); adds the FC when new.");
        return group;
    }

    public static async Task<Ok<UtilizationResponse>> GetUtilization(NetworkCapacity network, CancellationToken cancellationToken) =>
        TypedResults.Ok(new UtilizationResponse(await UtilizationAsync(network, cancellationToken)));

    public static async Task<Ok<CapacitiesResponse>> GetCapacities(NetworkCapacity network, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CapacitiesResponse(await network.ListAsync(cancellationToken)));

    public static async Task<Results<Created<FcCapacity>, Ok<FcCapacity>, ValidationProblem>> PutCapacity(
        string code,
        string storageType,
        CapacityRequest request,
        NetworkCapacity network,
        NetworkDirectory directory,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var fc = code.ToUpperInvariant();
        var validation = new Validation();
        validation.Require(FulfillmentCenterCode.IsValid(fc), "code", FulfillmentCenterCode.Rule);
        (await directory.GetAsync(cancellationToken)).Require(validation, NetworkReference.FulfillmentCenter, "code", fc);
        validation.Require(
            Enum.TryParse<StorageType>(storageType, ignoreCase: true, out var type)
                && Enum.IsDefined(type)
                && !storageType.All(char.IsAsciiDigit),
            "storageType",
            "Must be standard, oversize, apparel, footwear or hazmat."
        );
        validation.Require(
            request.CapacityCubicFeet is >= 0 and <= 1_000_000_000_000m,
            "capacityCubicFeet",
            "Is required, between 0 and 1,000,000,000,000."
        );
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var created = await network.SaveAsync(fc, type, request.CapacityCubicFeet!.Value, cancellationToken);
        var saved = new FcCapacity(fc, type, request.CapacityCubicFeet.Value, time.GetUtcNow().UtcDateTime);
        return created ? TypedResults.Created($"{LimitsService.Descriptor.ApiPrefix}/fulfillment-centers", saved) : TypedResults.Ok(saved);
    }

    public static async Task<IReadOnlyList<FcUtilization>> UtilizationAsync(NetworkCapacity network, CancellationToken cancellationToken)
    {
        var capacities = await network.ListAsync(cancellationToken);
        var occupancy = (await network.OccupancyAsync(cancellationToken)).ToDictionary(o => (o.FulfillmentCenter, o.StorageType));
        return capacities
            .Select(c =>
            {
                var occupied = occupancy.GetValueOrDefault((c.FulfillmentCenter, c.StorageType));
                var stored = occupied?.StoredCubicFeet ?? 0;
                var inbound = occupied?.InboundCubicFeet ?? 0;
                return new FcUtilization(
                    c.FulfillmentCenter,
                    c.StorageType,
                    c.CapacityCubicFeet,
                    Math.Round(stored, 4),
                    Math.Round(inbound, 4),
                    Math.Round(Kpis.Utilization(stored + inbound, c.CapacityCubicFeet), 6)
                );
            })
            .ToList();
    }
}
