using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace InventoryPlatform.Client;

/// <summary>
/// Verifies a webhook the platform sent, by the Standard Webhooks convention: <c>webhook-signature</c> holds one or more
/// space-separated <c>v1,&lt;base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}"&gt;</c>, keyed by the
/// subscription's secret (<c>whsec_&lt;base64&gt;</c>); the timestamp (Unix seconds) must be within the tolerance of now
/// (5 minutes), so a captured call cannot be replayed later. Give it both secrets while a rotation overlaps.
/// </summary>
public sealed class WebhookVerifier
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const string SecretPrefix = "whsec_";
    private const string Version = "v1";

    private readonly List<byte[]> _keys;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tolerance;

    public WebhookVerifier(string secret, TimeProvider? time = null, TimeSpan? tolerance = null)
        : this([secret], time, tolerance) { }

    /// <param name="secrets">Every secret currently valid (the new and the old one while a rotation overlaps).</param>
    /// <param name="time">The clock the timestamp is checked against.</param>
    /// <param name="tolerance">How far the timestamp may be from now; 5 minutes unless given.</param>
    public WebhookVerifier(IEnumerable<string> secrets, TimeProvider? time = null, TimeSpan? tolerance = null)
    {
        _keys = secrets.Select(Key).ToList();
        if (_keys.Count == 0)
        {
            throw new ArgumentException("At least one secret is needed.", nameof(secrets));
        }

        _time = time ?? TimeProvider.System;
        _tolerance = tolerance ?? DefaultTolerance;
    }

    /// <summary>
    /// Verifies a call, reading its headers through <paramref name="header"/> (e.g. <c>name =&gt; request.Headers[name]</c>).
    /// </summary>
    public void Verify(string body, Func<string, string?> header) =>
        Verify(Encoding.UTF8.GetBytes(body), header(IdHeader), header(TimestampHeader), header(SignatureHeader));

    public void Verify(string body, string? id, string? timestamp, string? signature) =>
        Verify(Encoding.UTF8.GetBytes(body), id, timestamp, signature);

    /// <summary>Verifies the raw body as received; throws <see cref="WebhookVerificationException"/> saying what was wrong.</summary>
    public void Verify(ReadOnlySpan<byte> body, string? id, string? timestamp, string? signature)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            throw new WebhookVerificationException($"Missing {IdHeader}, {TimestampHeader} or {SignatureHeader}.");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new WebhookVerificationException($"{TimestampHeader} is not Unix seconds.");
        }

        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799));
        var now = _time.GetUtcNow();
        if (sent < now - _tolerance || sent > now + _tolerance)
        {
            throw new WebhookVerificationException($"{TimestampHeader} is more than {_tolerance.TotalMinutes} minutes from now.");
        }

        var content = Content(id, timestamp, body);
        var expected = _keys.Select(k => HMACSHA256.HashData(k, content)).ToList();
        foreach (var candidate in signature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = candidate.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || candidate[..comma] != Version)
            {
                continue;
            }

            var given = new byte[32];
            if (!Convert.TryFromBase64String(candidate[(comma + 1)..], given, out var length) || length != given.Length)
            {
                continue;
            }

            if (expected.Any(e => CryptographicOperations.FixedTimeEquals(e, given)))
            {
                return;
            }
        }

        throw new WebhookVerificationException("No v1 signature matches the body with any secret.");
    }

    /// <summary>True when <see cref="Verify(string, string?, string?, string?)"/> would pass.</summary>
    public bool IsValid(string body, string? id, string? timestamp, string? signature)
    {
        try
        {
            Verify(body, id, timestamp, signature);
            return true;
        }
        catch (WebhookVerificationException)
        {
            return false;
        }
    }

    /// <summary>The <c>v1,&lt;base64&gt;</c> signature of a call (for a test receiver, or to see what the platform sends).</summary>
    public static string Sign(string secret, string id, long timestamp, string body) =>
        Version
        + ","
        + Convert.ToBase64String(
            HMACSHA256.HashData(Key(secret), Content(id, timestamp.ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(body)))
        );

    private static byte[] Key(string secret)
    {
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        try
        {
            return Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            throw new ArgumentException($"A webhook secret is {SecretPrefix} followed by base64.", nameof(secret));
        }
    }

    private static byte[] Content(string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return content;
    }
}
