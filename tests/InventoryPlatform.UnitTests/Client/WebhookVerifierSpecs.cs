using InventoryPlatform.Client;
using Microsoft.Extensions.Time.Testing;

namespace InventoryPlatform.UnitTests.Client;

/// <summary>
/// Standard Webhooks verification against the convention's published vector (the Svix/Standard Webhooks libraries' test
/// message), and the ways a call fails: stale or future timestamp, tampered body, wrong secret, missing headers.
/// </summary>
public sealed class WebhookVerifierSpecs
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string Timestamp = "1614265330";
    private const string Body = """{"test": 2432232314}""";
    private const string Signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1614265330);

    [Test]
    public void The_published_vector_signs_to_the_published_signature() =>
        Assert.That(WebhookVerifier.Sign(Secret, Id, 1614265330, Body), Is.EqualTo(Signature));

    [Test]
    public void The_published_vector_verifies_at_its_own_time() =>
        Assert.DoesNotThrow(() => Verifier(SentAt).Verify(Body, Id, Timestamp, Signature));

    [Test]
    public void Headers_are_read_by_their_Standard_Webhooks_names()
    {
        var headers = new Dictionary<string, string>
        {
            ["webhook-id"] = Id,
            ["webhook-timestamp"] = Timestamp,
            ["webhook-signature"] = Signature,
        };

        Assert.DoesNotThrow(() => Verifier(SentAt).Verify(Body, name => headers.GetValueOrDefault(name)));
    }

    [TestCase(-300, true)]
    [TestCase(300, true)]
    [TestCase(-301, false)]
    [TestCase(301, false)]
    public void The_timestamp_may_be_five_minutes_from_now_and_no_more(int secondsFromNow, bool valid) =>
        Assert.That(Verifier(SentAt.AddSeconds(-secondsFromNow)).IsValid(Body, Id, Timestamp, Signature), Is.EqualTo(valid));

    [Test]
    public void Any_of_several_signatures_may_match()
    {
        var several = $"v1,{Convert.ToBase64String(new byte[32])} v2,whatever {Signature}";

        Assert.That(Verifier(SentAt).IsValid(Body, Id, Timestamp, several), Is.True);
    }

    [Test]
    public void During_a_rotation_the_old_and_the_new_secret_both_verify()
    {
        var newSecret = "whsec_" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var verifier = new WebhookVerifier([newSecret, Secret], new FakeTimeProvider(SentAt));

        Assert.That(verifier.IsValid(Body, Id, Timestamp, Signature), Is.True, "signed with the old secret");
        Assert.That(verifier.IsValid(Body, Id, Timestamp, WebhookVerifier.Sign(newSecret, Id, 1614265330, Body)), Is.True, "the new");
    }

    [TestCase("""{"test": 2432232315}""", Id, Timestamp, TestName = "A tampered body fails")]
    [TestCase(Body, "msg_other", Timestamp, TestName = "Another message id fails")]
    [TestCase(Body, Id, "1614265331", TestName = "Another timestamp fails")]
    public void A_signature_covers_the_id_the_timestamp_and_the_body(string body, string id, string timestamp)
    {
        var refused = Assert.Throws<WebhookVerificationException>(() => Verifier(SentAt).Verify(body, id, timestamp, Signature));

        Assert.That(refused!.Message, Does.Contain("No v1 signature matches"));
    }

    [Test]
    public void Another_secret_fails()
    {
        var other = new WebhookVerifier("whsec_" + Convert.ToBase64String(new byte[24]), new FakeTimeProvider(SentAt));

        Assert.That(other.IsValid(Body, Id, Timestamp, Signature), Is.False);
    }

    [TestCase(null, Timestamp, Signature)]
    [TestCase(Id, null, Signature)]
    [TestCase(Id, Timestamp, null)]
    [TestCase(Id, "yesterday", Signature)]
    public void Missing_or_malformed_headers_fail(string? id, string? timestamp, string? signature) =>
        Assert.Throws<WebhookVerificationException>(() => Verifier(SentAt).Verify(Body, id, timestamp, signature));

    private static WebhookVerifier Verifier(DateTimeOffset now) => new(Secret, new FakeTimeProvider(now));
}
