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

    // The last window found and its bounds: consecutive cycles almost always fall into the same window, and a decimal
    // comparison costs a fraction of the division. The quotient of a trace time by a width of 5 or 10 s x 2^k terminates
    // within decimal's 28 digits, so start <= t < end holds exactly when Floor(t / width) is the cached index.
    private int cachedIndex = -1;
    private decimal cachedStart;
    private decimal cachedEnd;

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
        MaxCount = maxCount;
        this.create = create;
    }

    public decimal WidthS { get; private set; }

    public int MaxCount { get; }

    public IReadOnlyList<T> Windows => windows;

    /// <summary>The window holding elapsed time <paramref name="elapsedS"/>, created (and merged) as needed.</summary>
    public T At(decimal elapsedS)
    {
        var index = IndexOf(elapsedS);
        while (index >= MaxCount)
        {
            Halve();
            index = IndexOf(elapsedS);
        }

        while (windows.Count <= index)
        {
            windows.Add(create());
        }

        return windows[index];
    }

    /// <summary>The end of the window that holds <paramref name="elapsedS"/>, in elapsed seconds.</summary>
    public decimal EndOf(decimal elapsedS) => (IndexOf(elapsedS) + 1) * WidthS;

    /// <summary>The start of window <paramref name="index"/> in elapsed seconds.</summary>
    public decimal StartOf(int index) => index * WidthS;

    private int IndexOf(decimal elapsedS)
    {
        if (cachedIndex >= 0 && elapsedS >= cachedStart && elapsedS < cachedEnd)
        {
            return cachedIndex;
        }

        var index = elapsedS <= 0m ? 0 : (int)Math.Min(int.MaxValue, decimal.Floor(elapsedS / WidthS));
        if (index < int.MaxValue)
        {
            cachedIndex = index;
            cachedStart = index * WidthS;
            cachedEnd = (index + 1m) * WidthS;
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
        cachedIndex = -1;
    }
}
