using InventoryPlatform.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;

namespace InventoryPlatform.UnitTests;

public sealed class PlatformClockSpecs
{
    [Test]
    public void Without_the_setting_the_clock_is_not_shifted() =>
        Assert.That(PlatformClock.OffsetFrom(Settings(null), Environment(Environments.Production)), Is.EqualTo(TimeSpan.Zero));

    [Test]
    public void A_development_service_may_run_months_ahead() =>
        Assert.That(PlatformClock.OffsetFrom(Settings("200"), Environment(Environments.Development)), Is.EqualTo(TimeSpan.FromDays(200)));

    [Test]
    public void Production_refuses_a_shifted_clock_at_start_up()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            PlatformClock.OffsetFrom(Settings("200"), Environment(Environments.Production))
        );

        Assert.That(refused!.Message, Does.Contain("Platform:Clock:OffsetDays").And.Contain("Production"));
    }

    [TestCase("soon")]
    [TestCase("1.5")]
    [TestCase("3651")]
    public void A_malformed_or_out_of_range_offset_is_refused_with_the_allowed_range(string days)
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            PlatformClock.OffsetFrom(Settings(days), Environment(Environments.Development))
        );

        Assert.That(refused!.Message, Does.Contain($"'{days}'").And.Contain("-3650 and 3650"));
    }

    [Test]
    public void A_shifted_clock_reads_ahead_while_caller_tokens_are_checked_on_the_wall_clock()
    {
        var wall = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var shifted = new ShiftedTimeProvider(wall, TimeSpan.FromDays(200));

        Assert.That(shifted.GetUtcNow(), Is.EqualTo(new DateTimeOffset(2027, 6, 15, 9, 0, 0, TimeSpan.Zero)));
        Assert.That(PlatformClock.WallClockOf(shifted), Is.SameAs(wall));
        Assert.That(PlatformClock.WallClockOf(wall), Is.SameAs(wall));
        wall.Advance(TimeSpan.FromDays(1));
        Assert.That(shifted.GetUtcNow(), Is.EqualTo(new DateTimeOffset(2027, 6, 16, 9, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void The_shifted_clock_replaces_the_system_clock_a_library_registered_first()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Configuration[PlatformClock.OffsetDaysSetting] = "200";

        builder.AddPlatformClock();

        using var host = builder.Build();
        var clock = host.Services.GetRequiredService<TimeProvider>();
        Assert.That(clock, Is.InstanceOf<ShiftedTimeProvider>());
        Assert.That(
            clock.GetUtcNow() - TimeProvider.System.GetUtcNow(),
            Is.EqualTo(TimeSpan.FromDays(200)).Within(TimeSpan.FromSeconds(5))
        );
    }

    private static IConfiguration Settings(string? offsetDays) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [PlatformClock.OffsetDaysSetting] = offsetDays })
            .Build();

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
