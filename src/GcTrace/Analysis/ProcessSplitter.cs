// Tells apart the processes whose gc lines share one stream, by the continuity of each one's gc numbers and clock.
using System.Numerics;
using System.Runtime.CompilerServices;
using GcTrace.Events;

namespace GcTrace.Analysis;
/// <summary>
/// Each Go process numbers its cycles 1, 2, 3... and stamps them with seconds since its own start (gctrace-format.md §1.5), so a
/// cycle continues a process when its number is a little above that process's last one and its clock is not behind.
/// Two processes writing into one pipe (a supervisor with two children, `a & b` into one log) then come apart into
/// two series, where a single sequence would see a "restart" at every line and count the gaps between their numbers as
/// missing cycles. A series that never overlaps the next one is an ordinary restart. A line equal to the last cycle
/// of its series (same number, clock and values) is a duplicate: a log shipped twice, a `tee` loop. When several series
/// could continue, the one whose clock fits best wins: the time since its last cycle against what its usual time per
/// cycle predicts for the jump in numbers. That keeps a restarted program that overtakes its previous run's count (with
/// a lost line at the crossing) in its own series, and a slow process apart from a fast one.
/// </summary>
public sealed class ProcessSplitter
{
    /// <summary>Open series kept at once: more processes than this in one pipe is not a plausible input, and the
    /// bound keeps memory constant whatever the stream does; the least recently continued series is closed first.</summary>
    public const int MaxOpenSeries = 8;

    /// <summary>Smallest expected time between cycles the clock is compared against (cycles printed in one millisecond).</summary>
    private const double MinPaceS = 0.001;

    /// <summary>The runtime's minimum heap goal (4 MB, heapminimum in mgcpacer.go): smaller goals are not compared
    /// relative to themselves.</summary>
    private const long MinGoalMb = 4;

    /// <summary>Assigned to a cycle that repeats the last cycle of its series exactly.</summary>
    public const int Duplicate = -1;

    /// <summary>Cycles remembered for recognising a repeat from further back than the last line (a whole log shipped
    /// twice): 64-bit fingerprints, about 2 MB at most, after which only repeats of a series' last cycle are caught.</summary>
    public const int MaxRemembered = 1 << 16;

    private readonly List<Series> open = [];
    private readonly HashSet<long> seen = [];
    private int nextId;
    private int lastId = -1;

    /// <summary>Series started so far (the first process, restarts and interleaved processes alike).</summary>
    public int SeriesCount => nextId;

    /// <summary>Exact duplicate cycles seen (not counted as cycles).</summary>
    public long Duplicates { get; private set; }

    /// <summary>True once a series received a cycle after a later series had started: processes interleave.</summary>
    public bool Interleaved { get; private set; }

    /// <summary>The series <paramref name="cycle"/> belongs to (0, 1, 2... in order of appearance), or <see cref="Duplicate"/>.</summary>
    public int Assign(GcCycle cycle)
    {
        if (IsRepeat(cycle))
        {
            Duplicates++;
            return Duplicate;
        }

        Series? best = null;
        foreach (var s in open)
        {
            if (cycle.Number == s.Last.Number && cycle with { Line = s.Last.Line } == s.Last)
            {
                Duplicates++;
                return Duplicate;
            }
            var gap = cycle.Number - s.Last.Number;
            if (gap <= 0 || cycle.StartS < s.Last.StartS || !s.Admits(cycle)) continue;
            if (best is null || s.Closer(cycle, best.Value)) best = s;
        }

        Series next;
        if (best is { } found)
        {
            if (found.Id != lastId && found.Id != nextId - 1) Interleaved = true;
            open.Remove(found);
            next = found.Continue(cycle);
        }
        else
        {
            if (open.Count == MaxOpenSeries) open.RemoveAt(0);
            next = new Series(nextId++, cycle, cycle);
        }
        open.Add(next);
        var id = next.Id;
        lastId = id;
        return id;
    }

    // Two independent 32-bit hashes of everything but the line number: a false match among 2^16 cycles is ~2^-33 likely.
    private bool IsRepeat(GcCycle cycle) => seen.Count < MaxRemembered && !seen.Add(Fingerprint(cycle));

