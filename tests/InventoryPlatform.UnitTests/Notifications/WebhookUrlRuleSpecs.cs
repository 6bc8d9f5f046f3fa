using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.UnitTests.NotificationsSpecs;

public sealed class WebhookUrlRuleSpecs
{
    [TestCase(null, "Required")]
    [TestCase("", "Required")]
    [TestCase("partner.example.com/hook", "absolute https")]
    [TestCase("ftp://partner.example.com/hook", "absolute https")]
    [TestCase("http://partner.example.com/hook", "Must be https")]
    [TestCase("http://127.0.0.1:5000/hook", "Must be https")]
    [TestCase("https://user:pw@partner.example.com/hook", "user info")]
    public void Refused_urls_say_why(string? url, string reason) =>
        Assert.That(WebhookUrlRule.Refusal(url, allowLoopbackHttp: false, out _), Does.Contain(reason));

    [Test]
    public void Https_is_accepted_and_plain_http_only_to_loopback_where_local_receivers_are_allowed()
    {
        Assert.That(WebhookUrlRule.Refusal("https://partner.example.com/hook", false, out var uri), Is.Null);
        Assert.That(uri!.Host, Is.EqualTo("partner.example.com"));
        Assert.That(WebhookUrlRule.Refusal("http://127.0.0.1:5000/hook", allowLoopbackHttp: true, out _), Is.Null);
        Assert.That(WebhookUrlRule.Refusal("http://partner.example.com/hook", allowLoopbackHttp: true, out _), Is.Not.Null);
    }

    [Test]
    public void A_url_longer_than_2000_characters_is_refused() =>
        Assert.That(WebhookUrlRule.Refusal("https://a.example/" + new string('x', 2000), false, out _), Does.Contain("2000"));
}
