// The `--png-size WxH` value: chart width and height in pixels.
using System.Globalization;

namespace GcTrace.Output.Charts;

public readonly record struct ChartSize(int Width, int Height)
{
    // Below this the axis labels no longer fit; above it one PNG costs hundreds of MB of pixels to render.
    public const int Min = 200;
    public const int Max = 10_000;

    /// <summary>Parses "1600x800" (also "1600X800"); throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static ChartSize Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Trim().Split('x', 'X');
        if (parts.Length != 2)
            throw new FormatException($"--png-size: expected WIDTHxHEIGHT in pixels, such as 1600x800, not '{text}'");
        int width = Dimension(parts[0], "width", text);
        int height = Dimension(parts[1], "height", text);
        return new ChartSize(width, height);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}");

    private static int Dimension(string part, string name, string text)
    {
        if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
            throw new FormatException($"--png-size: the {name} in '{text}' is not a whole number of pixels");
        if (value < Min || value > Max)
            throw new FormatException(
                $"--png-size: the {name} in '{text}' must be between {Min} and {Max} pixels, not {value}");
        return value;
    }
}
