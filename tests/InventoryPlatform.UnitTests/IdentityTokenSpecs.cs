using System.Security.Cryptography;
using InventoryPlatform.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace InventoryPlatform.UnitTests;

public sealed class IdentityTokenSpecs
{
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly CallerIdentity Seller = new("seller-1", [PlatformScopes.InventoryRead, PlatformScopes.OrdersWrite]);

    [Test]
    public void A_callers_token_is_reused_until_half_its_lifetime_has_passed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T03:00:00Z"));
        var tokens = new IdentityTokens(Key, time);

        var first = tokens.Issue(Seller);
        time.Advance(TimeSpan.FromSeconds(29));
        var within = tokens.Issue(Seller);
        time.Advance(TimeSpan.FromSeconds(2));
        var after = tokens.Issue(Seller);

        Assert.That(within, Is.EqualTo(first));
        Assert.That(after, Is.Not.EqualTo(first));
        Assert.That(tokens.Validate(after), Is.EqualTo(Seller).Using<CallerIdentity>(SameCaller));
    }

    [Test]
    public void Callers_with_other_sellers_or_scopes_get_their_own_tokens()
    {
        var tokens = new IdentityTokens(Key, new FakeTimeProvider());

        var mine = tokens.Issue(Seller);
        var otherSeller = tokens.Issue(Seller with { SellerId = "seller-2" });
        var fewerScopes = tokens.Issue(Seller with { Scopes = [PlatformScopes.InventoryRead] });

        Assert.That(new[] { mine, otherSeller, fewerScopes }, Is.Unique);
        Assert.That(tokens.Validate(otherSeller)!.SellerId, Is.EqualTo("seller-2"));
        Assert.That(tokens.Validate(fewerScopes)!.Has(PlatformScopes.OrdersWrite), Is.False);
    }

    [Test]
    public void A_token_that_checked_out_is_refused_once_it_expires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T03:00:00Z"));
        var gateway = new IdentityTokens(Key, time);
        var service = new IdentityTokens(Key, time);
        var token = gateway.Issue(Seller);

        Assert.That(service.Validate(token), Is.Not.Null);
        time.Advance(IdentityTokens.DefaultLifetime + TimeSpan.FromSeconds(1));

        Assert.That(service.Validate(token), Is.Null);
    }

    [Test]
    public void Remembering_valid_tokens_lets_no_forged_or_tampered_one_through()
    {
        var service = new IdentityTokens(Key, new FakeTimeProvider());
        var token = new IdentityTokens(Key, new FakeTimeProvider()).Issue(Seller);
        var forged = new IdentityTokens(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), new FakeTimeProvider()).Issue(Seller);

        Assert.That(service.Validate(token), Is.Not.Null);
        foreach (var bad in new[] { forged, token.Replace("v1.", "v1.x", StringComparison.Ordinal), token + "x" })
        {
            // Twice: a refused token must not be remembered as good either.
            Assert.That(service.Validate(bad), Is.Null);
            Assert.That(service.Validate(bad), Is.Null);
        }
    }

    [Test]
    public void A_scope_with_a_space_in_it_does_not_lend_another_scope_list_its_token()
    {
        var tokens = new IdentityTokens(Key, new FakeTimeProvider());

        var joined = tokens.Issue(new CallerIdentity("seller-1", ["inventory:read orders:write"]));
        var separate = tokens.Issue(new CallerIdentity("seller-1", [PlatformScopes.InventoryRead, PlatformScopes.OrdersWrite]));

        Assert.That(separate, Is.Not.EqualTo(joined));
        Assert.That(tokens.Validate(joined)!.Has(PlatformScopes.OrdersWrite), Is.False);
        Assert.That(tokens.Validate(separate)!.Has(PlatformScopes.OrdersWrite), Is.True);
    }

    [Test]
    public void A_token_asked_for_with_its_own_lifetime_is_signed_for_it_and_not_mixed_with_the_callers_usual_one()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T03:00:00Z"));
        var tokens = new IdentityTokens(Key, time);

        var usual = tokens.Issue(Seller);
        var brief = tokens.Issue(Seller, TimeSpan.FromSeconds(5));
        Assert.That(tokens.Issue(Seller), Is.EqualTo(usual));
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.That(tokens.Validate(brief), Is.Null);
        Assert.That(tokens.Validate(usual), Is.Not.Null);
    }

    private static bool SameCaller(CallerIdentity actual, CallerIdentity expected) =>
        actual.SellerId == expected.SellerId && actual.Scopes.SequenceEqual(expected.Scopes);
}
