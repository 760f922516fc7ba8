// The table of trace markers drives the search, the classifier and the grammar: each marker is found, classified and
// parsed as its kind, and a marker inside another gets no search head of its own.
using System.Text;
using GcTrace.Events;
using GcTrace.Parsing;

namespace GcTrace.Tests.Parsing;

public class TraceMarkersTests
{
    // One example line per marker, from docs/gctrace-format.md, with the event it must become.
    public static TheoryData<string, Type> Examples() => new()
    {
        { "gc 4 @0.321s 1%: 0.019+2.4+0.064 ms clock, 0.077+0.35/2.1/4.6+0.25 ms cpu, 8->9->4 MB, 9 MB goal, 4 P", typeof(GcCycle) },
        { "GC forced", typeof(GcForced) },
        { "scav 0 KiB work, 2048 KiB total, 50% util", typeof(ScavEvent) },
        { "scvg0: inuse: 3, idle: 60, sys: 63, released: 60, consumed: 3 (MB)", typeof(ScvgEvent) },
        { "forced scvg: 12 MB released", typeof(ScvgEvent) },
        { "pacer: assist ratio=+1.301839e+000 (scan 0 MB in 3->4 MB) workers=0++2.500000e-001", typeof(PacerEvent) },
        { "SCHED 1008ms: gomaxprocs=2 idleprocs=0 threads=7 spinningthreads=0 idlethreads=1 runqueue=0 [0 1]", typeof(SchedEvent) },
        { "scan: total 4544 objs", typeof(ScanEvent) },
    };

    [Fact]
    public void Examples_CoverEveryMarker()
    {
        var lines = Examples().Select(row => (string)row[0]).ToList();
        TraceMarkers.All.Should().OnlyContain(m => lines.Any(l => l.StartsWith(m.Text, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_AfterApplicationText_IsFoundClassifiedAndParsedAsItsKind(string line, Type eventType)
    {
        // Long enough that the vector pass, not the byte loop, meets the marker.
        var app = string.Concat(Enumerable.Repeat("request 123 handled status=200 scheduled in 4 ms\n", 40));
        var bytes = Encoding.ASCII.GetBytes(app + line + "\n");
        var marker = TraceMarkers.All.Single(m => line.StartsWith(m.Text, StringComparison.Ordinal));

        var at = MarkerSearch.IndexOfAny(bytes, out var newlines);

        // A marker that contains another ("forced scvg") is met at the inner one; the scanner backs up to the line start.
        var inner = TraceMarkers.All.FirstOrDefault(o => o != marker && marker.Text.Contains(o.Text, StringComparison.Ordinal));
        at.Should().Be(app.Length + (inner is null ? 0 : marker.Text.IndexOf(inner.Text, StringComparison.Ordinal)));
        newlines.Should().Be(40);
        TraceMarkers.KindAt(Encoding.ASCII.GetBytes(line)).Should().Be(marker.Kind);
        TraceMarkers.KindAt(line.AsSpan()).Should().Be(marker.Kind);
        var parsed = TraceLineParser.TryParse(Encoding.ASCII.GetBytes(line), 7);
        parsed.Should().BeOfType(eventType);
        parsed!.Line.Should().Be(7);
        TraceGrammar.TryParse(line, 7).Should().BeOfType(eventType);
    }

    [Fact]
    public void Heads_OnePerMarkerThatHoldsNoOtherMarker()
    {
        var heads = TraceMarkers.Heads.Select(Encoding.ASCII.GetString).ToList();

        heads.Should().NotContain("for", "\"forced scvg\" is found through \"scvg\"; a head \"for\" would stop the search in English text");
        heads.Should().OnlyHaveUniqueItems();
        foreach (var m in TraceMarkers.All.Where(m => m.Text != "forced scvg"))
            heads.Should().Contain(m.Text[..TraceMarkers.HeadLength]);
    }

    [Theory]
    [InlineData("gc")]
    [InlineData("Gc 4 @0.321s")]
    [InlineData("scvx: 1")]
    [InlineData("pacer:")]
    [InlineData("SCHED")]
    [InlineData("forced scav 1")]
    [InlineData("")]
    public void KindAt_TextThatOnlyResemblesAMarker_IsNone(string text)
    {
        TraceMarkers.KindAt(Encoding.ASCII.GetBytes(text)).Should().Be(TraceLineKind.None);
        TraceMarkers.KindAt(text.AsSpan()).Should().Be(TraceLineKind.None);
    }
}
