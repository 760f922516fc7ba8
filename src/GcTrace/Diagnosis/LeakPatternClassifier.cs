// Names the leak pattern of each growing site from what its stacks and counts show, and blames the user function.
using GcTrace.Analysis;
using GcTrace.Events;
using GcTrace.Profiles;

namespace GcTrace.Diagnosis;
/// <summary>
/// Generic rules over frame names, checked between the leaf and the first frame of the program's own code (that is
/// the library call that allocated): map growth, timers, pools, readers and connections each leave their runtime or
/// library function there. A func literal retaining memory is a closure capture; goroutines that keep piling up are a
/// goroutine leak unless their stacks show a timer or a connection, or they wait on a channel inside a function whose
/// own allocations show a ticker or timer being created (a goroutine parked in `<-t.C` has no time frame on its
/// stack: the receive is a plain runtime.chanrecv). Growth is blamed on the user frame (the caller of
/// runtime.mapassign, not mapassign), and a func literal's goroutines on the function that declared it.
/// runtime/pprof trims the leading runtime.* frames from every heap stack (protomem.go, hideRuntime), so a map's
/// buckets are charged to the function that assigns with no runtime.mapassign frame; what still shows is their
/// sizes: a table that only grows leaves a chain of sampled object sizes that each double the one before
/// (hashGrow allocates 2^B buckets), with the largest still in use.
/// </summary>
public static class LeakPatternClassifier
{
    /// <summary>The runtime's smallest goroutine stack (runtime/stack.go, stackMin = 2048): a floor for what a
    /// leaked goroutine costs, used to rank goroutine sites among heap sites.</summary>
    public const long GoroutineStackBytes = 2048;

    // A hash table doubles (hashGrow allocates 2^B buckets); sampled sizes round, so "about twice" is 1.75x-2.3x.
    private const double DoublingMin = 1.75, DoublingMax = 2.3;

    // A slice past its doubling phase grows by ~1.25x (runtime/slice.go growslice); 1.1x-1.6x above a chain's top says so.
    private const double SliceStepMin = 1.1, SliceStepMax = 1.6;

    private static readonly string[] MapFrames =
    [
        "runtime.mapassign", "runtime.hashGrow", "runtime.makemap", "runtime.growWork", "runtime.makeBucketArray",
        "runtime.newoverflow", "runtime.evacuate", "internal/runtime/maps.",
    ];
    private static readonly string[] TimerFrames = ["time.NewTicker", "time.NewTimer", "time.startTimer", "time.AfterFunc", "time.Tick", "time.(*Ticker)", "time.(*Timer)", "runtime.addtimer"];
    private static readonly string[] PoolFrames = ["sync.(*Pool)."];
    private static readonly string[] ResourceFrames =
    [
        "bufio.NewReader", "bufio.NewWriter", "os.Open", "os.OpenFile", "os.Create", "os.newFile", "os.NewFile",
        "net/http.", "database/sql.", "net.Dial", "net.(*Dialer)", "crypto/tls.",
    ];

    /// <summary>Suspects from heap stacks and goroutine sites, merged per function, largest growth first.</summary>
    public static IReadOnlyList<Suspect> Classify(IReadOnlyList<StackGrowth> stacks, IReadOnlyList<GoroutineGrowth> goroutines, DiagnosisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stacks);
        ArgumentNullException.ThrowIfNull(goroutines);
        var o = options ?? DiagnosisOptions.Default;
        var found = new List<Suspect>();
        // Functions whose own growing allocations create tickers or timers: their parked goroutines wait on them.
        var timerOwners = stacks
            .Where(s => s.InuseGrowthBytes > 0 && !Frames.IsProfilerOwn(s.Stack) && FramePattern(s.Stack) == SuspectPattern.TickerNotStopped)
            .Select(s => Blame(s.Stack))
            .ToHashSet(StringComparer.Ordinal);
        // Grouped by the blamed function first: one user function often holds memory from several stacks (the
        // values it stores and the map buckets that hold them), and the specific stack names the pattern.
        foreach (var group in stacks.Where(s => !Frames.IsProfilerOwn(s.Stack)).GroupBy(s => Blame(s.Stack), StringComparer.Ordinal))
        {
            var growth = group.Sum(s => s.InuseGrowthBytes);
            if (growth >= o.MinHeapGrowthBytes)
            {
                var pattern = group.Where(s => s.InuseGrowthBytes > 0)
                    .Select(s => HeapPattern(s, o))
                    .Where(p => p != SuspectPattern.Unknown)
                    .GroupBy(p => p)
                    .OrderByDescending(g => g.Count())
                    .Select(g => g.Key)
                    .DefaultIfEmpty(SuspectPattern.Unknown).First();
                found.Add(new Suspect(group.Key, pattern, growth));
            }
        }

