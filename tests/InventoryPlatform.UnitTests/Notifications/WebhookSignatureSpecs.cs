using InventoryPlatform.Notifications.Domain;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace InventoryPlatform.UnitTests.NotificationsSpecs;

/// <summary>Our signing against the reference implementation of Standard Webhooks (package StandardWebhooks).</summary>
public sealed class WebhookSignatureSpecs
{
    private const string Body = """{"type":"order.backordered","timestamp":"2026-12-06T06:00:00+00:00","data":{"sellerId":"s1"}}""";
    private const string MessageId = "msg_0193a1b2c3d4e5f60718293a4b5c6d7e";

    [Test]
    public void A_new_secret_is_whsec_and_32_random_bytes_in_base64()
    {
        var secret = WebhookSignature.NewSecret();

        Assert.That(secret, Does.StartWith("whsec_"));
        Assert.That(Convert.FromBase64String(secret["whsec_".Length..]), Has.Length.EqualTo(32));
        Assert.That(WebhookSignature.NewSecret(), Is.Not.EqualTo(secret));
    }

    [Test]
    public void The_signature_is_the_one_the_reference_implementation_computes()
    {
        var secret = WebhookSignature.NewSecret();
        var now = DateTimeOffset.UtcNow;

        var ours = WebhookSignature.Header([secret], MessageId, now.ToUnixTimeSeconds(), Body);

        Assert.That(ours, Is.EqualTo(new StandardWebhook(secret).Sign(MessageId, now, Body)));
        Assert.That(ours, Does.StartWith("v1,"));
    }

    [Test]
    public void The_reference_implementation_verifies_our_headers_and_refuses_a_changed_body()
    {
        var secret = WebhookSignature.NewSecret();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var headers = Headers(WebhookSignature.Header([secret], MessageId, timestamp, Body), timestamp);

        Assert.DoesNotThrow(() => new StandardWebhook(secret).Verify(Body, headers));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(secret).Verify(Body.Replace("s1", "s2"), headers));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(WebhookSignature.NewSecret()).Verify(Body, headers));
    }

    [Test]
    public void During_a_rotation_overlap_the_header_carries_two_entries_and_either_secret_verifies()
    {
        var current = WebhookSignature.NewSecret();
        var previous = WebhookSignature.NewSecret();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var header = WebhookSignature.Header([current, previous], MessageId, timestamp, Body);

        // StandardWebhooks 1.1.2 compares only the first entry of a header with several, so each entry goes to it alone.
        var entries = header.Split(' ');
        Assert.That(entries, Has.Length.EqualTo(2).And.All.StartWith("v1,"));
        Assert.DoesNotThrow(() => new StandardWebhook(current).Verify(Body, Headers(entries[0], timestamp)));
        Assert.DoesNotThrow(() => new StandardWebhook(previous).Verify(Body, Headers(entries[1], timestamp)));
        Assert.That(WebhookSignature.Verify(current, MessageId, timestamp, Body, header), Is.True);
        Assert.That(WebhookSignature.Verify(previous, MessageId, timestamp, Body, header), Is.True);
        Assert.That(WebhookSignature.Verify(WebhookSignature.NewSecret(), MessageId, timestamp, Body, header), Is.False);
    }

    private static HeaderDictionary Headers(string signature, long timestamp) =>
        new()
        {
            ["webhook-id"] = MessageId,
            ["webhook-timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = signature,
        };
}
