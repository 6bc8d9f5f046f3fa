using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Hosting;
using InventoryPlatform.Primitives;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Allocation.Api;

public static class PlacementApi
{
    public static RouteGroupBuilder MapPlacementApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(AllocationService.Descriptor.ApiPrefix).WithTags("Placement");
        group
            .MapGet("/placement", GetPlacementAdvice)
            .WithName("GetPlacementAdvice")
            .WithSummary(
                "How to split planned inbound units of an FNSKU across a marketplace's FCs: by regional demand (the latest forecast, "
                    + "else the last 28 days of shipments, else evenly), each region served by its nearest FC. For shipment planning."
            );
        group
            .MapGet("/rebalancing", GetRebalancingProposals)
            .WithName("GetRebalancingProposals")
            .WithSummary(
                "Transfers that would bring each FC's available stock of an FNSKU to its share of regional demand, with days of cover "
                    + "before; accept one by POSTing it to /transfers."
            );
        return group;
    }

    public static async Task<Results<Ok<PlacementAdvice>, ValidationProblem>> GetPlacementAdvice(
        Seller seller,
        string? fnsku,
        string? marketplace,
        int? units,
        NetworkRepository networks,
        DemandRepository demand,
        CancellationToken cancellationToken
    )
    {
        var network = await networks.GetAsync(cancellationToken);
        var validation = Check(network, fnsku, marketplace);
        validation.Require(units is >= 1 and <= 1_000_000, "units", "Is required, between 1 and 1000000.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var (rates, source) = await demand.GetAsync(seller.Id, fnsku!.ToUpperInvariant(), cancellationToken);
        var lines = DemandPlacement.Advise(network, marketplace!.ToUpperInvariant(), units!.Value, rates);
        return TypedResults.Ok(new PlacementAdvice(fnsku.ToUpperInvariant(), marketplace.ToUpperInvariant(), units.Value, source, lines));
    }

    public static async Task<Results<Ok<RebalancingProposals>, ValidationProblem>> GetRebalancingProposals(
        Seller seller,
        string? fnsku,
        string? marketplace,
        int? minimumUnits,
        NetworkRepository networks,
        DemandRepository demand,
        StockRepository stock,
        CancellationToken cancellationToken
    )
    {
        var network = await networks.GetAsync(cancellationToken);
        var validation = Check(network, fnsku, marketplace);
        validation.Require(minimumUnits is null or >= 1, "minimumUnits", "Must be at least 1.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var code = fnsku!.ToUpperInvariant();
        var (rates, source) = await demand.GetAsync(seller.Id, code, cancellationToken);
        var balances = await stock.ListAsync(seller.Id, code, null, Cursor.MaxLimit, null, cancellationToken);
        var available = balances.ToDictionary(b => b.FulfillmentCenter, b => b.Balance.Available, StringComparer.Ordinal);
        var proposals = DemandPlacement.Rebalance(network, marketplace!.ToUpperInvariant(), code, available, rates, minimumUnits ?? 10);
        return TypedResults.Ok(new RebalancingProposals(code, marketplace.ToUpperInvariant(), source, proposals));
    }

    private static Validation Check(FulfillmentNetwork network, string? fnsku, string? marketplace)
    {
        var validation = new Validation();
        validation.Require(Fnsku.IsValid(fnsku), "fnsku", Fnsku.Rule);
        validation.Require(
            marketplace is not null && network.IsMarketplace(marketplace.ToUpperInvariant()),
            "marketplace",
            "Must be a marketplace of the network."
        );
        return validation;
    }
}
