using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace InventoryPlatform.Hosting;

/// <summary>
/// The services' business clock: the system clock, or in a test or demo environment the system clock shifted by
/// <c>Platform:Clock:OffsetDays</c>, so that a service (Liquidation, say) can be run some months ahead and find the
/// stock received today aged. A shift is refused at start-up in Production.
/// </summary>
public static class PlatformClock
{
    public const string OffsetDaysSetting = "Platform:Clock:OffsetDays";
    public const int MaxOffsetDays = 3650;

    /// <summary>
    /// Registers the service's <see cref="TimeProvider"/>, replacing the system clock that libraries (HTTP resilience)
    /// registered before; a test's own clock, registered after, still wins.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformClock(this IHostApplicationBuilder builder)
    {
        var offset = OffsetFrom(builder.Configuration, builder.Environment);
        builder.Services.Replace(
            ServiceDescriptor.Singleton(
                offset == TimeSpan.Zero ? TimeProvider.System : new ShiftedTimeProvider(TimeProvider.System, offset)
            )
        );
        return builder;
    }

    /// <summary>The configured shift; throws with the reason when it is malformed, out of range or set in Production.</summary>
    public static TimeSpan OffsetFrom(IConfiguration configuration, IHostEnvironment environment)
    {
        var text = configuration[OffsetDaysSetting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeSpan.Zero;
        }

        if (
            !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days)
            || Math.Abs(days) > MaxOffsetDays
        )
        {
            throw new InvalidOperationException(
                $"{OffsetDaysSetting} is '{text}': it must be a whole number of days between -{MaxOffsetDays} and {MaxOffsetDays}."
            );
        }

        if (days != 0 && environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"{OffsetDaysSetting} is {days} but the environment is Production: a shifted clock is for tests and demos only "
                    + "(it would age stock, stamp events and charge fees at the wrong time). Remove the setting."
            );
        }

        return TimeSpan.FromDays(days);
    }

    /// <summary>
    /// The unshifted clock behind a service's clock. Caller tokens are signed by the gateway on the wall clock and live
    /// 60 s, so they are checked on it even when the service's business clock runs ahead.
    /// </summary>
    public static TimeProvider WallClockOf(TimeProvider time) => time is ShiftedTimeProvider shifted ? shifted.Unshifted : time;
}
