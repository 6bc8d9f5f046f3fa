using System.Text.RegularExpressions;

namespace InventoryPlatform.UnitTests;

/// <summary>
/// The folder roles of docs/architecture.md ("Inside a service: one name per role"), checked on the source: a reader can
/// tell where the rule, the transaction and the job are from folder names alone.
/// </summary>
public sealed partial class CodebaseLayoutSpecs
{
    private static readonly string[] Services =
    [
        "Allocation",
        "Forecasting",
        "Limits",
        "Liquidation",
        "Notifications",
        "Receiving",
        "Returns",
    ];

    private static readonly string[] Roles = ["Api", "Application", "Domain", "Data", "Messaging", "Jobs"];

    private static readonly string[] IoNamespaces =
    [
        "InventoryPlatform.Data",
        "InventoryPlatform.Messaging",
        "InventoryPlatform.Hosting",
        "Dapper",
        "MassTransit",
        "Microsoft.AspNetCore",
        "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting",
        "Npgsql",
        "Microsoft.Data.SqlClient",
        "System.Data",
        "System.Net",
    ];

    public static IEnumerable<string> ServiceNames() => Services;

    public static IEnumerable<string> SourceRoots() => [.. ServiceNames().Select(s => $"services/{s}"), "shared", "gateway", "aspire"];

    [TestCaseSource(nameof(SourceRoots))]
    public void Every_file_declares_one_public_type_named_like_the_file(string root)
    {
        var offenders = SourceFiles(root)
            .Where(f => Path.GetFileName(f) != "Program.cs")
            .Select(f => (File: Relative(f), Types: NamingTypes(File.ReadAllText(f)).ToList()))
            .Where(x => x.Types.Count != 1 || x.Types[0] != Path.GetFileNameWithoutExtension(x.File))
            .Select(x => $"{x.File}: {string.Join(", ", x.Types)}")
            .ToList();

        Assert.That(offenders, Is.Empty);
    }

    [TestCaseSource(nameof(ServiceNames))]
    public void A_service_keeps_its_code_in_the_role_folders(string service)
    {
        var root = Path.Combine(RepositoryRoot(), "services", service);
        var misplaced = SourceFiles($"services/{service}")
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f =>
                f.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    ? !Roles.Contains(f.Split(Path.DirectorySeparatorChar)[0])
                    : f != "Program.cs" && f != $"{service}Service.cs" && !f.EndsWith("Options.cs", StringComparison.Ordinal)
            )
            .ToList();

