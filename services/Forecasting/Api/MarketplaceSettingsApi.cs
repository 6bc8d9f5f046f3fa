using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Forecasting.Domain;
using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Network;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Forecasting.Api;

/// <summary>A seller's forecasting settings per marketplace: the period its sales are forecast in.</summary>
public static class MarketplaceSettingsApi
{
    public static RouteGroupBuilder MapMarketplaceSettingsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{ForecastingService.Descriptor.ApiPrefix}/marketplaces").WithTags("Marketplace settings");
        group
            .MapPut("/{marketplace}/settings", SetMarketplaceSettings)
            .WithName("SetForecastingMarketplaceSettings")
            .ProducesValidationProblem()
            .WithSummary(
                "Forecast a marketplace's sales daily (the default) or weekly (ISO weeks, Monday to Sunday): weekly forecasts are "
                    + "published as weekly buckets and spread evenly over the days for replenishment. Applies from the next refresh."
            );
        group
            .MapGet("/{marketplace}/settings", GetMarketplaceSettings)
            .WithName("GetForecastingMarketplaceSettings")
            .ProducesValidationProblem()
            .WithSummary("The period a marketplace's sales are forecast in (daily unless set).");
        return group;
    }

    public static async Task<Results<Ok<MarketplaceSettingsResponse>, ValidationProblem>> SetMarketplaceSettings(
        string marketplace,
        MarketplaceSettingsRequest request,
        Seller seller,
        Database database,
        MarketplaceSettingsRepository settings,
        NetworkDirectory network,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var validation = await Validate(marketplace, network, cancellationToken);
        var period = request.Period switch
        {
            "daily" => ForecastPeriod.Daily,
            "weekly" => ForecastPeriod.Weekly,
            _ => (ForecastPeriod?)null,
        };
        validation.Require(period is not null, "period", "Must be daily or weekly.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        await database.InTransactionAsync(
            unit => settings.SavePeriodAsync(unit, seller.Id, marketplace, period!.Value, time.GetUtcNow().UtcDateTime),
            cancellationToken
        );
        return TypedResults.Ok(new MarketplaceSettingsResponse(marketplace, MarketplaceSettingsRepository.PeriodName(period!.Value)));
    }

    public static async Task<Results<Ok<MarketplaceSettingsResponse>, ValidationProblem>> GetMarketplaceSettings(
        string marketplace,
        Seller seller,
        MarketplaceSettingsRepository settings,
        NetworkDirectory network,
        CancellationToken cancellationToken
    )
    {
        var validation = await Validate(marketplace, network, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var period = await settings.PeriodAsync(seller.Id, marketplace, cancellationToken);
        return TypedResults.Ok(new MarketplaceSettingsResponse(marketplace, MarketplaceSettingsRepository.PeriodName(period)));
    }

    private static async Task<Validation> Validate(string marketplace, NetworkDirectory network, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.Require(MarketCodes.IsMarketplace(marketplace), "marketplace", "Must be 2-10 capital letters.");
        (await network.GetAsync(cancellationToken)).Require(validation, NetworkReference.Marketplace, "marketplace", marketplace);
        return validation;
    }
}
