// Fixed-width time windows over elapsed trace time whose count never exceeds a bound.
namespace GcTrace.Analysis;

/// <summary>
/// Window i covers [i x width, (i+1) x width) seconds of elapsed trace time. When time runs past the last window
/// allowed, pairs (0,1), (2,3), ... are merged and the width doubles, so windows stay aligned at 0, the count stays
/// at most <see cref="MaxCount"/>, and memory does not grow with the trace.
/// </summary>
internal sealed class MergingWindows<T>
    where T : class, IMergeable<T>
{
    private readonly Func<T> create;
    private readonly List<T> windows = new();

    // The last window found and its bounds, in Exact units: consecutive cycles almost always fall into the same window,
    // and two long comparisons cost nothing. Times and widths are whole units, so the integer quotient is exactly the
    // Floor(t / width) of decimal arithmetic.
    private int cachedIndex = -1;
    private long cachedStart;
    private long cachedEnd;
    private long widthUnits;

    public MergingWindows(decimal initialWidthS, int maxCount, Func<T> create)
    {
        if (initialWidthS <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(initialWidthS), initialWidthS, "A window has a positive width.");
        }

        if (maxCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(maxCount), maxCount, "At least two windows are needed to merge.");
        }

        WidthS = initialWidthS;
        widthUnits = Exact.Of(initialWidthS).Units;
        MaxCount = maxCount;
        this.create = create;
    }

    public decimal WidthS { get; private set; }

    public int MaxCount { get; }

    public IReadOnlyList<T> Windows => windows;

    /// <summary>The window holding elapsed time <paramref name="elapsed"/>, created (and merged) as needed.</summary>
    public T At(Exact elapsed)
    {
        var index = IndexOf(elapsed.Units);
        while (index >= MaxCount)
        {
            Halve();
            index = IndexOf(elapsed.Units);
        }

        while (windows.Count <= index)
        {
            windows.Add(create());
        }

        return windows[index];
    }

    /// <summary>The end of the window that holds <paramref name="elapsed"/>; (i + 1) x width keeps the width's scale.</summary>
    public Exact EndOf(Exact elapsed) => new((IndexOf(elapsed.Units) + 1) * widthUnits, WidthScale);

    /// <summary>The index of the window holding <paramref name="elapsed"/> (it may not exist yet).</summary>
    public int IndexOf(Exact elapsed) => IndexOf(elapsed.Units);

    /// <summary>The start of window <paramref name="index"/> in elapsed seconds.</summary>
    public decimal StartOf(int index) => index * WidthS;

    private int WidthScale => WidthS.Scale;

    private int IndexOf(long elapsedUnits)
    {
        if (cachedIndex >= 0 && elapsedUnits >= cachedStart && elapsedUnits < cachedEnd)
        {
            return cachedIndex;
        }

        var index = elapsedUnits <= 0 ? 0 : (int)Math.Min(int.MaxValue, elapsedUnits / widthUnits);
        if (index < int.MaxValue)
        {
            cachedIndex = index;
            cachedStart = index * widthUnits;
            cachedEnd = (index + 1) * widthUnits;
        }

        return index;
    }

    private void Halve()
    {
        var merged = new List<T>((windows.Count + 1) / 2);
        for (var i = 0; i < windows.Count; i += 2)
        {
            var window = windows[i];
            if (i + 1 < windows.Count)
            {
                window.MergeFrom(windows[i + 1]);
            }

            merged.Add(window);
        }

        windows.Clear();
        windows.AddRange(merged);
        WidthS *= 2m;
        widthUnits *= 2;
        cachedIndex = -1;
    }
}
