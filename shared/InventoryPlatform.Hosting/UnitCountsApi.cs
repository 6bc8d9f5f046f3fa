using InventoryPlatform.Primitives;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryPlatform.Hosting;

/// <summary>
/// The one endpoint every service that keeps unit counts serves to admins, for Allocation's reconciliation:
/// <c>GET /api/&lt;service&gt;/v1/admin/unit-counts?sellerId=&amp;fnsku=</c>, counted by the service's <see cref="IUnitCountSource"/>.
/// </summary>
public static class UnitCountsApi
{
    public static RouteHandlerBuilder MapUnitCountsApi(this IEndpointRouteBuilder routes)
    {
        var service = routes.ServiceProvider.GetRequiredService<PlatformService>();
        return routes
            .MapGet($"{service.ApiPrefix}/admin/unit-counts", GetUnitCounts)
            .RequireAdminScope()
            .WithTags("Reconciliation")
            .WithName("GetUnitCounts")
            .WithSummary(
                $"The units {service.Name} holds per FNSKU, FC and stock position for one seller (admin), as Allocation's "
                    + "reconciliation compares them with the ledger."
            );
    }

    public static async Task<Results<Ok<UnitCounts>, ValidationProblem>> GetUnitCounts(
        string? sellerId,
        string? fnsku,
        PlatformService service,
        IUnitCountSource source,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(
            sellerId is not null && Seller.IsValidId(sellerId),
            "sellerId",
            "Is required: 1-64 letters, digits, '-' or '_'."
        );
        validation.Require(string.IsNullOrEmpty(fnsku) || Fnsku.IsValid(fnsku), "fnsku", Fnsku.Rule);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var counts = await source.CountAsync(sellerId!, string.IsNullOrEmpty(fnsku) ? null : fnsku.ToUpperInvariant(), cancellationToken);
        return TypedResults.Ok(new UnitCounts(service.Name, sellerId!, source.Positions, counts));
    }
}
