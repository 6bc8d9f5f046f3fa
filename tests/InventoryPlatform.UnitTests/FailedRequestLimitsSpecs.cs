using System.Net;
using InventoryPlatform.Gateway.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace InventoryPlatform.UnitTests;

public sealed class FailedRequestLimitsSpecs
{
    private static readonly GatewayOptions Options = new() { FailedRequestBurst = 3, FailedRequestsPerSecond = 2 };

    [Test]
    public void An_address_that_spent_its_burst_is_refused_with_a_wait_while_another_address_is_not()
    {
        var limits = new FailedRequestLimits(Options, new FakeTimeProvider());
        var client = Request("10.0.0.1");

        Assert.That(Attempts(limits, client, 5), Is.EqualTo(new[] { true, true, true, false, false }));
        Assert.That(limits.TryTake(client), Is.EqualTo(TimeSpan.FromSeconds(0.5)));
        Assert.That(limits.TryTake(Request("10.0.0.2")), Is.Null);
    }

    [Test]
    public void The_budget_comes_back_at_its_rate_and_no_faster()
    {
        var time = new FakeTimeProvider();
        var limits = new FailedRequestLimits(Options, time);
        var client = Request("10.0.0.1");
        Attempts(limits, client, 3);

        // A tenth of a second a time for a second and a half: two a second, three in all.
        var admitted = 0;
        for (var i = 0; i < 15; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            admitted += Attempts(limits, client, 1).Count(a => a);
        }

        Assert.That(admitted, Is.EqualTo(3));
    }

    [Test]
    public void A_token_given_back_for_a_valid_key_is_there_for_the_next_request()
    {
        var limits = new FailedRequestLimits(Options, new FakeTimeProvider());
        var client = Request("10.0.0.1");

        Attempts(limits, client, 3);
        limits.GiveBack(client);

        Assert.That(Attempts(limits, client, 2), Is.EqualTo(new[] { true, false }));
    }

    private static List<bool> Attempts(FailedRequestLimits limits, HttpContext client, int count)
    {
        var admitted = new List<bool>();
        for (var i = 0; i < count; i++)
        {
            admitted.Add(limits.TryTake(client) is null);
        }

        return admitted;
    }

    private static DefaultHttpContext Request(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return context;
    }
}