    /// <summary>
    /// 64 bits over every value the line printed (not its line number), mixed in place: copying the cycle without its
    /// line number and hashing the copy as a record (decimal hashing normalises each value) cost an allocation of the
    /// whole cycle and ~5% of the CPU per gc line.
    /// </summary>
    internal static long Fingerprint(GcCycle c)
    {
        var h = (ulong)c.Format;
        h = Mix(h, (ulong)c.Number);
        h = Mix(h, (uint)c.CpuPercent | ((ulong)(uint)c.Procs << 32));
        h = Mix(h, (c.LeakCheck ? 1UL : 0) | (c.Forced ? 2UL : 0) | (c.Repaired ? 4UL : 0));
        h = Mix(h, (ulong)c.HeapStartMb);
        h = Mix(h, (ulong)c.HeapEndMb);
        h = Mix(h, (ulong)c.HeapLiveMb);
        h = Mix(h, (ulong)c.HeapGoalMb);
        h = Mix(h, (ulong)(c.StacksMb ?? -1));
        h = Mix(h, (ulong)(c.GlobalsMb ?? -1));
        h = Exact(h, c.StartS);
        h = Exact(h, c.StwSweepTermMs);
        h = Exact(h, c.MarkMs);
        h = Exact(h, c.StwMarkTermMs);
        h = Exact(h, c.CpuStwSweepTermMs);
        h = Exact(h, c.CpuAssistMs);
        h = Exact(h, c.CpuBackgroundMs);
        h = Exact(h, c.CpuIdleMs);
        h = Exact(h, c.CpuStwMarkTermMs);
        h = Exact(h, c.RootScanMs ?? -1m);
        h = Exact(h, c.InstallWriteBarrierMs ?? -1m);
        h = Exact(h, c.CpuRootScanMs ?? -1m);
        h = Exact(h, c.CpuInstallWriteBarrierMs ?? -1m);
        return (long)Finish(h);

        // The decimal's 16 bytes (digits and scale as printed), not its normalised numeric hash.
        static ulong Exact(ulong h, decimal value)
        {
            var (low, high) = Unsafe.As<decimal, (ulong, ulong)>(ref value);
            return Mix(Mix(h, low), high);
        }

        // One multiply-rotate round per value (the shape of xxHash64's round, with its primes).
        static ulong Mix(ulong h, ulong value) => BitOperations.RotateLeft(h ^ (value * 0xC2B2AE3D27D4EB4FUL), 31) * 0x9E3779B185EBCA87UL;

        // xxHash64's avalanche, so every input bit reaches every output bit.
        static ulong Finish(ulong h)
        {
            h ^= h >> 33;
            h *= 0xC2B2AE3D27D4EB4FUL;
            h ^= h >> 29;
            h *= 0x165667B19E3779F9UL;
            return h ^ (h >> 32);
        }
    }

    private readonly record struct Series(int Id, GcCycle First, GcCycle Last)
    {
        public Series Continue(GcCycle next) => this with { Last = next };

        // On a tie the later series in the list (the one continued most recently) wins.
        public bool Closer(GcCycle next, Series other) => Misfit(next) <= other.Misfit(next);

        // The heap in use only grows between collections, from what the last one marked: a next cycle that starts below
        // it (beyond the MB floor's rounding) is another process's.
        public bool Admits(GcCycle next) => next.HeapStartMb + 1 >= Last.HeapLiveMb;

        // How badly the next cycle fits this series, as the sum of two relative errors: its clock against what the
        // series' pace predicts for the jump in numbers, and its starting heap against the series' last goal (a cycle
        // starts when the heap nears its goal, and the goal moves slowly).
        private double Misfit(GcCycle next)
        {
            // A series of one cycle has no pace yet: its clock says nothing, and the newest series (a restart) stays ahead.
            var pace = Last.Number > First.Number ? (double)(Last.StartS - First.StartS) / (Last.Number - First.Number) : 0;
            var expected = (next.Number - Last.Number) * pace;
            var time = pace == 0 ? 0 : Math.Abs((double)(next.StartS - Last.StartS) - expected) / Math.Max(expected, MinPaceS);
            var heap = Math.Abs(next.HeapStartMb - Last.HeapGoalMb) / (double)Math.Max(Last.HeapGoalMb, MinGoalMb);
            return time + heap;
        }
    }
}
