// Held-out checks: stacks and names no fixture uses, to show the rules are about frames, not fixture names.
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Events;
using GcTrace.Profiles;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Diagnosis;

public class LeakPatternClassifierTests
{
    private const long MiB = 1 << 20;

    private static readonly string[] PprofBuffers = ["compress/flate.NewWriter", "compress/gzip.(*Writer).Write", "runtime/pprof.(*profileBuilder).build", "net/http/pprof.handler.ServeHTTP"];

    private static ProfileStore Series(params Profile[] profiles)
    {
        var series = new ProfileStore();
        foreach (var p in profiles.Reverse())
        {
            series.Add(p); // added newest first: the series must order them by their own time
        }

        return series;
    }

    private static IReadOnlyList<Suspect> Classify(ProfileStore s) =>
        LeakPatternClassifier.Classify(ProfileGrowth.StackGrowth(s.Snapshot()), ProfileGrowth.GoroutineGrowth(s.Snapshot()));

    [Fact]
    public void Classify_GrowthUnderMapAssignInALibraryType_BlamesTheCallerAsUnboundedMap()
    {
        string[] buckets = ["runtime.makeBucketArray", "runtime.hashGrow", "runtime.mapassign_fast64", "github.com/acme/store.(*Index).Put", "github.com/acme/store.(*Server).ingest"];
        string[] values = ["github.com/acme/store.(*Index).Put", "github.com/acme/store.(*Server).ingest"];
        var series = Series(
            SyntheticProfiles.Heap(0, (1 * MiB, 1 * MiB, buckets), (1 * MiB, 1 * MiB, values), (3 * MiB, 3 * MiB, PprofBuffers)),
            SyntheticProfiles.Heap(30, (4 * MiB, 4 * MiB, buckets), (3 * MiB, 3 * MiB, values), (1 * MiB, 5 * MiB, PprofBuffers)),
            SyntheticProfiles.Heap(60, (8 * MiB, 8 * MiB, buckets), (6 * MiB, 6 * MiB, values), (9 * MiB, 9 * MiB, PprofBuffers)));

        var suspects = Classify(series);

        suspects.Should().ContainSingle().Which.Should().Be(
            new Suspect("github.com/acme/store.(*Index).Put", SuspectPattern.UnboundedMap, 12 * MiB));
    }

    [Fact]
    public void Classify_FuncLiteralRetainingMemory_BlamesTheEnclosingFunctionAsClosureCapture()
    {
        string[] stack = ["runtime.makeslice", "example.org/jobs.(*Scheduler).Every.func2", "example.org/jobs.(*Scheduler).Every", "main.main"];
        var series = Series(
            SyntheticProfiles.Heap(0, (1 * MiB, 1 * MiB, stack)),
            SyntheticProfiles.Heap(10, (5 * MiB, 5 * MiB, stack)));

        Classify(series).Should().ContainSingle().Which.Should().Be(
            new Suspect("example.org/jobs.(*Scheduler).Every", SuspectPattern.ClosureCapture, 4 * MiB));
    }

    [Fact]
    public void Classify_TimersAllocatedAndNeverStopped_IsTickerNotStopped()
    {
        string[] stack = ["time.NewTimer", "time.AfterFunc", "example.org/rpc.(*Conn).armDeadline", "example.org/rpc.(*Conn).Call"];
        var series = Series(
            SyntheticProfiles.Heap(0, (0, 0, stack)),
            SyntheticProfiles.Heap(20, (2 * MiB, 2 * MiB, stack)));

        Classify(series).Should().ContainSingle().Which.Pattern.Should().Be(SuspectPattern.TickerNotStopped);
    }

    [Fact]
    public void Classify_OpenFilesNeverClosed_IsUnclosedResourceAtTheUserFunction()
    {
        string[] stack = ["os.newFile", "os.openFileNolog", "os.OpenFile", "acme/logs.(*Rotator).rotate", "acme/logs.(*Rotator).Write"];
        var series = Series(
            SyntheticProfiles.Heap(0, (0, 0, stack)),
            SyntheticProfiles.Heap(20, (3 * MiB, 3 * MiB, stack)));

        Classify(series).Should().ContainSingle().Which.Should().Be(
            new Suspect("acme/logs.(*Rotator).rotate", SuspectPattern.UnclosedResource, 3 * MiB));
    }

