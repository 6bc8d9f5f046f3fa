using InventoryPlatform.Hosting;
using InventoryPlatform.Returns.Application;
using InventoryPlatform.Returns.Data;
using InventoryPlatform.Returns.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Returns.Api;

public static class GradingRulesApi
{
    public static RouteGroupBuilder MapGradingRulesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{ReturnsService.Descriptor.ApiPrefix}/grading-rules").WithTags("Grading rules");
        group
            .MapGet("/", GetRules)
            .WithName("GetGradingRules")
            .WithSummary("The seller's grading rules (the defaults until the seller sets any).");
        group
            .MapPut("/", SetRules)
            .WithName("SetGradingRules")
            .WithSummary("Replace the seller's grading rules; fields left out keep the default. They apply to units graded from now on.");
        return group;
    }

    public static async Task<Results<Ok<GradingRulesResponse>, ProblemHttpResult>> GetRules(
        HttpContext http,
        string? sellerId,
        GradingRuleRepository rules,
        CancellationToken cancellationToken
    )
    {
        var owner = SellerAccess.Of(http, sellerId);

        var (current, updatedAt) = await rules.GetAsync(owner, cancellationToken);
        return TypedResults.Ok(GradingRulesResponse.From(current, updatedAt));
    }

    public static async Task<Results<Ok<GradingRulesResponse>, ValidationProblem>> SetRules(
        GradingRulesRequest request,
        Seller seller,
        SetGradingRulesHandler setRules,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        foreach (
            var (field, reason) in GradingRules.Check(
                request.OpenedLikeNewCategories,
                request.OpenedNotRestocked,
                request.Damaged,
                request.Defective
            )
        )
        {
            validation.Add(field, reason);
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var defaults = GradingRules.Default;
        var updated = new GradingRules(
            request.RestockOpenedLikeNew ?? defaults.RestockOpenedLikeNew,
            request.OpenedLikeNewCategories?.Select(c => c!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [],
            request.OpenedNotRestocked ?? defaults.OpenedNotRestocked,
            request.Damaged ?? defaults.Damaged,
            request.Defective ?? defaults.Defective
        );
        var updatedAt = await setRules.HandleAsync(seller.Id, updated, cancellationToken);
        return TypedResults.Ok(GradingRulesResponse.From(updated, updatedAt));
    }
}
