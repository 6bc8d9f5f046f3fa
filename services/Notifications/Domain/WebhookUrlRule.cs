namespace InventoryPlatform.Notifications.Domain;

/// <summary>The shape a receiver URL must have before its host is resolved: absolute, HTTPS (or HTTP to a loopback
/// receiver where local receivers are allowed), no user info, at most <see cref="MaxLength"/> characters.</summary>
public static class WebhookUrlRule
{
    public const int MaxLength = 2000;

    /// <summary>Null when the URL may be subscribed (its addresses still to be checked); otherwise why not.</summary>
    public static string? Refusal(string? url, bool allowLoopbackHttp, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            return "Required: the HTTPS URL of the receiver.";
        }

        if (url.Length > MaxLength)
        {
            return $"At most {MaxLength} characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http"))
        {
            return "Must be an absolute https:// URL.";
        }

        if (!string.IsNullOrEmpty(parsed.UserInfo) || !string.IsNullOrEmpty(parsed.Fragment))
        {
            return "Must not carry user info or a fragment.";
        }

        if (parsed.Scheme == "http" && !(allowLoopbackHttp && parsed.IsLoopback))
        {
            return "Must be https:// (plain http only to a loopback receiver, and only where local receivers are allowed).";
        }

        uri = parsed;
        return null;
    }
}
