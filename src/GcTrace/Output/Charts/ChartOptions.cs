// Size and scale choices for the PNG charts (`--png DIR`, `--png-size WxH`).
namespace GcTrace.Output.Charts;

public sealed record ChartOptions
{
    public const int DefaultWidth = 1200;
    public const int DefaultHeight = 600;

    public static ChartOptions Default { get; } = new();

    public int Width { get; init; } = DefaultWidth;

    public int Height { get; init; } = DefaultHeight;

    /// <summary>
    /// Log scale for pause values: true or false forces it; null (the default) picks log when the largest pause
    /// is over 100 times the smallest, where a linear axis would flatten every ordinary pause onto the floor.
    /// </summary>
    public bool? LogScale { get; init; }

    /// <summary>Test seam: false draws every text element fully transparent, with the layout unchanged.</summary>
    internal bool DrawText { get; init; } = true;

    public ChartOptions WithSize(ChartSize size) => this with { Width = size.Width, Height = size.Height };
}
