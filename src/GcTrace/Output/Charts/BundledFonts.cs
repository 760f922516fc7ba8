// Makes the DejaVu Sans embedded in this assembly ScottPlot's default font, so charts carry text on any machine.
using ScottPlot;
using SkiaSharp;

namespace GcTrace.Output.Charts;

/// <summary>
/// ScottPlot resolves font names through <see cref="Fonts.FontResolvers"/>, whose first entry asks the system.
/// On a machine with no fonts (a slim container) that yields an empty typeface and ScottPlot silently draws no
/// text at all, so we put a resolver for the bundled files <em>first</em> and make its family the default.
/// </summary>
internal sealed class BundledFonts : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";

    private static readonly Lazy<BundledFonts> Instance = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    private BundledFonts()
    {
        Regular = Load("GcTrace.Charts.DejaVuSans.ttf");
        Bold = Load("GcTrace.Charts.DejaVuSans-Bold.ttf");
    }

    /// <summary>The bundled regular face; tests compare what ScottPlot resolves against it.</summary>
    public SKTypeface Regular { get; }

    /// <summary>The bundled bold face (titles).</summary>
    public SKTypeface Bold { get; }

    /// <summary>Registers once per process (ScottPlot's font state is static) and returns the registration.</summary>
    public static BundledFonts EnsureRegistered() => Instance.Value;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        string.Equals(fontName, FamilyName, StringComparison.OrdinalIgnoreCase) ? (bold ? Bold : Regular) : null;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    private static BundledFonts Register()
    {
        var fonts = new BundledFonts();
        // First, so a system "DejaVu Sans" (or a missing one) never shadows ours.
        Fonts.FontResolvers.Insert(0, fonts);
        Fonts.Default = FamilyName;
        Fonts.Sans = FamilyName;
        return fonts;
    }

    private static SKTypeface Load(string resource)
    {
        using Stream stream = typeof(BundledFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"charts: embedded font {resource} is missing from the assembly");
        // SKTypeface.FromStream would keep reading the stream lazily; copy it into SKData the typeface owns.
        using SKData data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"charts: embedded font {resource} could not be read");
    }
}