    [Fact]
    public void Classify_GoroutinesPilingUpInSelect_AreAGoroutineLeakAtTheirCreationSite()
    {
        string[] parked = ["runtime.gopark", "runtime.selectgo", "example.org/rpc.(*Client).await"];
        string[] idle = ["runtime.gopark", "runtime.netpollblock", "internal/poll.runtime_pollWait", "net.(*TCPListener).Accept", "main.serve"];
        var series = Series(
            SyntheticProfiles.Goroutines(0, (5, "example.org/rpc.(*Client).Go", parked), (1, null, idle)),
            SyntheticProfiles.Goroutines(10, (300, "example.org/rpc.(*Client).Go", parked), (1, null, idle)),
            SyntheticProfiles.Goroutines(20, (900, "example.org/rpc.(*Client).Go", parked), (1, null, idle)));

        var growth = ProfileGrowth.GoroutineGrowth(series.Snapshot());
        var suspects = Classify(series);

        growth[0].Should().Be(growth[0] with { Site = "example.org/rpc.(*Client).Go", WaitState = "select", First = 5, Last = 900 });
        suspects.Should().ContainSingle().Which.Should().Be(
            new Suspect("example.org/rpc.(*Client).Go", SuspectPattern.GoroutineLeak, 895 * LeakPatternClassifier.GoroutineStackBytes));
    }

    [Fact]
    public void PoolChurn_PoolAllocatingWhileInuseFlat_IsSyncPoolMisuse()
    {
        string[] pooled = ["example.org/codec.newScratch", "sync.(*Pool).Get", "example.org/codec.(*Encoder).Encode"];
        string[] other = ["example.org/codec.(*Encoder).header"];
        var series = Series(
            SyntheticProfiles.Heap(0, (MiB / 2, 10 * MiB, pooled), (MiB / 4, 2 * MiB, other)),
            SyntheticProfiles.Heap(10, (MiB / 2, 900 * MiB, pooled), (MiB / 4, 20 * MiB, other)));

        LeakPatternClassifier.PoolChurn(ProfileGrowth.StackGrowth(series.Snapshot())).Should().ContainSingle()
            .Which.Should().Be(new Suspect("example.org/codec.newScratch", SuspectPattern.SyncPoolMisuse, 0));
        Classify(series).Should().BeEmpty();
    }

    [Fact]
    public void Decide_SyntheticSteadyHeapGrowthOnHealthyTrace_IsALeakWithTheSuspect()
    {
        string[] stack = ["runtime.mapassign_faststr", "example.org/sessions.(*Store).Touch"];
        var heaps = Enumerable.Range(0, 5).Select(i => SyntheticProfiles.Heap(i * 10, ((2 + (2 * i)) * MiB, (2 + (2 * i)) * MiB, stack))).ToArray();
        var verdict = ProfiledRuns.Diagnose("runs/steady", Series(heaps));

        verdict.Kind.Should().Be(VerdictKind.Leak);
        // Growth is judged after warm-up (the first third of the 40 s): the snapshots at 20, 30 and 40 s, 6 -> 10 MiB.
        verdict.Suspects.Select(s => (s.Function, s.Pattern, s.GrowthBytes)).Should().ContainSingle().Which.Should().Be(
            ("example.org/sessions.(*Store).Touch", SuspectPattern.UnboundedMap, 4 * MiB));
        verdict.Reasons.Should().Contain(r => r.Contains("unbounded-map", StringComparison.Ordinal));
    }

