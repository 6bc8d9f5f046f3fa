namespace InventoryPlatform.Notifications.Domain;

/// <summary>
/// Which network addresses a webhook may be sent to (SSRF): public unicast only. Refused: unspecified, loopback, private
/// (10/8, 172.16/12, 192.168/16, IPv6 unique local fc00::/7), link-local (169.254/16 with the cloud metadata address
/// 169.254.169.254, fe80::/10), carrier-grade NAT 100.64/10, multicast and broadcast; an IPv4 address mapped into IPv6
/// is judged as the IPv4 address. Addresses come as their bytes (4 or 16).
/// </summary>
public static class ReceiverAddressRule
{
    /// <summary>Null when the address may be called; otherwise why not.</summary>
    public static string? Refusal(ReadOnlySpan<byte> address, bool allowLoopback)
    {
        if (address.Length == 16 && IsV4Mapped(address))
        {
            address = address[12..];
        }

        return address.Length switch
        {
            4 => RefusalV4(address, allowLoopback),
            16 => RefusalV6(address, allowLoopback),
            _ => "not an IPv4 or IPv6 address",
        };
    }

    private static string? RefusalV4(ReadOnlySpan<byte> a, bool allowLoopback) =>
        a[0] switch
        {
            0 => "unspecified (0.0.0.0/8)",
            127 => allowLoopback ? null : "loopback (127.0.0.0/8)",
            10 => "private (10.0.0.0/8)",
            172 when a[1] is >= 16 and <= 31 => "private (172.16.0.0/12)",
            192 when a[1] == 168 => "private (192.168.0.0/16)",
            169 when a[1] == 254 && a[2] == 169 && a[3] == 254 => "the cloud metadata address (169.254.169.254)",
            169 when a[1] == 254 => "link-local (169.254.0.0/16)",
            100 when a[1] is >= 64 and <= 127 => "shared address space (100.64.0.0/10)",
            >= 224 => "multicast or reserved (224.0.0.0/3)",
            _ => null,
        };

    private static string? RefusalV6(ReadOnlySpan<byte> a, bool allowLoopback)
    {
        if (IsZero(a[..15]) && a[15] == 0)
        {
            return "unspecified (::)";
        }

        if (IsZero(a[..15]) && a[15] == 1)
        {
            return allowLoopback ? null : "loopback (::1)";
        }

        return a[0] switch
        {
            >= 0xfc and <= 0xfd => "unique local (fc00::/7)",
            0xfe when (a[1] & 0xc0) == 0x80 => "link-local (fe80::/10)",
            0xff => "multicast (ff00::/8)",
            _ => null,
        };
    }

    private static bool IsV4Mapped(ReadOnlySpan<byte> a) => IsZero(a[..10]) && a[10] == 0xff && a[11] == 0xff;

    private static bool IsZero(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0);
}
