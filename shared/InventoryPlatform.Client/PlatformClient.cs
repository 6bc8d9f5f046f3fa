namespace InventoryPlatform.Client;

/// <summary>
/// The partner API through the gateway, one typed client per service area. Give it an <see cref="HttpClient"/> (from
/// IHttpClientFactory, or your own) and the API key; another area is one more <see cref="ApiArea"/>
/// subclass and one property here.
/// </summary>
public sealed class PlatformClient
{
    public PlatformClient(HttpClient http, PlatformClientOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey);
        if (options.BaseAddress is not null)
        {
            http.BaseAddress = options.BaseAddress;
        }

        if (http.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient or the options must give the gateway's address.", nameof(options));
        }

        var transport = new PlatformTransport(http, options.ApiKey);
        Receiving = new ReceivingClient(transport);
        Allocation = new AllocationClient(transport);
        Forecasting = new ForecastingClient(transport);
        Returns = new ReturnsClient(transport);
        Liquidation = new LiquidationClient(transport);
        Limits = new LimitsClient(transport);
        Notifications = new NotificationsClient(transport);
    }

    public ReceivingClient Receiving { get; }

    public AllocationClient Allocation { get; }

    public ForecastingClient Forecasting { get; }

    public ReturnsClient Returns { get; }

    public LiquidationClient Liquidation { get; }

    public LimitsClient Limits { get; }

    public NotificationsClient Notifications { get; }
}
