using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace InventoryPlatform.Hosting;

/// <summary>Another clock moved by a fixed offset; timers and timestamps still run at its pace.</summary>
public sealed class ShiftedTimeProvider(TimeProvider unshifted, TimeSpan offset) : TimeProvider
{
    public TimeProvider Unshifted { get; } = unshifted;

    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => Unshifted.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => Unshifted.LocalTimeZone;

    public override long TimestampFrequency => Unshifted.TimestampFrequency;

    public override long GetTimestamp() => Unshifted.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Unshifted.CreateTimer(callback, state, dueTime, period);
}
