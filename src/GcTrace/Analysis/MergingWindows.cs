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

    private int IndexOf(decimal elapsedS) =>
        elapsedS <= 0m ? 0 : (int)Math.Min(int.MaxValue, decimal.Floor(elapsedS / WidthS));

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
    }
}
