// Infers GOGC from the heap goals and notices when the goal stops following it (a memory limit at work).
using GcTrace.Events;

namespace GcTrace.Analysis;
/// <summary>
/// The pacer sets the next goal from the last marked heap: goal = live + (live + stacks + globals) x GOGC/100
/// (go1.18+, runtime/mgcpacer.go; before go1.18 stacks and globals are not in it and are not printed). So each
/// cycle gives GOGC ≈ (goal − previous live) / (previous live + stacks + globals) x 100. Heaps under 4 MB are
/// skipped: the goal floors at 4 MB there (heapMinimum), and whole-MB rounding swamps the ratio.
/// Whole percents are counted per value, so the median is exact and memory is bounded by the distinct values.
/// </summary>
internal sealed class GogcInference
{
    private const long MinLiveMb = 4;

    // A goal counts as capped when it implies less than half the usual GOGC and sits at least this far below the
    // usual goal, which is above the noise of MB flooring; a few cycles in a row make it a sign, not a blip.
    private const long MinShortfallMb = 2;
    private const int MinRun = 3;
    private const int MaxRanges = 5;

    private readonly SortedDictionary<long, long> counts = new();
    private readonly List<CycleRange> ranges = new();
    private long samples;
    private long cappedCycles;
    private long runFirst;
    private long runLast;
    private int runLength;

    /// <summary>
    /// The GOGC that <paramref name="cycle"/>'s goal implies from <paramref name="previous"/>'s marked heap, unrounded;
    /// null when that heap is under the 4 MB floor, where the goal says nothing about GOGC.
    /// </summary>
    public static double? Implied(GcCycle previous, GcCycle cycle)
    {
        if (previous.HeapLiveMb < MinLiveMb)
        {
            return null;
        }

        return (cycle.HeapGoalMb - previous.HeapLiveMb) * 100.0 / Basis(previous);
    }

    public void Add(GcCycle previous, GcCycle cycle)
    {
        if (Implied(previous, cycle) is not { } implied)
        {
            EndRun();
            return;
        }

        var gogc = (long)Math.Round(implied);
        var basis = Basis(previous);
        var usual = Median();
        var capped = usual is >= 10
            && gogc < usual / 2
            && previous.HeapLiveMb + basis * usual.Value / 100 - cycle.HeapGoalMb >= MinShortfallMb;
        if (capped)
        {
            if (runLength == 0)
            {
                runFirst = cycle.Number;
            }

            runLast = cycle.Number;
            runLength++;
        }
        else
        {
            EndRun();
        }

        counts[gogc] = counts.TryGetValue(gogc, out var n) ? n + 1 : 1;
        samples++;
    }

    /// <summary>The median implied GOGC so far, or null before the first usable cycle.</summary>
    public long? Median()
    {
        if (samples == 0)
        {
            return null;
        }

        // Lower median for an even count: GOGC is an integer setting, so no half values.
        var rank = (samples + 1) / 2;
        long seen = 0;
        foreach (var (value, n) in counts)
        {
            seen += n;
            if (seen >= rank)
            {
                return value;
            }
        }

        return counts.Keys.Last();
    }

    public MemoryLimitSigns Signs()
    {
        // A run still open at the end counts as well; reported without closing it, so Add can go on.
        var total = cappedCycles + (runLength >= MinRun ? runLength : 0);
        var list = new List<CycleRange>(ranges);
        if (runLength >= MinRun && list.Count < MaxRanges)
        {
            list.Add(new CycleRange(runFirst, runLast));
        }

        return new MemoryLimitSigns(total > 0, total, list);
    }

    // What GOGC scales: the marked heap plus, from go1.18 on, stacks and globals (older lines print neither).
    private static long Basis(GcCycle previous) => previous.HeapLiveMb + (previous.StacksMb ?? 0) + (previous.GlobalsMb ?? 0);

    private void EndRun()
    {
        if (runLength >= MinRun)
        {
            cappedCycles += runLength;
            if (ranges.Count < MaxRanges)
            {
                ranges.Add(new CycleRange(runFirst, runLast));
            }
        }

        runLength = 0;
    }
}
