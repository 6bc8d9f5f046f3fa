using InventoryPlatform.Forecasting.Application;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Forecasting.Domain;
using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Network;
using InventoryPlatform.Primitives;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InventoryPlatform.Forecasting.Api;

/// <summary>The external factors the models see: holidays per marketplace and promotions per FNSKU.</summary>
public static class CalendarApi
{
    public static RouteGroupBuilder MapCalendarApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{ForecastingService.Descriptor.ApiPrefix}/calendar").WithTags("Calendar");
        group
            .MapPut("/holidays/{marketplace}", SetHolidays)
            .WithName("SetHolidays")
            .WithSummary(
                "Add or rename holidays of a marketplace (e.g. US); they are a feature of the forecasts of the FNSKUs sold there."
            );
        group.MapGet("/holidays", ListHolidays).WithName("ListHolidays").WithSummary("The seller's holidays, of one ?marketplace or all.");
        group
            .MapPost("/promotions", CreatePromotion)
            .WithName("CreatePromotion")
            .Produces<Promotion>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary(
                "Plan a promotion of an FNSKU (dates inclusive, discount %, featured/display flag); the global model forecasts its lift. "
                    + "404 for an FNSKU Forecasting does not know. Accepts an Idempotency-Key header."
            );
        group
            .MapGet("/promotions", ListPromotions)
            .WithName("ListPromotions")
            .WithSummary("The seller's promotions, of one ?fnsku or all.");
        group.MapDelete("/promotions/{id:guid}", DeletePromotion).WithName("DeletePromotion").WithSummary("Cancel a promotion.");
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<Holiday>>, ValidationProblem>> SetHolidays(
        string marketplace,
        SetHolidaysRequest request,
        Seller seller,
        SetHolidaysHandler holidays,
        NetworkDirectory network,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(MarketCodes.IsMarketplace(marketplace), "marketplace", "Must be 2-10 capital letters.");
        (await network.GetAsync(cancellationToken)).Require(validation, NetworkReference.Marketplace, "marketplace", marketplace);
        validation.Require(request.Holidays is { Count: > 0 and <= 1000 }, "holidays", "Must hold 1 to 1000 holidays.");
        for (var i = 0; i < (request.Holidays?.Count ?? 0); i++)
        {
            validation.Require(request.Holidays![i].Date is not null, $"holidays[{i}].date", "Is required.");
            validation.Require(request.Holidays[i].Name is { Length: > 0 and <= 100 }, $"holidays[{i}].name", "Must be 1-100 characters.");
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var given = request.Holidays!.Select(h => (h.Date!.Value, h.Name!));
        return TypedResults.Ok(await holidays.HandleAsync(seller.Id, marketplace, given, cancellationToken));
    }

    public static async Task<Results<Ok<IReadOnlyList<Holiday>>, ValidationProblem>> ListHolidays(
        string? marketplace,
        Seller seller,
        CalendarRepository calendar,
        NetworkDirectory network,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(marketplace is null || MarketCodes.IsMarketplace(marketplace), "marketplace", "Must be 2-10 capital letters.");
        (await network.GetAsync(cancellationToken)).Require(
            validation,
            NetworkReference.Marketplace,
            "marketplace",
            marketplace,
            required: false
        );
        return validation.IsValid
            ? TypedResults.Ok(await calendar.HolidaysAsync(seller.Id, marketplace, cancellationToken))
            : validation.Problem();
    }

    public static async Task<IResult> CreatePromotion(
        CreatePromotionRequest request,
        Seller seller,
        [FromHeader(Name = IdempotentRequests.Header)] string? idempotencyKey,
        HttpContext http,
        SalesRepository sales,
        CalendarRepository calendar,
        IdempotentRequests idempotency,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(IdempotentRequests.IsValidKey(idempotencyKey), IdempotentRequests.Header, "Must be 1-200 printable characters.");
        validation.Require(Fnsku.IsValid(request.Fnsku), "fnsku", Fnsku.Rule);
        validation.Require(request.StartsOn is not null, "startsOn", "Is required.");
        validation.Require(
            request.EndsOn is not null && (request.StartsOn is null || request.EndsOn >= request.StartsOn),
            "endsOn",
            "Is required and not before startsOn."
        );
        validation.Require(
            request.StartsOn is null || request.EndsOn is null || request.EndsOn.Value.DayNumber - request.StartsOn.Value.DayNumber <= 365,
            "endsOn",
            "A promotion lasts at most a year."
        );
        validation.Require(request.DiscountPercent is >= 0 and <= 100, "discountPercent", "Must be from 0 to 100.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (!await sales.IsKnownAsync(seller.Id, request.Fnsku!, cancellationToken))
        {
            return Problems.NotFound("FNSKU", request.Fnsku!);
        }

        var promotion = new Promotion(
            Guid.CreateVersion7(),
            request.Fnsku!,
            request.StartsOn!.Value,
            request.EndsOn!.Value,
            request.DiscountPercent!.Value,
            request.Featured
        );
        return await idempotency.RunAsync(
            seller,
            idempotencyKey,
            http.Request.Path,
            async unit =>
            {
                await calendar.AddPromotionAsync(unit, seller.Id, promotion, time.GetUtcNow().UtcDateTime);
                return (StatusCodes.Status201Created, promotion);
            },
            cancellationToken
        );
    }

    public static async Task<Ok<IReadOnlyList<Promotion>>> ListPromotions(
        string? fnsku,
        Seller seller,
        CalendarRepository calendar,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await calendar.PromotionsAsync(seller.Id, fnsku, cancellationToken));

    public static async Task<Results<NoContent, ProblemHttpResult>> DeletePromotion(
        Guid id,
        Seller seller,
        CalendarRepository calendar,
        CancellationToken cancellationToken
    ) =>
        await calendar.DeletePromotionAsync(seller.Id, id, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("Promotion", id.ToString());
}
