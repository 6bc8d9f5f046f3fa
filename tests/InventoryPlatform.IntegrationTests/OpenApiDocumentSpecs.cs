using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using InventoryPlatform.Data;
using AllocationMarker = InventoryPlatform.Allocation.Data.StockRepository;
using ForecastingMarker = InventoryPlatform.Forecasting.Application.RefreshForecastsHandler;
using LimitsMarker = InventoryPlatform.Limits.Messaging.ReserveCapacityConsumer;
using LiquidationMarker = InventoryPlatform.Liquidation.Application.RecommendationHandler;
using NotificationsMarker = InventoryPlatform.Notifications.Jobs.WebhookDeliveryJob;
using ReceivingMarker = InventoryPlatform.Receiving.Application.RecordScansHandler;
using ReturnsMarker = InventoryPlatform.Returns.Application.GradeReturnedUnitsHandler;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// The client's models are generated from the OpenAPI documents committed in shared/InventoryPlatform.Client/OpenApi; each
/// must be what its service serves, or the typed client has drifted from the API. <c>scripts/openapi-refresh.sh</c> rewrites
/// them (this spec with INVENTORY_OPENAPI_REFRESH=1).
/// </summary>
public sealed class OpenApiDocumentSpecs
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEnumerable<string> Services() =>
        ["receiving", "allocation", "forecasting", "returns", "liquidation", "limits", "notifications"];

    [TestCaseSource(nameof(Services))]
    public async Task The_committed_OpenAPI_document_is_the_one_the_service_serves(string service)
    {
        var database = await TestInfrastructure.CreateDatabaseAsync(DatabaseProvider.Postgres, $"openapi_{service}");
        var messaging = await TestInfrastructure.CreateVirtualHostAsync($"openapi-{service}");
        var served = await ServedAsync(service, database, messaging);
        var committed = Path.Combine(RepositoryRoot(), "shared", "InventoryPlatform.Client", "OpenApi", $"{service}.json");

        if (Environment.GetEnvironmentVariable("INVENTORY_OPENAPI_REFRESH") == "1")
        {
            await File.WriteAllTextAsync(committed, served);
        }

        Assert.That(File.Exists(committed), Is.True, $"{committed} is missing: run scripts/openapi-refresh.sh");
        Assert.That(
            await File.ReadAllTextAsync(committed),
            Is.EqualTo(served),
            $"{service}'s OpenAPI document changed: run scripts/openapi-refresh.sh and rebuild the client"
        );
    }

    private static async Task<string> ServedAsync(string service, string database, string messaging) =>
        service switch
        {
            "receiving" => await DocumentAsync(new ServiceHost<ReceivingMarker>(DatabaseProvider.Postgres, database, messaging)),
            "allocation" => await DocumentAsync(new ServiceHost<AllocationMarker>(DatabaseProvider.Postgres, database, messaging)),
            "forecasting" => await DocumentAsync(new ServiceHost<ForecastingMarker>(DatabaseProvider.Postgres, database, messaging)),
            "returns" => await DocumentAsync(new ServiceHost<ReturnsMarker>(DatabaseProvider.Postgres, database, messaging)),
            "liquidation" => await DocumentAsync(new ServiceHost<LiquidationMarker>(DatabaseProvider.Postgres, database, messaging)),
            "limits" => await DocumentAsync(new ServiceHost<LimitsMarker>(DatabaseProvider.Postgres, database, messaging)),
            "notifications" => await DocumentAsync(new ServiceHost<NotificationsMarker>(DatabaseProvider.Postgres, database, messaging)),
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
        };

    /// <summary>The document as the gateway passes it on, without <c>servers</c> (the address it was asked at).</summary>
    private static async Task<string> DocumentAsync<T>(ServiceHost<T> host)
        where T : class
    {
        await using (host)
        {
            using var http = host.CreateClient();
            using var response = await http.GetAsync("/openapi/v1.json");
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.IsSuccessStatusCode, Is.True, body);
            var document = JsonNode.Parse(body)!.AsObject();
            document.Remove("servers");
            return document.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InventoryPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("InventoryPlatform.sln not found above the test directory.");
    }
}
