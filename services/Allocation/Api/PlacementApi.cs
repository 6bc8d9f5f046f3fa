using InventoryPlatform.Allocation.Application;
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
                "Transfers that would bring each FC's stock of an FNSKU (available plus in transit to it) to its share of regional demand, "
                    + "within each FC's free storage capacity, with days of cover before; accept one by POSTing it to /transfers."
            );
        group
            .MapGet("/rebalancing/policy", GetRebalancingPolicy)
            .WithName("GetRebalancingPolicy")
            .WithSummary("The seller's rebalancing policy: advise (the default) or automatic. Admins may name another ?sellerId.");
        group
            .MapPut("/rebalancing/policy", PutRebalancingPolicy)
            .WithName("PutRebalancingPolicy")
            .WithSummary(
                "Set the seller's rebalancing policy: advise (proposals only) or automatic (a scheduled run creates the proposed "
                    + "transfers, from available units only). Admins may name another ?sellerId."
            );
        group
            .MapPost("/rebalancing/runs", RunRebalancing)
            .WithName("RunRebalancing")
            .WithSummary(
                "Run the seller's rebalancing now, as the scheduled run does: under an automatic policy it creates the proposed transfers "
                    + "(of one ?marketplace, or all) and returns them; under advise it creates none. Admins may name another ?sellerId."
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
        RebalanceHandler rebalance,
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
        var market = marketplace!.ToUpperInvariant();
        var (proposals, source) = await rebalance.ProposeAsync(
            seller.Id,
            code,
            market,
            minimumUnits ?? RebalanceHandler.DefaultMinimumUnits,
            cancellationToken
        );
        return TypedResults.Ok(new RebalancingProposals(code, market, source, proposals));
    }

    public static async Task<Results<Ok<RebalancingPolicyResponse>, ValidationProblem, ProblemHttpResult>> GetRebalancingPolicy(
        string? sellerId,
        HttpContext http,
        RebalancingPolicyRepository policies,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var owner = SellerAccess.Of(http, sellerId);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        return TypedResults.Ok(new RebalancingPolicyResponse(owner, await policies.GetAsync(owner, cancellationToken)));
    }

    public static async Task<Results<Ok<RebalancingPolicyResponse>, ValidationProblem, ProblemHttpResult>> PutRebalancingPolicy(
        string? sellerId,
        RebalancingPolicyRequest request,
        HttpContext http,
        RebalancingPolicyRepository policies,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var owner = SellerAccess.Of(http, sellerId);
        var mode = request.Mode?.ToLowerInvariant() switch
        {
            "advise" => RebalancingMode.Advise,
            "automatic" => RebalancingMode.Automatic,
            _ => (RebalancingMode?)null,
        };
        validation.Require(mode is not null, "mode", "Must be advise or automatic.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        await policies.SaveAsync(owner, mode!.Value, time.GetUtcNow().UtcDateTime, cancellationToken);
        return TypedResults.Ok(new RebalancingPolicyResponse(owner, mode.Value));
    }

    public static async Task<Results<Ok<RebalancingRunResponse>, ValidationProblem, ProblemHttpResult>> RunRebalancing(
        string? sellerId,
        string? marketplace,
        HttpContext http,
        NetworkRepository networks,
        RebalanceHandler rebalance,
        CancellationToken cancellationToken
    )
    {
        var network = await networks.GetAsync(cancellationToken);
        var validation = new Validation();
        var owner = SellerAccess.Of(http, sellerId);
        validation.Require(
            marketplace is null || network.IsMarketplace(marketplace.ToUpperInvariant()),
            "marketplace",
            "Must be a marketplace of the network."
        );
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var (mode, transfers) = await rebalance.RunAsync(owner, marketplace?.ToUpperInvariant(), Correlation.Of(http), cancellationToken);
        return TypedResults.Ok(new RebalancingRunResponse(owner, mode, transfers.Select(TransferResponse.From).ToList()));
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
