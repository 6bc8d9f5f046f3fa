using System.Reflection;
using System.Text.Json;
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

    [Test]
    public void Every_client_method_is_typed_end_to_end_without_a_type_argument_or_an_object()
    {
        var untyped = ClientMethods()
            .Where(m => m.IsGenericMethodDefinition || m.GetParameters().Any(p => IsUntyped(p.ParameterType)) || IsUntyped(m.ReturnType))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();

        Assert.That(untyped, Is.Empty, "generic, or taking or returning object: take and return InventoryPlatform.Client.Models");
    }

    [Test]
    public void Every_client_method_answers_with_the_model_its_OpenAPI_operation_declares()
    {
        var declared = DeclaredAnswers();
        var mismatched = ClientMethods()
            .Where(m => m.ReturnType != typeof(Task<string>) && m.ReturnType != typeof(Task<byte[]>))
            .Select(m => (Method: m, Operation: m.GetCustomAttribute<PlatformOperationAttribute>()!.OperationId))
            .Where(x => declared.TryGetValue(x.Operation, out var schema) && schema != AnswerModel(x.Method.ReturnType))
            .Select(x => $"{x.Method.DeclaringType!.Name}.{x.Method.Name}: {AnswerModel(x.Method.ReturnType)}, not {declared[x.Operation]}")
            .ToList();

        Assert.That(declared, Has.Count.GreaterThan(80), "the committed OpenAPI documents were read");
        Assert.That(mismatched, Is.Empty);
    }

    private static bool IsUntyped(Type type) =>
        type == typeof(object)
        || type.IsGenericParameter
        || type.IsArray && IsUntyped(type.GetElementType()!)
        || type.IsGenericType && type.GetGenericArguments().Any(IsUntyped);

    /// <summary>
    /// The model a method's answer is made of: the item of a list, page or change batch, else the record itself (CSV, NDJSON
    /// and PNG downloads, which answer with text or bytes, are not compared).
    /// </summary>
    private static string? AnswerModel(Type type)
    {
        while (type.IsGenericType && type.GetGenericTypeDefinition() != typeof(Nullable<>))
        {
            type = type.GetGenericArguments()[0];
        }

        return type.Namespace == "InventoryPlatform.Client.Models" ? type.Name : null;
    }

    /// <summary>Per operationId, the model its success answer names in the committed documents (a page's or list's item).</summary>
    private static Dictionary<string, string> DeclaredAnswers()
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var folder = Path.Combine(CodebaseLayoutSpecs.RepositoryRoot(), "shared", "InventoryPlatform.Client", "OpenApi");
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
            var operations = document.RootElement.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject());
            foreach (var operation in operations.Select(o => o.Value))
            {
                var success = operation
                    .GetProperty("responses")
                    .EnumerateObject()
                    .Where(r => r.Name.StartsWith('2') && r.Value.TryGetProperty("content", out _))
                    .Select(r => r.Value.GetProperty("content").EnumerateObject().First().Value)
                    .FirstOrDefault();
                if (success.ValueKind == JsonValueKind.Object && Model(success.GetProperty("schema"), schemas) is { } model)
                {
                    answers[operation.GetProperty("operationId").GetString()!] = model;
                }
            }
        }

        return answers;
    }

    private static string? Model(JsonElement schema, JsonElement schemas)
    {
        if (schema.TryGetProperty("items", out var items))
        {
            return Model(items, schemas);
        }

        if (!schema.TryGetProperty("$ref", out var reference))
        {
            return null;
        }

        var name = reference.GetString()!.Split('/')[^1];
        var properties = schemas.GetProperty(name).TryGetProperty("properties", out var p) ? p : default;
        return properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("nextCursor", out _)
            ? Model(properties.GetProperty("items"), schemas)
            : name;
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
