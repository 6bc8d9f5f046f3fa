using System.Reflection;

namespace InventoryPlatform.Data;

/// <summary>One migration script, named as the journal records it.</summary>
public sealed record MigrationScript(string Name, string Sql);
