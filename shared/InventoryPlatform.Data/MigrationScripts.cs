using System.Reflection;

namespace InventoryPlatform.Data;

/// <summary>
/// The scripts that build a service's schema on one engine: the platform tables every service has
/// (outbox, inbox, idempotency keys), then the service's own scripts embedded under
/// <c>Data/Migrations/{Postgres|SqlServer}/</c>. Tests parse exactly these texts.
/// </summary>
public static class MigrationScripts
{
    public static IReadOnlyList<MigrationScript> For(DatabaseProvider provider, Assembly serviceAssembly, string schema)
    {
        var folder = provider == DatabaseProvider.Postgres ? ".Migrations.Postgres." : ".Migrations.SqlServer.";
        return
        [
            .. Load(typeof(MigrationScripts).Assembly, folder, "platform", schema),
            .. Load(serviceAssembly, folder, "service", schema),
        ];
    }

    private static IEnumerable<MigrationScript> Load(Assembly assembly, string folder, string group, string schema) =>
        assembly
            .GetManifestResourceNames()
            .Where(name => name.Contains(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => new MigrationScript(
                $"{group}/{name[(name.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..]}",
                Read(assembly, name).Replace("$schema$", schema, StringComparison.Ordinal)
            ));

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
