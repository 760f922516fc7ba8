// CodeReader on the real source-reading fixture programs: the path the profiles give, found with --source
// fixtures/src (the runs were built with -trimpath, so profiles record gcfixtures/<program>/main.go), names each leak's
// pattern; each twin's look-alike line reads as the same pattern's shape without the pattern.
using GcTrace.Diagnosis;
using GcTrace.Events;
using GcTrace.Source;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Source;

public class CodeReaderFixtureTests
{
    private static readonly SourceLocator Locator = new([Path.Combine(RepoPaths.Fixtures, "src")]);

    // src_* were written with the code reader; src2_* were written afterwards in other developers' styles (containers
    // in struct fields, values kept one call down, goroutines started by methods) and read without changing it first;
    // src4_* test the generalisation rules (queue drains, releases nothing calls, cancel funcs in fields, values kept
    // three calls down, a generic cache in a sub-package).
    // The held-out src3_* runs count too, except those whose profiles do not name a ground-truth function at all
    // (HeldOutMisses.FirstSuspect: an inlined leaf frame Go 1.19 drops, a verdict without suspects).
    public static TheoryData<string> LeakRuns() => new(ProfiledRuns.Folders()
        .Where(f => (f.StartsWith("runs/src_", StringComparison.Ordinal) || f.StartsWith("runs/src2_", StringComparison.Ordinal)
                || f.StartsWith("runs/src4_", StringComparison.Ordinal) || f.StartsWith("runs/src9_", StringComparison.Ordinal)
                || f.StartsWith("runs/src14_", StringComparison.Ordinal) || f.StartsWith("runs/src20_", StringComparison.Ordinal)
                || (f.StartsWith("runs/src3_", StringComparison.Ordinal) && !HeldOutMisses.FirstSuspect.ContainsKey(f)))
            && ProfiledRuns.Truth(f).Label == "leak"));

    [Theory]
    [MemberData(nameof(LeakRuns))]
    public void Read_PathFromTheProfiles_NamesTheGroundTruthPattern(string folder)
    {
        var truth = ProfiledRuns.Truth(folder);
        var series = ProfiledRuns.Series(folder).Snapshot();
        var parked = ProfileGrowth.GoroutineGrowth(series).FirstOrDefault(g => g.Growth >= 10 && truth.Functions.Contains(CodeReader.Enclosing(g.Site)));
        var location = parked is not null
            ? SuspectSites.Goroutine(parked, series)
            : SuspectSites.Heap(series)[truth.Functions.First(SuspectSites.Heap(series).ContainsKey)];

        var finding = new CodeReader(Locator).Read(location.Path.Reverse().Select(f => new CodeFrame(f.Function, f.File, f.Line)).ToList());

        finding.Should().NotBeNull();
        Name(finding!.Pattern).Should().Be(truth.Pattern);
        finding.Holds.Should().BeTrue(finding.Evidence);
        finding.Evidence.Should().MatchRegex(@"^\w+\.go:\d+ `", "the evidence names the file and line it read");
    }

