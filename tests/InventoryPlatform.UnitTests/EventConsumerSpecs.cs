using System.Reflection;
using System.Text.RegularExpressions;
using InventoryPlatform.Contracts;
using MassTransit;

namespace InventoryPlatform.UnitTests;

/// <summary>
/// No orphan events: every integration event the platform publishes is consumed by one of the services, or is
/// listed in docs/architecture.md ("Partner-facing events") as one that only partners are told about.
/// </summary>
public sealed partial class EventConsumerSpecs
{
    private static readonly Type[] Events =
    [
        .. typeof(IIntegrationEvent)
            .Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t)),
    ];

    private static readonly HashSet<Type> Consumed =
    [
        // The services' own consumers, and the shared ones every service registers (the network directory's).
        .. SqlServerSyntaxSpecs
            .Services.Select(s => s.Assembly)
            .Append(Assembly.Load("InventoryPlatform.Hosting"))
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GetGenericArguments()[0]),
    ];

    [Test]
    public void Every_event_has_a_consumer_or_is_listed_as_partner_facing()
    {
        var partnerFacing = PartnerFacingEvents();
        var orphans = Events.Where(e => !Consumed.Contains(e) && !partnerFacing.Contains(e.Name)).Select(e => e.Name).ToList();

        Assert.That(Events, Is.Not.Empty);
        Assert.That(orphans, Is.Empty, "published, consumed by no service and not listed as partner-facing");
    }

    [Test]
    public void The_partner_facing_list_names_only_events_that_exist()
    {
        var names = Events.Select(e => e.Name).ToHashSet();

        Assert.That(PartnerFacingEvents(), Is.Not.Empty);
        Assert.That(PartnerFacingEvents().Where(n => !names.Contains(n)), Is.Empty);
    }

    /// <summary>The event names in the first column of the table under "## Partner-facing events".</summary>
    private static HashSet<string> PartnerFacingEvents()
    {
        var lines = File.ReadAllLines(Path.Combine(CodebaseLayoutSpecs.RepositoryRoot(), "docs", "architecture.md"));
        return
        [
            .. lines
                .SkipWhile(l => l != "## Partner-facing events")
                .Skip(1)
                .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
                .Select(l => FirstCell().Match(l))
                .Where(m => m.Success)
                .Select(m => m.Groups["name"].Value),
        ];
    }

    [GeneratedRegex(@"^\| `(?<name>[A-Za-z]+)` \|")]
    private static partial Regex FirstCell();
}