        Assert.That(misplaced, Is.Empty, "files outside Api/, Application/, Domain/, Data/, Messaging/, Jobs/");
    }

    [TestCaseSource(nameof(ServiceNames))]
    public void Api_maps_endpoints_and_holds_only_requests_and_responses(string service)
    {
        var offenders = SourceFiles($"services/{service}/Api")
            .Select(f => (File: Relative(f), Text: File.ReadAllText(f)))
            .Where(x => !IsEndpointMapping(x.Text) && !IsMessageShape(x.Text))
            .Select(x => x.File)
            .ToList();

        Assert.That(offenders, Is.Empty, "an Api/ file that is neither a Map…Api class nor a request/response record or enum");
    }

    [TestCaseSource(nameof(ServiceNames))]
    public void No_type_of_Api_is_used_outside_Api(string service)
    {
        var api = $"InventoryPlatform.{service}.Api";
        var offenders = SourceFiles($"services/{service}")
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Api{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != "Program.cs")
            .Where(f => File.ReadAllText(f).Contains(api, StringComparison.Ordinal))
            .Select(Relative)
            .ToList();

        Assert.That(offenders, Is.Empty);
    }

    [TestCaseSource(nameof(ServiceNames))]
    public void Domain_does_no_io(string service)
    {
        var offenders = SourceFiles($"services/{service}/Domain")
            .SelectMany(f => Usings(File.ReadAllText(f)).Where(IsIo).Select(u => $"{Relative(f)}: using {u}"))
            .ToList();

        Assert.That(offenders, Is.Empty);
    }

    [TestCaseSource(nameof(ServiceNames))]
    public void Consumers_live_in_Messaging_and_scheduled_work_in_Jobs(string service)
    {
        var files = SourceFiles($"services/{service}").Select(f => (File: Relative(f), Text: File.ReadAllText(f))).ToList();

        var consumers = files.Where(x => ConsumerPattern().IsMatch(x.Text)).Select(x => x.File).ToList();
        var jobs = files.Where(x => x.Text.Contains(": IScheduledJob", StringComparison.Ordinal)).Select(x => x.File).ToList();
        var ownSchedulers = files.Where(x => x.Text.Contains("BackgroundService", StringComparison.Ordinal)).Select(x => x.File).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(
                consumers.Where(f => !f.Contains("/Messaging/", StringComparison.Ordinal)),
                Is.Empty,
                "consumers outside Messaging/"
            );
            Assert.That(jobs.Where(f => !f.Contains("/Jobs/", StringComparison.Ordinal)), Is.Empty, "scheduled jobs outside Jobs/");
            Assert.That(ownSchedulers, Is.Empty, "a BackgroundService of its own instead of the shared job scheduler");
        });
    }

    [TestCaseSource(nameof(ServiceNames))]
    public void Cross_cutting_rules_come_from_shared(string service)
    {
        var files = SourceFiles($"services/{service}").Select(f => (File: Relative(f), Text: File.ReadAllText(f))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(
                files.Where(x => OwnFnskuRule().IsMatch(x.Text)).Select(x => x.File),
                Is.Empty,
                "an FNSKU rule of its own (use InventoryPlatform.Primitives.Fnsku)"
            );
            Assert.That(
                files.Where(x => x.Text.Contains("class StateConflictException", StringComparison.Ordinal)).Select(x => x.File),
                Is.Empty,
                "a conflict exception of its own (use InventoryPlatform.Primitives.StateConflictException)"
            );
            Assert.That(
                files.Where(x => x.Text.Contains(".GetSection(", StringComparison.Ordinal)).Select(x => x.File),
                Is.Empty,
                "settings bound by hand (use AddPlatformOptions)"
            );
        });
    }

    private static bool IsEndpointMapping(string text) =>
        EndpointMapping().IsMatch(text) || text.Contains("[AsParameters]", StringComparison.Ordinal) && ServicesBundle().IsMatch(text);

    private static bool IsMessageShape(string text) =>
        MessageShape().IsMatch(text) && !text.Contains("class ", StringComparison.Ordinal) || ServicesBundle().IsMatch(text);

    private static bool IsIo(string usingNamespace) =>
        IoNamespaces.Any(n => usingNamespace == n || usingNamespace.StartsWith(n + ".", StringComparison.Ordinal));

    /// <summary>The public top-level types; in a file without one, its internal top-level types.</summary>
    private static IEnumerable<string> NamingTypes(string text)
    {
        var types = TopLevelType().Matches(text).Select(m => (Public: m.Groups["access"].Value == "public", Name: m.Groups["name"].Value));
        var list = types.ToList();
        return list.Any(t => t.Public) ? list.Where(t => t.Public).Select(t => t.Name) : list.Select(t => t.Name);
    }

    private static IEnumerable<string> Usings(string text) => UsingDirective().Matches(text).Select(m => m.Groups["namespace"].Value);

    private static IEnumerable<string> SourceFiles(string relativeFolder)
    {
        var folder = Path.Combine(RepositoryRoot(), relativeFolder);
        return Directory.Exists(folder)
            ? Directory
                .EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
            : [];
    }

    private static string Relative(string path) => Path.GetRelativePath(RepositoryRoot(), path).Replace('\\', '/');

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InventoryPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("InventoryPlatform.sln not found above the test directory.");
    }

    [GeneratedRegex(
        @"^(?:(?<access>public|internal)\s+)?(?:(?:static|sealed|abstract|partial|readonly)\s+)*"
            + @"(?:record\s+struct|record\s+class|class|record|struct|interface|enum)\s+(?<name>\w+)",
        RegexOptions.Multiline
    )]
    private static partial Regex TopLevelType();

    [GeneratedRegex(@"^using\s+(?:static\s+)?(?<namespace>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"^public static class \w+Api\b[\s\S]*\.Map(Get|Post|Put|Delete|Patch|Group)\(", RegexOptions.Multiline)]
    private static partial Regex EndpointMapping();

    [GeneratedRegex(@"^public\s+(?:sealed\s+)?(?:record|enum)\b", RegexOptions.Multiline)]
    private static partial Regex MessageShape();

    [GeneratedRegex(@"^public\s+(?:sealed\s+)?(?:record\s+)?(?:class|struct)\s+\w+Services\b", RegexOptions.Multiline)]
    private static partial Regex ServicesBundle();

    [GeneratedRegex(@":\s*(?:InboxConsumer<|BatchedInboxConsumer<|IConsumer<)")]
    private static partial Regex ConsumerPattern();

    [GeneratedRegex(@"(?i)(Regex\s+Fnsku|FnskuPattern|IsValidFnsku|IsFnsku\(|static class Fnsku\b)")]
    private static partial Regex OwnFnskuRule();
}