    [Theory]
    [InlineData("src_map_twin", "main.cacheResult", SuspectPattern.UnboundedMap)]
    [InlineData("src_slice_twin", "main.audit", SuspectPattern.UnboundedSlice)]
    [InlineData("src_closure_twin", "main.registerCallback", SuspectPattern.ClosureCapture)]
    [InlineData("src_ticker_twin", "main.pollLoop", SuspectPattern.TickerNotStopped)]
    [InlineData("src_timer_twin", "main.consume", SuspectPattern.TimerNotStopped)]
    [InlineData("src_context_twin", "main.handle", SuspectPattern.ContextNotCancelled)]
    [InlineData("src_resource_twin", "main.openSession", SuspectPattern.UnclosedResource)]
    [InlineData("src_subslice_twin", "main.indexRecord", SuspectPattern.UnboundedMap)]
    [InlineData("src_pool_twin", "main.handle", SuspectPattern.SyncPoolMisuse)]
    [InlineData("src_goroutine_twin", "main.callBackend.func1", SuspectPattern.GoroutineLeak)]
    [InlineData("src2_probe_ticker_twin", "main.(*Probe).loop", SuspectPattern.TickerNotStopped)]
    [InlineData("src2_ctx_path_twin", "main.(*Server).Handle", SuspectPattern.ContextNotCancelled)]
    [InlineData("src2_stage_recv_twin", "main.(*Pipeline).decode", SuspectPattern.GoroutineLeak)]
    [InlineData("src4_queue_drain_twin", "main.(*Dispatcher).Submit", SuspectPattern.UnboundedSlice)]
    [InlineData("src4_dead_stop_twin", "main.NewHeartbeat", SuspectPattern.TickerNotStopped)]
    [InlineData("src4_cancel_field_twin", "main.(*Server).begin", SuspectPattern.ContextNotCancelled)]
    [InlineData("src4_internal_store_twin", "main.(*Exporter).Export", SuspectPattern.UnboundedMap)]
    public void Read_Twin_ShowsTheShapeWithoutThePattern(string program, string function, SuspectPattern shape)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Fixtures, "src", program, "main.go"));
        var site = Array.FindIndex(lines, l => l.Contains("// SITE", StringComparison.Ordinal)) + 1;
        var path = new List<CodeFrame> { new(function, $"gcfixtures/{program}/main.go", site) };
        if (program == "src_pool_twin")
        {
            // The pool's New literal is the leaf; the Get is one frame up.
            path = [new("main.glob..func1", $"gcfixtures/{program}/main.go", site), new(function, $"gcfixtures/{program}/main.go", site + 4)];
        }

        var finding = new CodeReader(Locator).Read(path);

        finding.Should().NotBeNull();
        finding!.Pattern.Should().Be(shape);
        finding.Holds.Should().BeFalse(finding.Evidence);
    }

    // src9_* twins (reader4): the leak's site line is in a second file; the twin's frames are found by their code.
    [Theory]
    [InlineData("src9_cancel_helper_twin", "jobs.go", "main.(*Worker).start", "scratch := make(", "main.(*Worker).Run", "j := w.start(name)", SuspectPattern.ContextNotCancelled)]
    [InlineData("src9_listener_off_twin", "conn.go", "main.(*Gateway).Accept", "c := &Conn{", null, null, SuspectPattern.ClosureCapture)]
    [InlineData("src9_token_view_twin", "shipper.go", "main.(*Shipper).Ship", "buf := make(", null, null, SuspectPattern.UnboundedSlice)]
    // src20_* twin (reader6): the cancel filed in pending is deleted and called for every reply, not only a failed one.
    [InlineData("src20_pending_calls_twin", "client.go", "main.(*Client).Call", "frame := make(", null, null, SuspectPattern.ContextNotCancelled)]
    public void Read_Src9Twin_ShowsTheShapeWithoutThePattern(string program, string file, string function, string code, string? caller, string? callerCode, SuspectPattern shape)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Fixtures, "src", program, file));
        var recorded = $"gcfixtures/{program}/{file}";
        var path = new List<CodeFrame> { new(function, recorded, Array.FindIndex(lines, l => l.Contains(code, StringComparison.Ordinal)) + 1) };
        if (caller is not null)
        {
            path.Add(new(caller, recorded, Array.FindIndex(lines, l => l.Contains(callerCode!, StringComparison.Ordinal)) + 1));
        }

        var finding = new CodeReader(Locator).Read(path);

        finding.Should().NotBeNull();
        finding!.Pattern.Should().Be(shape, finding.Evidence);
        finding.Holds.Should().BeFalse(finding.Evidence);
    }

    [Fact]
    public void Read_SessionsTwin_FollowsTheValueIntoTheStoreAndFindsItsDelete()
    {
        // login passes the session to SessionStore.Put (store.go), whose map Delete (store.go) evicts.
        var file = "gcfixtures/src2_sessions_twin/main.go";
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Fixtures, "src", "src2_sessions_twin", "main.go"));
        var site = Array.FindIndex(lines, l => l.Contains("// SITE", StringComparison.Ordinal)) + 1;
        var call = Array.FindIndex(lines, l => l.Contains("sess.Profile = loadProfile(user)", StringComparison.Ordinal)) + 1;

        var finding = new CodeReader(Locator).Read([new("main.loadProfile", file, site), new("main.login", file, call)]);

        finding.Should().NotBeNull();
        finding!.Pattern.Should().Be(SuspectPattern.UnboundedMap);
        finding.Holds.Should().BeFalse(finding.Evidence);
        finding.Evidence.Should().StartWith("store.go:").And.Contain("delete(s.sessions, token)");
    }

    [Fact]
    public void Read_DeepStoreTwin_FollowsTheValueThreeCallsDownToTheDelete()
    {
        // Serve hands render's bytes to AuditTrail.Note -> record -> responseIndex.keep (audit.go), which deletes.
        var file = "gcfixtures/src4_deep_store_twin/main.go";
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Fixtures, "src", "src4_deep_store_twin", "main.go"));
        var site = Array.FindIndex(lines, l => l.Contains("// SITE", StringComparison.Ordinal)) + 1;
        var call = Array.FindIndex(lines, l => l.Contains("resp := render(id)", StringComparison.Ordinal)) + 1;

        var finding = new CodeReader(Locator).Read([new("main.render", file, site), new("main.(*Gateway).Serve", file, call)]);

        finding.Should().NotBeNull();
        finding!.Pattern.Should().Be(SuspectPattern.UnboundedMap);
        finding.Holds.Should().BeFalse(finding.Evidence);
        finding.Evidence.Should().StartWith("audit.go:").And.Contain("delete(ix.byID, id-keepNewest)");
    }

    [Fact]
    public void Read_GenericCacheTwin_ReadsTheSubPackagesGenericMethodAndFindsTheEviction()
    {
        // The loader's bytes are kept by lru.(*Cache[...]).GetOrLoad, which calls evictOldest past max.
        var main = File.ReadAllLines(Path.Combine(RepoPaths.Fixtures, "src", "src4_generic_cache_twin", "main.go"));
        var lru = File.ReadAllLines(Path.Combine(RepoPaths.Fixtures, "src", "src4_generic_cache_twin", "internal", "lru", "lru.go"));
        var site = Array.FindIndex(main, l => l.Contains("// SITE", StringComparison.Ordinal)) + 1;
        var load = Array.FindIndex(lru, l => l.Contains("v := load(key)", StringComparison.Ordinal)) + 1;

        var finding = new CodeReader(Locator).Read([
            new("main.loadThumb", "gcfixtures/src4_generic_cache_twin/main.go", site),
            new("gcfixtures/src4_generic_cache_twin/internal/lru.(*Cache[...]).GetOrLoad", "gcfixtures/src4_generic_cache_twin/internal/lru/lru.go", load)]);

        finding.Should().NotBeNull();
        finding!.Pattern.Should().Be(SuspectPattern.UnboundedMap);
        finding.Holds.Should().BeFalse(finding.Evidence);
        finding.Evidence.Should().StartWith("lru.go:").And.Contain("delete(c.items, oldest)");
    }

    private static string Name(SuspectPattern p) => p switch
    {
        SuspectPattern.GoroutineLeak => "goroutine-leak",
        SuspectPattern.ClosureCapture => "closure-capture",
        SuspectPattern.SyncPoolMisuse => "sync-pool-misuse",
        SuspectPattern.UnboundedMap => "unbounded-map",
        SuspectPattern.TickerNotStopped => "ticker-not-stopped",
        SuspectPattern.UnclosedResource => "unclosed-resource",
        SuspectPattern.UnboundedSlice => "unbounded-slice",
        SuspectPattern.TimerNotStopped => "timer-not-stopped",
        SuspectPattern.ContextNotCancelled => "context-not-cancelled",
        _ => "subslice-pins-buffer",
    };
}