    // runtime/pprof trims runtime.* leaf frames from heap stacks, so a map's buckets are charged to the assigning
    // function; their doubling sizes (2^B buckets, older arrays freed) are what names the map.
    [Fact]
    public void Classify_DoublingChainOfSizesWithTheLargestInUse_IsUnboundedMapAtTheAssigningFunction()
    {
        string[] put = ["example.net/geo.(*TileIndex).remember", "example.net/geo.(*TileIndex).Lookup"];
        const long KiB = 1 << 10;
        var series = Series(
            SyntheticProfiles.HeapSized(0, (1 * MiB, 1 * MiB, 3 * KiB, put), (20 * KiB, 40 * KiB, 20 * KiB, put)),
            SyntheticProfiles.HeapSized(
                30,
                (6 * MiB, 6 * MiB, 3 * KiB, put),
                (0, 40 * KiB, 20 * KiB, put),
                (0, 80 * KiB, 40 * KiB, put),
                (0, 160 * KiB, 80 * KiB, put),
                (168 * KiB, 168 * KiB, 168 * KiB, put)));

        Classify(series).Should().ContainSingle().Which.Should().Be(
            new Suspect("example.net/geo.(*TileIndex).remember", SuspectPattern.UnboundedMap, (5 * MiB) + (148 * KiB)));
    }

    [Theory]
    [InlineData(new long[] { 40, 80, 100 }, false)] // a slice past its doubling phase grows by 1.25x: not a table
    [InlineData(new long[] { 4, 8, 16 }, false)]    // small doubling sizes: any short slice does that
    [InlineData(new long[] { 40, 80 }, false)]      // two sizes are not a chain
    [InlineData(new long[] { 12, 24, 48, 96, 184 }, true)]
    [InlineData(new long[] { 5, 12, 24, 48 }, true)] // values of another size beside the buckets do not hide them
    public void IsDoublingTable_NeedsThreeDoublingSizesUpToALargeInUseOne(long[] kib, bool expected)
    {
        var blocks = kib.Select((k, i) => new BlockSize(k << 10, i == kib.Length - 1 ? k << 10 : 0)).ToList();

        LeakPatternClassifier.IsDoublingTable(blocks).Should().Be(expected);
    }

    [Fact]
    public void IsDoublingTable_LargestSizeFreed_IsNotATable()
    {
        BlockSize[] blocks = [new(48 << 10, 48 << 10), new(96 << 10, 0), new(192 << 10, 0)];

        LeakPatternClassifier.IsDoublingTable(blocks).Should().BeFalse();
    }

    // A goroutine parked in `<-t.C` shows only runtime.chanrecv: the ticker is known from its own function's heap.
    [Fact]
    public void Classify_GoroutinesParkedInReceiveInAFunctionThatCreatesTimers_IsTickerNotStopped()
    {
        string[] timer = ["time.NewTimer", "example.org/lease.(*Keeper).renew.func1", "example.org/lease.(*Keeper).renew"];
        string[] parked = ["runtime.gopark", "runtime.chanrecv", "runtime.chanrecv1", "example.org/lease.(*Keeper).renew.func1"];
        var series = Series(
            SyntheticProfiles.Heap(0, (0, 0, timer)),
            SyntheticProfiles.Heap(20, (64 << 10, 64 << 10, timer)),
            SyntheticProfiles.Goroutines(0, (5, null, parked)),
            SyntheticProfiles.Goroutines(20, (400, null, parked)));

        Classify(series).Should().ContainSingle().Which.Should().Be(
            new Suspect("example.org/lease.(*Keeper).renew", SuspectPattern.TickerNotStopped, 395 * LeakPatternClassifier.GoroutineStackBytes)); // 64 KiB of timers is below the heap floor: the goroutines carry it
    }

    [Fact]
    public void Classify_GoroutinesParkedInReceiveWithoutTimerAllocations_StayAGoroutineLeak()
    {
        string[] other = ["runtime.makechan", "example.org/lease.(*Keeper).watch", "example.org/lease.(*Keeper).Start"];
        string[] parked = ["runtime.gopark", "runtime.chanrecv", "runtime.chanrecv1", "example.org/lease.(*Keeper).renew.func1"];
        var series = Series(
            SyntheticProfiles.Heap(0, (0, 0, other)),
            SyntheticProfiles.Heap(20, (64 << 10, 64 << 10, other)),
            SyntheticProfiles.Goroutines(0, (5, null, parked)),
            SyntheticProfiles.Goroutines(20, (400, null, parked)));

        Classify(series).Should().ContainSingle().Which.Pattern.Should().Be(SuspectPattern.GoroutineLeak);
    }
}
