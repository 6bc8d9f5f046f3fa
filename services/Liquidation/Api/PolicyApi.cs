using InventoryPlatform.Hosting;
using InventoryPlatform.Liquidation.Application;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Liquidation.Api;

public static class PolicyApi
{
    public static RouteGroupBuilder MapPolicyApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{LiquidationService.Descriptor.ApiPrefix}/policy").WithTags("Policy");
        group
            .MapGet("/", GetPolicy)
            .WithName("GetLiquidationPolicy")
            .WithSummary(
                "The seller's policy: manual approval (default) or automatic execution within a maximum markdown and a minimum age."
            );
        group
            .MapPut("/", PutPolicy)
            .WithName("PutLiquidationPolicy")
            .WithSummary("Set the seller's policy: mode manual|automatic, maxMarkdownPercent 0-90, minAgeDays 0-3650.");
        return group;
    }

    public static async Task<Results<Ok<PolicyResponse>, ValidationProblem>> GetPolicy(
        HttpContext http,
        string? sellerId,
        PolicyRepository policies,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var owner = SellerAccess.Of(http, sellerId);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var record = await policies.GetAsync(owner!, cancellationToken);
        return TypedResults.Ok(PolicyResponse.From(record, record.UpdatedAt is null));
    }

    public static async Task<Results<Ok<PolicyResponse>, ValidationProblem>> PutPolicy(
        PolicyRequest request,
        Seller seller,
        SavePolicyHandler handler,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        foreach (var (field, reason) in SellerPolicy.Check(request.Mode, request.MaxMarkdownPercent, request.MinAgeDays))
        {
            validation.Add(field, reason);
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var policy = new SellerPolicy(request.Mode!.Value, request.MaxMarkdownPercent!.Value, request.MinAgeDays!.Value);
        var saved = await handler.SaveAsync(seller.Id, policy, cancellationToken);
        return TypedResults.Ok(PolicyResponse.From(saved, false));
    }
}
