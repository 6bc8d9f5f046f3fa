using InventoryPlatform.Gateway.Security;
using InventoryPlatform.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Gateway.Api;

/// <summary>Issuing and revoking partner API keys (admin scope only).</summary>
public static class KeysApi
{
    public static RouteGroupBuilder MapKeysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/gateway/v1/keys").WithTags("API keys").AddEndpointFilter(RequireAdmin);
        group
            .MapPost("/", Issue)
            .WithName("IssueApiKey")
            .WithSummary("Issue an API key for a seller; the key is shown once, in this response.");
        group.MapGet("/", List).WithName("ListApiKeys").WithSummary("The active issued keys (never the keys themselves).");
        group
            .MapGet("/cache", (ApiKeys keys) => TypedResults.Ok(new KeyCacheSummary(keys.CachedKeys, keys.CacheCapacity)))
            .WithName("GetApiKeyCache")
            .WithSummary("How many keys, known and unknown, this gateway replica's key cache holds, and the most it holds.");
        group
            .MapDelete("/{id}", Revoke)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke a key; it stops working at once on this replica and within seconds on others.");
        return group;
    }

    public static async Task<Results<Created<IssuedKey>, ValidationProblem>> Issue(
        IssueKeyRequest request,
        ApiKeys keys,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation()
            .Require(
                request.SellerId is { } seller && Seller.IsValidId(seller),
                "sellerId",
                "Is required: 1-64 letters, digits, '-' or '_'."
            )
            .Require(
                request.Scopes is { Count: > 0 } scopes && scopes.All(s => PlatformScopes.All.Contains(s)),
                "scopes",
                $"At least one of: {string.Join(", ", PlatformScopes.All)}."
            )
            .Require(request.PermitsPerSecond is null or (>= 1 and <= 10_000), "permitsPerSecond", "Must be between 1 and 10,000.")
            .Require(request.Burst is null or (>= 1 and <= 100_000), "burst", "Must be between 1 and 100,000.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var (key, plain) = await keys.IssueAsync(
            request.SellerId!,
            request.Scopes!.Distinct().ToList(),
            request.PermitsPerSecond ?? 50,
            request.Burst ?? 100,
            cancellationToken
        );
        return TypedResults.Created(
            $"/api/gateway/v1/keys/{key.Id}",
            new IssuedKey(key.Id, plain, key.SellerId, key.Scopes, key.PermitsPerSecond, key.Burst)
        );
    }

    public static async Task<Ok<IReadOnlyList<KeySummary>>> List(ApiKeys keys, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<KeySummary>>(
            (await keys.ListAsync(cancellationToken))
                .Select(k => new KeySummary(k.Id, k.SellerId, k.Scopes, k.PermitsPerSecond, k.Burst))
                .ToList()
        );

    public static async Task<Results<NoContent, ProblemHttpResult>> Revoke(string id, ApiKeys keys, CancellationToken cancellationToken) =>
        id.Length <= 32 && await keys.RevokeAsync(id, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound("API key", id);

    private static async ValueTask<object?> RequireAdmin(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        PartnerAuthentication.CallerOf(context.HttpContext)?.IsAdmin == true
            ? await next(context)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Missing scope.",
                detail: "This request needs the 'admin' scope."
            );
}
