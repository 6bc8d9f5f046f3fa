using System.Reflection;
using System.Text.RegularExpressions;
using InventoryPlatform.Client;

namespace InventoryPlatform.UnitTests.Client;

/// <summary>
/// The client calls every partner endpoint: each operation the services map (their <c>WithName</c>, the OpenAPI operationId)
/// has a client method, except those only an admin key may call; and no client method names an operation that is not mapped.
/// </summary>
public sealed partial class ClientCoverageSpecs
{
    // Operator endpoints (admin scope): the network, FC capacities, bins, cycle counts, reconciliation, network KPIs.
    private static readonly string[] AdminOnly =
    [
        "RecordCycleCount",
        "ListAdjustments",
        "Reconcile",
        "PutRegion",
        "PutFulfillmentCenter",
        "PutTransitTime",
        "PutCrossBorder",
        "PutFcCapacity",
        "GetNetworkKpis",
        "ConfigureBins",
    ];

    [Test]
    public void Every_partner_operation_the_services_map_has_a_client_method_and_every_client_method_a_mapped_operation()
    {
        var mapped = MappedOperations();
        var called = ClientOperations();

        Assert.That(mapped, Has.Count.GreaterThan(80), "the source scan found the services' endpoints");
        Assert.That(AdminOnly, Is.SubsetOf(mapped), "an admin-only operation that no longer exists");
        Assert.That(mapped.Except(AdminOnly).Except(called), Is.Empty, "partner operations without a client method");
        Assert.That(called.Except(mapped), Is.Empty, "client methods naming no mapped operation");
    }

    [Test]
    public void Creates_that_take_an_idempotency_key_let_the_caller_give_one()
    {
        var creates = new[]
        {
            "CreateShipment",
            "CreateOrder",
            "CreateTransfer",
            "CreatePromotion",
            "CreateReturnAuthorization",
            "ApproveRecommendation",
            "CreateSubscription",
        };
        var withKey = ClientMethods()
            .Where(m => m.GetParameters().Any(p => p.Name == "idempotencyKey" && p.ParameterType == typeof(string)))
            .Select(m => m.GetCustomAttribute<PlatformOperationAttribute>()!.OperationId)
            .ToHashSet();

        Assert.That(withKey, Is.EquivalentTo(creates));
    }

    private static HashSet<string> MappedOperations() =>
        Directory
            .EnumerateFiles(Path.Combine(CodebaseLayoutSpecs.RepositoryRoot(), "services"), "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "Api")
            .SelectMany(f => OperationName().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> ClientOperations() =>
        ClientMethods().Select(m => m.GetCustomAttribute<PlatformOperationAttribute>()!.OperationId).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<MethodInfo> ClientMethods() =>
        typeof(PlatformClient)
            .Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ApiArea)))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<PlatformOperationAttribute>() is not null);

    [GeneratedRegex("""\.WithName\("(?<name>\w+)"\)""")]
    private static partial Regex OperationName();
}
