using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.Hosting;

/// <summary>
/// The seller on whose behalf a request runs. Every read and write of a service is scoped to it.
/// It comes from the identity token the gateway signed for the authenticated partner, never from
/// anything else the client sent.
/// </summary>
public sealed partial record Seller(string Id)
{
    public static ValueTask<Seller> BindAsync(HttpContext context) =>
        ValueTask.FromResult(new Seller(IdentityCheck.Caller(context).SellerId));

    public static bool IsValidId(string value) => SellerIdPattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SellerIdPattern();
}
