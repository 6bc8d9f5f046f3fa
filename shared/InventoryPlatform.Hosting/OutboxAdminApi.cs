using InventoryPlatform.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryPlatform.Hosting;

/// <summary>
/// Every service's outbox rows that could not be published, for admins:
/// <c>GET /api/&lt;service&gt;/v1/admin/outbox/parked</c> lists them with their last error, and
/// <c>POST /api/&lt;service&gt;/v1/admin/outbox/parked/{id}/retry</c> puts one back in line once its cause is fixed.
/// </summary>
public static class OutboxAdminApi
{
    public static RouteGroupBuilder MapOutboxAdminApi(this IEndpointRouteBuilder routes)
    {
        var service = routes.ServiceProvider.GetRequiredService<PlatformService>();
        var group = routes.MapGroup($"{service.ApiPrefix}/admin/outbox/parked").RequireAdminScope().WithTags("Outbox");
        group
            .MapGet("", ListParked)
            .WithName("ListParkedOutboxMessages")
            .WithSummary(
                $"Events {service.Name} could not publish after the configured attempts, oldest id first, with their last error (admin)."
            );
        group
            .MapPost("{id:guid}/retry", RetryParked)
            .WithName("RetryParkedOutboxMessage")
            .WithSummary("Puts a parked event back in line for publishing with a fresh count of attempts (admin).");
        return group;
    }

    public static async Task<Results<Ok<Page<ParkedOutboxMessage>>, ValidationProblem>> ListParked(
        int? limit,
        string? cursor,
        ParkedOutbox parked,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var (take, after) = Cursor.ReadGuid(limit, cursor, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var rows = await parked.ListAsync(take + 1, after, cancellationToken);
        return TypedResults.Ok(Cursor.ToPage(rows, take, r => r.Id.ToString()));
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> RetryParked(
        Guid id,
        ParkedOutbox parked,
        CancellationToken cancellationToken
    ) =>
        await parked.RetryAsync(id, cancellationToken)
            ? TypedResults.Accepted((string?)null)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No such parked event.",
                detail: $"No outbox event {id} is parked."
            );
}
