using System.Security.Cryptography;
using System.Text;

namespace InventoryPlatform.Notifications.Domain;

/// <summary>
/// Standard Webhooks signing (https://www.standardwebhooks.com): the secret is <c>whsec_</c> + base64 of random bytes; the
/// signature is base64 HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c> with the decoded secret, sent as
/// <c>v1,{signature}</c>; several signatures (a rotated secret still in its overlap) are separated by spaces.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";
    public const string Version = "v1";
    public const int SecretBytes = 32;

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>The base64 signature of one message with one secret.</summary>
    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        var key = Convert.FromBase64String(
            secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret
        );
        var content = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}");
        return Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }

    /// <summary>The <c>webhook-signature</c> header: one <c>v1,</c> entry per secret, in the order given.</summary>
    public static string Header(IEnumerable<string> secrets, string messageId, long timestamp, string body) =>
        string.Join(' ', secrets.Select(s => $"{Version},{Sign(s, messageId, timestamp, body)}"));

    /// <summary>True when one of the header's <c>v1</c> entries is the signature of the message with <paramref name="secret"/>.</summary>
    public static bool Verify(string secret, string messageId, long timestamp, string body, string header)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(secret, messageId, timestamp, body));
        return header
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split(',', 2))
            .Where(parts => parts.Length == 2 && parts[0] == Version)
            .Any(parts => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[1]), expected));
    }
}
