using InventoryPlatform.Gateway.Security;

namespace InventoryPlatform.UnitTests;

public sealed class KeyCacheSpecs
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-06T03:00:00Z");
    private static readonly ApiKey Known = new("k1", "seller-1", ["inventory:read"], 50, 100);

    [Test]
    public void Ten_thousand_random_unknown_keys_leave_the_cache_within_its_size_and_keep_the_known_keys()
    {
        var cache = new KeyCache(1_000);
        cache.Remember("known", Known, Now.AddSeconds(5), Now);

        for (var i = 0; i < 10_000; i++)
        {
            cache.Remember(Guid.NewGuid().ToString("N"), null, Now.AddSeconds(30), Now);
        }

        Assert.That(cache.Count, Is.LessThanOrEqualTo(1_000));
        Assert.That(cache.TryGet("known", Now, out var key) ? key : null, Is.EqualTo(Known), "unknown keys go before known ones");
    }

    [Test]
    public void An_unknown_key_is_remembered_as_unknown_until_its_entry_expires()
    {
        var cache = new KeyCache(10);

        cache.Remember("guess", null, Now.AddSeconds(30), Now);

        Assert.That(cache.TryGet("guess", Now.AddSeconds(29), out var within), Is.True);
        Assert.That(within, Is.Null);
        Assert.That(cache.TryGet("guess", Now.AddSeconds(30), out _), Is.False);
    }

    [Test]
    public void A_full_cache_drops_expired_entries_first()
    {
        var cache = new KeyCache(10);
        for (var i = 0; i < 10; i++)
        {
            cache.Remember($"old-{i}", Known, Now.AddSeconds(1), Now);
        }

        cache.Remember("new", Known, Now.AddSeconds(10), Now.AddSeconds(2));

        Assert.That(cache.Count, Is.EqualTo(1));
        Assert.That(cache.TryGet("new", Now.AddSeconds(2), out _), Is.True);
    }
}
