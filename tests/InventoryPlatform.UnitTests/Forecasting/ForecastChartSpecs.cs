using InventoryPlatform.Forecasting.Application;
using InventoryPlatform.Forecasting.Domain;
using SkiaSharp;

namespace InventoryPlatform.UnitTests.DemandForecasting;

public sealed class ForecastChartSpecs
{
    [Test]
    public void The_embedded_chart_font_is_DejaVu_Sans_with_a_glyph_for_every_title_character()
    {
        using var typeface = ChartFont.Typeface();
        using var font = new SKFont(typeface, 14);
        var glyphs = font.GetGlyphs("X0001ABCD: daily units P10-P90 forecast");

        Assert.Multiple(() =>
        {
            Assert.That(typeface.FamilyName, Is.EqualTo("DejaVu Sans"));
            Assert.That(glyphs, Has.None.EqualTo((ushort)0), "a glyph id 0 is the missing-glyph box");
        });
    }

    [Test]
    public void The_resolver_serves_only_the_embedded_family()
    {
        var resolver = new ChartFont();
        using var served = resolver.CreateTypeface("DejaVu Sans", false, false);

        Assert.Multiple(() =>
        {
            Assert.That(served?.FamilyName, Is.EqualTo("DejaVu Sans"));
            Assert.That(resolver.CreateTypeface("Comic Sans MS", false, false), Is.Null);
        });
    }

    [Test]
    public void A_chart_draws_its_title_in_dark_text_pixels()
    {
        var start = new DateOnly(2026, 3, 1);
        var actual = Enumerable.Range(0, 28).Select(d => (start.AddDays(d), 10.0 + d % 7)).ToList();
        var forecast = Enumerable.Range(28, 14).Select(d => new ForecastPoint(start.AddDays(d), 8, 12, 16)).ToList();

        using var bitmap = SKBitmap.Decode(ForecastChart.Png("X0001ABCD", actual, forecast));
        var dark = 0;
        for (var y = 0; y < 40; y++)
        {
            for (var x = 250; x < 650; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                if (pixel.Red < 128 && pixel.Green < 128 && pixel.Blue < 128)
                {
                    dark++;
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((900, 420)));
            Assert.That(dark, Is.GreaterThan(150), "the title band above the plot holds the title's text");
        });
    }
}
