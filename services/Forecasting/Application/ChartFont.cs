using ScottPlot;
using SkiaSharp;

namespace InventoryPlatform.Forecasting.Application;

/// <summary>
/// The font charts are drawn in, DejaVu Sans embedded in this assembly: the chiselled image has no system fonts, so
/// without it every title, tick and legend would come out blank. Served to ScottPlot as a font resolver.
/// </summary>
public sealed class ChartFont : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string ResourceName = "InventoryPlatform.Forecasting.Fonts.DejaVuSans.ttf";

    private static readonly Lazy<byte[]> Embedded = new(Load);
    private static readonly Lazy<bool> Registration = new(() =>
    {
        Fonts.FontResolvers.Insert(0, new ChartFont());
        return true;
    });

    /// <summary>A new typeface from the embedded font; throws if the resource is missing or not a font.</summary>
    public static SKTypeface Typeface()
    {
        using var data = SKData.CreateCopy(Embedded.Value);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The chart font resource {ResourceName} is not a readable font.");
    }

    /// <summary>Puts the embedded font ahead of the system fonts for ScottPlot (once per process).</summary>
    public static void Register() => _ = Registration.Value;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase) ? Typeface() : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        CreateTypeface(
            fontName,
            bold ? FontWeight.Bold : FontWeight.Normal,
            italic ? FontSlant.Italic : FontSlant.Upright,
            FontSpacing.Normal
        );

    private static byte[] Load()
    {
        using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The chart font resource {ResourceName} is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
