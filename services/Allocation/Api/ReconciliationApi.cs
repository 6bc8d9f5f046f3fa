using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Allocation.Api;

/// <summary>The admin reconciliation: each service's unit counts of a seller compared with the ledger, every drift named.</summary>
public static class ReconciliationApi
{
    public static RouteGroupBuilder MapReconciliationApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{AllocationService.Descriptor.ApiPrefix}/admin").WithTags("Reconciliation").RequireAdminScope();
        group
            .MapGet("/reconciliation", Reconcile)
            .WithName("Reconcile")
            .WithSummary(
                "Compare the unit counts each service keeps for a seller (Liquidation's lots, Limits' and Forecasting's stock) with the "
                    + "ledger: every drift with the service, FNSKU, FC, position, ledger units and service units; services not reached "
                    + "are listed."
            );
        return group;
    }

    public static async Task<Results<Ok<ReconciliationResponse>, ValidationProblem>> Reconcile(
        string? sellerId,
        ReconcileStockHandler reconcile,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(
            sellerId is not null && Seller.IsValidId(sellerId),
            "sellerId",
            "Is required: 1-64 letters, digits, '-' or '_'."
        );
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var report = await reconcile.HandleAsync(sellerId!, cancellationToken);
        return TypedResults.Ok(new ReconciliationResponse(report.SellerId, report.Services, report.Drifts, report.Unreachable));
    }
}
