using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Hosting;

/// <summary>
/// Collects field errors of a request before anything is stored, and turns them into one
/// RFC 9457 validation problem (400) naming each field and its reason.
/// </summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    /// <summary>Whether <paramref name="field"/> already has an error (a later, deeper check then adds nothing).</summary>
    public bool HasError(string field) => _errors.ContainsKey(field);

    public Validation Require(bool condition, string field, string reason)
    {
        if (!condition)
        {
            Add(field, reason);
        }

        return this;
    }

    public Validation Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons))
        {
            _errors[field] = reasons = [];
        }

        reasons.Add(reason);
        return this;
    }

    public ValidationProblem Problem() =>
        TypedResults.ValidationProblem(
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
            title: "The request is not valid."
        );
}
