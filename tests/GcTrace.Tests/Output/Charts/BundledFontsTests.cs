using GcTrace.Output.Charts;
using ScottPlot;

namespace GcTrace.Tests.Output.Charts;

public class BundledFontsTests
{
    [Fact]
    public void EnsureRegistered_Default_IsBundledDejaVuSans()
    {
        BundledFonts fonts = BundledFonts.EnsureRegistered();

        Fonts.Default.Should().Be("DejaVu Sans");
        fonts.Regular.FamilyName.Should().Be("DejaVu Sans");
        fonts.Bold.IsBold.Should().BeTrue();
    }

    [Fact]
    public void GetTypeface_DefaultFont_ResolvesToTheEmbeddedFileNotASystemFont()
    {
        BundledFonts fonts = BundledFonts.EnsureRegistered();

        // The same instances we loaded from the assembly: a system DejaVu Sans (or none) plays no part.
        Fonts.GetTypeface(Fonts.Default, bold: false, italic: false).Should().BeSameAs(fonts.Regular);
        Fonts.GetTypeface(Fonts.Default, bold: true, italic: false).Should().BeSameAs(fonts.Bold);
        Fonts.FontResolvers[0].Should().BeSameAs(fonts);
    }

    [Fact]
    public void Regular_Glyphs_CoverChartText()
    {
        BundledFonts fonts = BundledFonts.EnsureRegistered();

        fonts.Regular.ContainsGlyphs("STW pause (ms) µs MiB …–").Should().BeTrue();
    }
}
