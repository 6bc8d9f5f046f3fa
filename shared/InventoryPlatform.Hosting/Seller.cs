using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.Hosting;

/// <summary>
/// The seller on whose behalf a request runs. Every read and write of a service is scoped to it.
/// Bound from the <c>X-Seller-Id</c> header that the gateway sets for the authenticated partner.
/// </summary>
public sealed partial record Seller(string Id)
{
    public const string Header = "X-Seller-Id";

    public static ValueTask<Seller> BindAsync(HttpContext context)
    {
        var value = context.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(value))
        {
            throw new UnauthenticatedException($"The {Header} header is required.");
        }

        if (!IsValidId(value))
        {
            throw new UnauthenticatedException($"The {Header} header must be 1-64 letters, digits, '-' or '_'.");
        }

        return ValueTask.FromResult(new Seller(value));
    }

    public static bool IsValidId(string value) => SellerIdPattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SellerIdPattern();
}

public sealed class UnauthenticatedException(string message) : Exception(message);
