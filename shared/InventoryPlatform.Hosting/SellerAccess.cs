using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.Hosting;

/// <summary>
/// The one rule, in every service, for whose data a request reads or changes: the caller's own seller, or, for an admin key
/// only, the seller named by <c>?sellerId=</c>. Checked once for every <c>/api</c> request (<see cref="IdentityCheck"/>),
/// before any endpoint runs: a malformed sellerId is a 400 naming it; a non-admin naming another seller is a 403, whether that
/// seller exists or not (so the answer tells nothing about other sellers). docs/api.md says why 403.
/// </summary>
public static class SellerAccess
{
    public const string Parameter = "sellerId";
    public const string IdRule = "Must be 1-64 letters, digits, '-' or '_'.";
    public const string AdminOnly = "Only an admin key may read or act on another seller's data (?sellerId=).";

    /// <summary>The seller a request is about: <paramref name="sellerId"/> when given (the request got past the rule), else the
    /// caller's own.</summary>
    public static string Of(HttpContext http, string? sellerId)
    {
        var caller = IdentityCheck.Caller(http);
        if (sellerId is null || sellerId == caller.SellerId)
        {
            return caller.SellerId;
        }

        // IdentityCheck refused anything else before the endpoint ran; an endpoint can never widen the rule.
        return caller.IsAdmin && Seller.IsValidId(sellerId)
            ? sellerId
            : throw new InvalidOperationException($"A request for seller '{sellerId}' got past {nameof(IdentityCheck)}.");
    }

    /// <summary>Null when <paramref name="caller"/> may make the request; otherwise the status and the reason.</summary>
    internal static (int Status, string Reason)? Refusal(CallerIdentity caller, IQueryCollection query)
    {
        if (!query.TryGetValue(Parameter, out var values))
        {
            return null;
        }

        if (values.Count != 1 || values[0] is not { } sellerId || !Seller.IsValidId(sellerId))
        {
            return (StatusCodes.Status400BadRequest, IdRule);
        }

        return sellerId == caller.SellerId || caller.IsAdmin ? null : (StatusCodes.Status403Forbidden, AdminOnly);
    }
}
