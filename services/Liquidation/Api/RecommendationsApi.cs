using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Hosting;
using InventoryPlatform.Liquidation.Application;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Primitives;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InventoryPlatform.Liquidation.Api;

public static class RecommendationsApi
{
    private const int MaxNote = 500;

    public static RouteGroupBuilder MapRecommendationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{LiquidationService.Descriptor.ApiPrefix}/recommendations").WithTags("Recommendations");
        group
            .MapPost("/recompute", Recompute)
            .WithName("RecomputeRecommendations")
            .WithSummary(
                "Recompute the seller's recommendations now from current ages, demand and holding cost (a schedule also does it daily). "
                    + "Undecided ones are refreshed in place; those the seller's automatic policy allows are executed at once."
            );
        group
            .MapGet("/", ListRecommendations)
            .WithName("ListRecommendations")
            .WithSummary(
                "The seller's recommendations (keep, markdown, promotion, liquidate, removeToSeller, dispose) with the numbers behind "
                    + "each, "
                    + "paged by cursor; filters status and fnsku. Admin keys may pass sellerId."
            );
        group
            .MapGet("/{id:guid}", GetRecommendation)
            .WithName("GetRecommendation")
            .WithSummary("One recommendation with every option's expected value, holding cost, recovery and fees.");
        group
            .MapPost("/{id:guid}/approve", Approve)
            .WithName("ApproveRecommendation")
            .Produces<RecommendationResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary(
                "Approve a proposed recommendation: a markdown or promotion publishes PriceMarkdownRecommended; liquidation, removal or "
                    + "disposal creates an order of the oldest units. 409 when it is not proposed. Accepts an Idempotency-Key header."
            );
        group
            .MapPost("/{id:guid}/reject", Reject)
            .WithName("RejectRecommendation")
            .Produces<RecommendationResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Reject a proposed recommendation; none is raised again for that stock for the configured quiet period.");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<RecommendationResponse>>> Recompute(
        Seller seller,
        HttpContext http,
        RecommendationHandler handler,
        CancellationToken cancellationToken
    )
    {
        var raised = await handler.RecomputeAsync(seller.Id, Correlation.Of(http), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RecommendationResponse>>([.. raised.Select(RecommendationResponse.From)]);
    }

    public static async Task<Results<Ok<Page<RecommendationResponse>>, ValidationProblem>> ListRecommendations(
        HttpContext http,
        RecommendationRepository recommendations,
        string? status,
        string? fnsku,
        string? sellerId,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var (take, after) = Cursor.ReadGuid(limit, cursor, validation);
        validation.Require(fnsku is null || Fnsku.IsValid(fnsku), "fnsku", Fnsku.Rule);
        var wanted = ReadScope.ParseEnum<RecommendationStatus>(status, "status", validation);
        var owner = SellerAccess.Of(http, sellerId);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var rows = await recommendations.ListAsync(owner!, wanted, fnsku?.ToUpperInvariant(), take + 1, after, cancellationToken);
        return TypedResults.Ok(Cursor.ToPage([.. rows.Select(RecommendationResponse.From)], take, r => r.Id.ToString()));
    }

    public static async Task<Results<Ok<RecommendationResponse>, ProblemHttpResult, ValidationProblem>> GetRecommendation(
        Guid id,
        HttpContext http,
        string? sellerId,
        RecommendationRepository recommendations,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var owner = SellerAccess.Of(http, sellerId);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        return await recommendations.GetAsync(owner!, id, cancellationToken) is { } found
            ? TypedResults.Ok(RecommendationResponse.From(found))
            : Problems.NotFound("Recommendation", id.ToString());
    }

    public static async Task<IResult> Approve(
        Guid id,
        Seller seller,
        [FromHeader(Name = IdempotentRequests.Header)] string? idempotencyKey,
        HttpContext http,
        RecommendationHandler handler,
        IdempotentRequests idempotency,
        CancellationToken cancellationToken
    )
    {
        var request = await OptionalBodyAsync(http, cancellationToken);
        var validation = new Validation();
        validation.Require(IdempotentRequests.IsValidKey(idempotencyKey), IdempotentRequests.Header, "Must be 1-200 printable characters.");
        validation.Require(request.Note is null || request.Note.Length <= MaxNote, "note", $"At most {MaxNote} characters.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        try
        {
            return await idempotency.RunAsync(
                seller,
                idempotencyKey,
                http.Request.Path,
                async unit =>
                    await handler.ApproveAsync(unit, seller.Id, id, request.Note, Correlation.Of(http)) is { } approved
                        ? (StatusCodes.Status200OK, RecommendationResponse.From(approved))
                        : throw new RecommendationNotFoundException(),
                cancellationToken
            );
        }
        catch (RecommendationNotFoundException)
        {
            return Problems.NotFound("Recommendation", id.ToString());
        }
        catch (StateConflictException conflict)
        {
            return Problems.Conflict("The recommendation cannot be approved.", conflict.Message);
        }
    }

    public static async Task<IResult> Reject(
        Guid id,
        Seller seller,
        HttpContext http,
        RecommendationHandler handler,
        CancellationToken cancellationToken
    )
    {
        var request = await OptionalBodyAsync(http, cancellationToken);
        var validation = new Validation();
        validation.Require(request.Note is null || request.Note.Length <= MaxNote, "note", $"At most {MaxNote} characters.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        try
        {
            var rejected = await handler.RejectAsync(seller.Id, id, request.Note, cancellationToken);
            return rejected is null
                ? Problems.NotFound("Recommendation", id.ToString())
                : TypedResults.Ok(RecommendationResponse.From(rejected));
        }
        catch (StateConflictException conflict)
        {
            return Problems.Conflict("The recommendation cannot be rejected.", conflict.Message);
        }
    }

    /// <summary>Approve and reject take an optional note; an empty body is as good as <c>{}</c>.</summary>
    private static async Task<DecisionRequest> OptionalBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength is 0 || !http.Request.HasJsonContentType())
        {
            return new DecisionRequest(null);
        }

        try
        {
            return await http.Request.ReadFromJsonAsync<DecisionRequest>(JsonDefaults.Options, cancellationToken)
                ?? new DecisionRequest(null);
        }
        catch (System.Text.Json.JsonException json)
        {
            throw new BadHttpRequestException("The request body is not valid JSON.", json);
        }
    }

    private sealed class RecommendationNotFoundException : Exception;
}
