using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Network;
using InventoryPlatform.Receiving.Application;
using InventoryPlatform.Receiving.Data;
using InventoryPlatform.Receiving.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Receiving.Api;

/// <summary>
/// The storage bins of an FC, which putaway fills. An FC's layout is operations data shared by every seller
/// stored there, so these endpoints are not scoped to a seller, and only operations (the admin scope) change it.
/// </summary>
public static class BinsApi
{
    public static RouteGroupBuilder MapBinsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes
            .MapGroup($"{ReceivingService.Descriptor.ApiPrefix}/fulfillment-centers/{{fulfillmentCenter}}/bins")
            .WithTags("Bins");
        group
            .MapPut("/", ConfigureBins)
            .RequireAdminScope()
            .WithName("ConfigureBins")
            .WithSummary(
                "Add or reconfigure bins of an FC: zone, distance to the pick face, capacity by volume. Volume already stowed stays."
            );
        group.MapGet("/", ListBins).WithName("ListBins").WithSummary("The bins of an FC with the volume used, paged by cursor.");
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<BinResponse>>, ValidationProblem>> ConfigureBins(
        string fulfillmentCenter,
        ConfigureBinsRequest request,
        ConfigureBinsHandler configure,
        NetworkDirectory network,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        CheckFulfillmentCenter(fulfillmentCenter, validation, await network.GetAsync(cancellationToken));
        foreach (
            var (field, reason) in Putaway.CheckBins(
                request.Bins?.Select(b => (b.BinId, b.Zone, b.PickFaceDistanceMeters, b.CapacityCubicFeet)).ToList()
            )
        )
        {
            validation.Add(field, reason);
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var fc = fulfillmentCenter.ToUpperInvariant();
        var configured = request
            .Bins!.Select(b => new BinSpace(b.BinId!, b.Zone!, b.PickFaceDistanceMeters!.Value, b.CapacityCubicFeet!.Value, 0))
            .ToList();
        await configure.HandleAsync(fc, configured, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<BinResponse>>(configured.Select(BinResponse.From).ToList());
    }

    public static async Task<Results<Ok<Page<BinResponse>>, ValidationProblem>> ListBins(
        string fulfillmentCenter,
        PutawayRepository bins,
        NetworkDirectory network,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        CheckFulfillmentCenter(fulfillmentCenter, validation, await network.GetAsync(cancellationToken));
        var (take, after) = Cursor.Read(limit, cursor, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var rows = await bins.ListBinsAsync(fulfillmentCenter.ToUpperInvariant(), take + 1, after, cancellationToken);
        return TypedResults.Ok(Cursor.ToPage(rows.Select(BinResponse.From).ToList(), take, b => b.BinId));
    }

    private static void CheckFulfillmentCenter(string fulfillmentCenter, Validation validation, NetworkReferences network)
    {
        validation.Require(
            fulfillmentCenter.Length is >= 1 and <= 10 && fulfillmentCenter.All(char.IsAsciiLetterOrDigit),
            "fulfillmentCenter",
            "Must be an FC code such as SEA1 (letters and digits, at most 10)."
        );
        network.Require(validation, NetworkReference.FulfillmentCenter, "fulfillmentCenter", fulfillmentCenter);
    }
}
