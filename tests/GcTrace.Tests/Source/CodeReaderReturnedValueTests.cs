// CodeReader on a value the allocating function returns: what keeps it is what the caller does with it after the
// call line, followed into the calls it is passed to (a sub-slice kept in a long-lived owner pins the buffer; the whole
// value kept in a growing container is that container's pattern; a copy or a count keeps nothing).
using GcTrace.Events;
using GcTrace.Source;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Source;

public class CodeReaderReturnedValueTests
{
    private static readonly SourceLocator Locator = new([Path.Combine(RepoPaths.Fixtures, "src")]);

    private static CodeFinding? Read(string program, string leaf, int make, string caller, int call)
    {
        var file = $"gcfixtures/{program}/main.go";
        return new CodeReader(Locator).Read([new(leaf, file, make), new(caller, file, call)], new GoroutineParks([]));
    }

    [Fact]
    public void Read_ReturnedFrameWhoseCalleeKeepsAHeaderInATableEntry_PinsTheFrame()
    {
        // src32_route_keys: serveConn passes readFrame's frame to observe, which keeps frame[8:40] in a route of r.routes.
        var f = Read("src32_route_keys", "main.readFrame", 49, "main.(*Router).serveConn", 88)!;

        f.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer, f.Evidence);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().StartWith("main.go:88 `frame, err := readFrame(br)` receives the value readFrame returns; main.go:92");
        f.Evidence.Should().Contain("main.go:76 `rt.header = header` keeps `header`, a sub-slice of `frame`");
    }

    [Fact]
    public void Read_ReturnedFrameSplitIntoFieldsWhoseIdARingKeeps_PinsTheFrame()
    {
        // src33_topic_dedup: route takes bytes.Fields(frame[:nl])[2] and hands it to the dedup window's ring.
        var f = Read("src33_topic_dedup", "main.(*Broker).readFrame", 91, "main.(*Broker).Serve", 78)!;

        f.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer, f.Evidence);
        f.Evidence.Should().Contain("`b.route(frame)` hands it to route as `frame`");
        f.Evidence.Should().Contain("main.go:42 `w.ring[w.pos] = id` keeps `id`, a sub-slice of `frame`");
    }

    [Fact]
    public void Read_ReturnedBodyInAFuncLiteralCaller_FollowedIntoTheIndexRing()
    {
        // src36_symbol_index: the Drive callback passes readFrame's body to (*Index).Note, which keeps body[:end].
        var f = Read("src36_symbol_index", "main.readFrame", 59, "main.main.func1", 98)!;

        f.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer, f.Evidence);
        f.Evidence.Should().Contain("`ix.Note(seq, body)` hands it to Note as `body`");
    }

    [Theory]
    [InlineData("src42_catalog_titles", 31, 41, true)]
    [InlineData("src42_catalog_titles_twin", 29, 39, false)]
    public void Read_ReturnedStructWhoseFieldIsTrimmedAndKept_PinsUnlessCopied(string program, int make, int call, bool pins)
    {
        var f = Read(program, "main.parseEntry", make, "main.ingest", call);

        if (pins)
        {
            f!.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer, f.Evidence);
            f.Holds.Should().BeTrue(f.Evidence);
            f.Evidence.Should().Contain("catalog.go:28 `c.titles[slot] = title` keeps");
        }
        else
        {
            (f is { Holds: true, Pattern: SuspectPattern.SubslicePinsBuffer }).Should().BeFalse(f?.Evidence);
        }
    }

    [Theory]
    [InlineData("src42_wire_journal", 29, 67, true)]
    [InlineData("src42_wire_journal_twin", 27, 65, false)]
    public void Read_ReturnedMessageKeptWholeInAHistory_IsTheSlicesPatternUnlessOnlyCounted(string program, int make, int call, bool kept)
    {
        var f = Read(program, "main.(*link).receive", make, "main.main.func1", call);

        if (kept)
        {
            f!.Pattern.Should().Be(SuspectPattern.UnboundedSlice, f.Evidence);
            f.Holds.Should().BeTrue(f.Evidence);
            f.Evidence.Should().Contain("`h.changes = append(h.changes, change)`");
        }
        else
        {
            (f is { Holds: true }).Should().BeFalse(f?.Evidence);
        }
    }
}
