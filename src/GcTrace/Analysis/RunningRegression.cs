// Least-squares slope of y on x from running sums, in constant memory.
namespace GcTrace.Analysis;

/// <summary>
/// Welford-style updates of the means and of the co-moments, on values centred on the first point: the textbook
/// n·Σxy − Σx·Σy loses every digit when x is a large timestamp (hours of @S) and the slope is small.
/// </summary>
internal sealed class RunningRegression
{
    private double x0;
    private double y0;
    private double meanX;
    private double meanY;
    private double coMoment;
    private double xMoment;

    public long Count { get; private set; }

    public void Add(double x, double y)
    {
        if (Count == 0)
        {
            x0 = x;
            y0 = y;
        }

        var dx = x - x0;
        var dy = y - y0;
        Count++;
        var deltaX = dx - meanX;
        meanX += deltaX / Count;
        meanY += (dy - meanY) / Count;
        coMoment += deltaX * (dy - meanY);
        xMoment += deltaX * (dx - meanX);
    }

    /// <summary>dy/dx, or null with fewer than two distinct x.</summary>
    public double? Slope => Count < 2 || xMoment <= 0 ? null : coMoment / xMoment;

    /// <summary>y at x = 0 on the fitted line, or null with fewer than two distinct x.</summary>
    public double? Intercept => Slope is { } b ? meanY + y0 - (b * (meanX + x0)) : null;
}
