using System.Net;
using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.UnitTests.NotificationsSpecs;

/// <summary>SSRF: which resolved addresses a webhook may be sent to.</summary>
public sealed class ReceiverAddressRuleSpecs
{
    [TestCase("127.0.0.1", "loopback")]
    [TestCase("127.8.9.10", "loopback")]
    [TestCase("::1", "loopback")]
    [TestCase("10.1.2.3", "private (10.0.0.0/8)")]
    [TestCase("172.16.0.1", "private (172.16.0.0/12)")]
    [TestCase("172.31.255.255", "private (172.16.0.0/12)")]
    [TestCase("192.168.1.1", "private (192.168.0.0/16)")]
    [TestCase("169.254.169.254", "metadata")]
    [TestCase("169.254.10.1", "link-local")]
    [TestCase("0.0.0.0", "unspecified")]
    [TestCase("::", "unspecified")]
    [TestCase("fc00::1", "unique local")]
    [TestCase("fd12:3456::1", "unique local")]
    [TestCase("fe80::1", "link-local")]
    [TestCase("::ffff:10.0.0.1", "private (10.0.0.0/8)")]
    [TestCase("::ffff:127.0.0.1", "loopback")]
    [TestCase("100.64.0.1", "shared address space")]
    [TestCase("224.0.0.1", "multicast")]
    [TestCase("255.255.255.255", "multicast or reserved")]
    public void Internal_addresses_are_refused_with_the_reason(string address, string reason) =>
        Assert.That(ReceiverAddressRule.Refusal(IPAddress.Parse(address).GetAddressBytes(), allowLoopback: false), Does.Contain(reason));

    [TestCase("93.184.215.14")]
    [TestCase("172.15.255.255")]
    [TestCase("172.32.0.1")]
    [TestCase("192.169.0.1")]
    [TestCase("8.8.8.8")]
    [TestCase("2606:4700:4700::1111")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.That(ReceiverAddressRule.Refusal(IPAddress.Parse(address).GetAddressBytes(), allowLoopback: false), Is.Null);

    [Test]
    public void Allowing_loopback_allows_loopback_only()
    {
        Assert.That(ReceiverAddressRule.Refusal(IPAddress.Loopback.GetAddressBytes(), allowLoopback: true), Is.Null);
        Assert.That(ReceiverAddressRule.Refusal(IPAddress.IPv6Loopback.GetAddressBytes(), allowLoopback: true), Is.Null);
        Assert.That(ReceiverAddressRule.Refusal(IPAddress.Parse("10.0.0.1").GetAddressBytes(), allowLoopback: true), Is.Not.Null);
        Assert.That(ReceiverAddressRule.Refusal(IPAddress.Parse("169.254.169.254").GetAddressBytes(), allowLoopback: true), Is.Not.Null);
    }
}