        var fromGoroutines = new List<Suspect>();
        foreach (var g in goroutines.Where(g => IsGrowing(g, o)))
        {
            var pattern = GoroutinePattern(g);
            if (pattern == SuspectPattern.GoroutineLeak && WaitsOnTimerChannel(g, timerOwners))
            {
                pattern = SuspectPattern.TickerNotStopped;
            }

            fromGoroutines.Add(new Suspect(GoroutineBlame(g), pattern, g.Growth * GoroutineStackBytes));
        }

        return Merge(fromGoroutines, found);
    }

    /// <summary>Sites whose allocations pass through a sync.Pool and grew in alloc_space while in-use stayed flat:
    /// the pool's New runs on most Gets, which is pressure, not a leak.</summary>
    public static IReadOnlyList<Suspect> PoolChurn(IReadOnlyList<StackGrowth> stacks, DiagnosisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stacks);
        var o = options ?? DiagnosisOptions.Default;
        var pooled = stacks.Where(s => !Frames.IsProfilerOwn(s.Stack) && Frames.Any(s.Stack, s.Stack.Count, PoolFrames)).ToList();
        var totalAlloc = stacks.Where(s => !Frames.IsProfilerOwn(s.Stack)).Sum(s => Math.Max(0, s.AllocGrowthBytes));
        var pooledAlloc = pooled.Sum(s => Math.Max(0, s.AllocGrowthBytes));
        if (totalAlloc == 0 || pooledAlloc < totalAlloc / o.PoolAllocDivisor)
        {
            return [];
        }

        return pooled.GroupBy(s => Blame(s.Stack))
            .Select(g => new Suspect(g.Key, SuspectPattern.SyncPoolMisuse, g.Sum(s => s.InuseGrowthBytes)))
            .Where(s => s.GrowthBytes < o.MinHeapGrowthBytes)
            .OrderByDescending(s => pooled.Where(p => Blame(p.Stack) == s.Function).Sum(p => p.AllocGrowthBytes))
            .ToList();
    }

    public static bool IsGrowing(GoroutineGrowth g, DiagnosisOptions? options = null) =>
        (g.Lasting ?? (g.Growth >= (options ?? DiagnosisOptions.Default).MinGoroutineGrowth
            && g.Last >= (options ?? DiagnosisOptions.Default).MinGoroutineGrowthRatio * g.First)) && g.Site != GoroutineSummary.RuntimeOnly
        && !Frames.IsProfilerOwn(g.Stack);

    /// <summary>The pattern of one growing allocation stack: its library frames first, then a doubling chain of
    /// object sizes (a map's bucket arrays), then a func literal as the allocating user frame.</summary>
    public static SuspectPattern HeapPattern(StackGrowth growth, DiagnosisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(growth);
        var byFrames = FramePattern(growth.Stack);
        if (byFrames != SuspectPattern.Unknown)
        {
            return byFrames;
        }

        if (growth.Blocks is { } blocks && IsDoublingTable(blocks, options))
        {
            return SuspectPattern.UnboundedMap;
        }

        return HeapPattern(growth.Stack);
    }

    /// <summary>True when the sampled sizes hold a chain of <see cref="DiagnosisOptions.MinDoublingChain"/> sizes, each about twice
    /// the one before, whose largest is still in use and at least <see cref="DiagnosisOptions.MinDoublingTopBytes"/>, and nothing in
    /// use just above it grew by a slice's 1.25x step: a hash table that doubled as it filled, the older arrays freed.</summary>
    public static bool IsDoublingTable(IReadOnlyList<BlockSize> blocks, DiagnosisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var o = options ?? DiagnosisOptions.Default;
        var sizes = blocks.OrderBy(b => b.Bytes).ToList();
        for (var top = sizes.Count - 1; top >= o.MinDoublingChain - 1; top--)
        {
            if (sizes[top].InuseBytes <= 0 || sizes[top].Bytes < o.MinDoublingTopBytes)
            {
                continue;
            }

            if (sizes.Skip(top + 1).Any(b => IsRatio(b.Bytes, sizes[top].Bytes, SliceStepMin, SliceStepMax)))
            {
                continue;
            }

            var length = 1;
            var current = sizes[top].Bytes;
            for (var i = top - 1; i >= 0 && length < o.MinDoublingChain; i--)
            {
                if (IsRatio(current, sizes[i].Bytes, DoublingMin, DoublingMax))
                {
                    length++;
                    current = sizes[i].Bytes;
                }
            }

            if (length >= o.MinDoublingChain)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The pattern of one allocation stack, from the library frames between the leaf and the user frame.</summary>
    public static SuspectPattern HeapPattern(IReadOnlyList<StackFrame> stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var byFrames = FramePattern(stack);
        if (byFrames != SuspectPattern.Unknown)
        {
            return byFrames;
        }

        var user = Frames.UserFrameIndex(stack);
        return user >= 0 && Frames.IsFuncLiteral(stack[user].Function) ? SuspectPattern.ClosureCapture : SuspectPattern.Unknown;
    }

    // Map, timer, pool or resource frames between the leaf and the user frame.
    private static SuspectPattern FramePattern(IReadOnlyList<StackFrame> stack)
    {
        var user = Frames.UserFrameIndex(stack);
        var below = user < 0 ? stack.Count : user;
        if (Frames.Any(stack, below, MapFrames))
        {
            return SuspectPattern.UnboundedMap;
        }

        if (Frames.Any(stack, below, TimerFrames))
        {
            return SuspectPattern.TickerNotStopped;
        }

        if (Frames.Any(stack, below, PoolFrames))
        {
            return SuspectPattern.SyncPoolMisuse;
        }

        return Frames.Any(stack, below, ResourceFrames) ? SuspectPattern.UnclosedResource : SuspectPattern.Unknown;
    }

    private static bool IsRatio(long larger, long smaller, double min, double max) =>
        smaller > 0 && larger >= min * smaller && larger <= max * smaller;

    // Parked on a channel (receive or select) in a user frame that itself created a growing ticker or timer.
    private static bool WaitsOnTimerChannel(GoroutineGrowth g, HashSet<string> timerOwners) =>
        timerOwners.Count > 0
        && (g.WaitState.StartsWith("chan receive", StringComparison.Ordinal) || g.WaitState.StartsWith("select", StringComparison.Ordinal))
        && g.Stack.Any(f => !Frames.IsStd(f.Function)
            && (timerOwners.Contains(f.Function) || timerOwners.Contains(Frames.Enclosing(f.Function))));

    /// <summary>The pattern of a growing goroutine site: a timer or a connection in its stack says why it is stuck.</summary>
    public static SuspectPattern GoroutinePattern(GoroutineGrowth g)
    {
        ArgumentNullException.ThrowIfNull(g);
        if (Frames.Any(g.Stack, g.Stack.Count, TimerFrames))
        {
            return SuspectPattern.TickerNotStopped;
        }

        if (Frames.Any(g.Stack, g.Stack.Count, ResourceFrames) || Frames.Any(g.Stack, g.Stack.Count, "net.", "internal/poll.", "bufio.(*Reader)"))
        {
            return SuspectPattern.UnclosedResource;
        }

        return SuspectPattern.GoroutineLeak;
    }

    // The user frame, or for an all-library stack its leaf-most non-runtime frame (e.g. bufio.NewReaderSize).
    public static string Blame(IReadOnlyList<StackFrame> stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var user = Frames.UserFrameIndex(stack);
        if (user >= 0)
        {
            return Frames.Blamed(stack, user);
        }

        return stack.Select(f => f.Function).FirstOrDefault(f => !f.StartsWith("runtime.", StringComparison.Ordinal))
            ?? (stack.Count > 0 ? stack[0].Function : "(unknown)");
    }

    /// <summary>The function a goroutine pile-up blames: its site, or the function enclosing a func literal site.</summary>
    public static string GoroutineBlame(GoroutineGrowth g) =>
        Frames.Blamed(g.Site);

    // One suspect per function: growth adds up; a pattern seen directly in parked goroutines beats a guess from
    // heap stacks about the same function (a goroutine's func literal is not a closure leak), and a named pattern
    // beats "unknown".
    private static List<Suspect> Merge(List<Suspect> fromGoroutines, List<Suspect> fromHeap) => fromGoroutines
        .Select(s => (Suspect: s, Rank: 2))
        .Concat(fromHeap.Select(s => (Suspect: s, Rank: s.Pattern == SuspectPattern.Unknown ? 0 : 1)))
        .GroupBy(e => e.Suspect.Function, StringComparer.Ordinal)
        .Select(g => new Suspect(
            g.Key,
            g.OrderByDescending(e => e.Rank).ThenByDescending(e => e.Suspect.GrowthBytes).First().Suspect.Pattern,
            g.Sum(e => e.Suspect.GrowthBytes)))
        .OrderByDescending(s => s.GrowthBytes)
        .ThenBy(s => s.Function, StringComparer.Ordinal)
        .ToList();
}
