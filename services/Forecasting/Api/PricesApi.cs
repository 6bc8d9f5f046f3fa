using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Primitives;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Forecasting.Api;

/// <summary>Each FNSKU's dated list prices, a covariate of the forecasts (planned cuts included).</summary>
public static class PricesApi
{
    public const int MostPrices = 1000;

    public static RouteGroupBuilder MapPricesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{ForecastingService.Descriptor.ApiPrefix}/prices").WithTags("Prices");
        group
            .MapPut("/{fnsku}", SetPrices)
            .WithName("SetPrices")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary(
                "Replace an FNSKU's price history and planned prices (each from a date until the next, one currency); the forecasts "
                    + "read the price relative to its 13-week median, so a planned cut raises them. Approved markdowns are kept."
            );
        group
            .MapGet("/{fnsku}", GetPrices)
            .WithName("GetPrices")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An FNSKU's dated prices, the seller's and approved markdowns, oldest first.");
        return group;
    }

    public static async Task<Results<Ok<PricesResponse>, ValidationProblem, ProblemHttpResult>> SetPrices(
        string fnsku,
        SetPricesRequest request,
        Seller seller,
        Database database,
        SalesRepository sales,
        PriceRepository prices,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(Fnsku.IsValid(fnsku), "fnsku", Fnsku.Rule);
        var given = request.Prices ?? [];
        validation.Require(request.Prices is { Count: > 0 and <= MostPrices }, "prices", $"Must hold 1 to {MostPrices} prices.");
        for (var i = 0; i < given.Count; i++)
        {
            validation.Require(given[i]?.EffectiveOn is not null, $"prices[{i}].effectiveOn", "Is required.");
            var price = given[i]?.Price;
            validation.Require(price is not null, $"prices[{i}].price", "Is required.");
            if (price is not null)
            {
                validation.Require(
                    price.Amount is > 0 and <= 1_000_000,
                    $"prices[{i}].price.amount",
                    "Must be above 0, at most 1,000,000."
                );
                validation.Require(
                    price.Currency is { Length: 3 } && price.Currency.All(char.IsAsciiLetterUpper),
                    $"prices[{i}].price.currency",
                    "Must be an ISO 4217 code such as USD."
                );
                validation.Require(
                    price.Currency == given[0]?.Price?.Currency,
                    $"prices[{i}].price.currency",
                    "All prices of an FNSKU must be in one currency."
                );
            }

            validation.Require(
                given[i]?.EffectiveOn is null || given.Take(i).All(p => p?.EffectiveOn != given[i]!.EffectiveOn),
                $"prices[{i}].effectiveOn",
                "Each date may be given once."
            );
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (!await sales.IsKnownAsync(seller.Id, fnsku, cancellationToken))
        {
            return Problems.NotFound("FNSKU", fnsku);
        }

        var points = given
            .Select(p => new PricePoint(p!.EffectiveOn!.Value, p.Price!.Amount, p.Price.Currency, PriceRepository.SellerSource))
            .ToList();
        await database.InTransactionAsync(
            unit => prices.ReplaceAsync(unit, seller.Id, fnsku, points, time.GetUtcNow().UtcDateTime),
            cancellationToken
        );
        return TypedResults.Ok(await Read(seller, fnsku, prices, cancellationToken));
    }

    public static async Task<Results<Ok<PricesResponse>, ProblemHttpResult>> GetPrices(
        string fnsku,
        Seller seller,
        SalesRepository sales,
        PriceRepository prices,
        CancellationToken cancellationToken
    ) =>
        Fnsku.IsValid(fnsku) && await sales.IsKnownAsync(seller.Id, fnsku, cancellationToken)
            ? TypedResults.Ok(await Read(seller, fnsku, prices, cancellationToken))
            : Problems.NotFound("FNSKU", fnsku);

    private static async Task<PricesResponse> Read(
        Seller seller,
        string fnsku,
        PriceRepository prices,
        CancellationToken cancellationToken
    ) =>
        new(
            fnsku,
            (await prices.PricesAsync(seller.Id, fnsku, cancellationToken))
                .Select(p => new PriceResponse(p.EffectiveOn, new Money(p.Price, p.Currency), p.Source))
                .ToList()
        );
}
