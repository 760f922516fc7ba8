// CodeReader with the goroutine profiles' evidence: a "parks forever" reading holds only where a growing group of
// goroutines is parked; elsewhere a send hands its value to the receiver, whose keeping of it names the pattern.
using GcTrace.Events;
using GcTrace.Source;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Source;

public class CodeReaderReceivedValueTests
{
    private static readonly SourceLocator Locator = new([Path.Combine(RepoPaths.Fixtures, "src")]);

    // src19_frame_index as its heap profile records the frame buffer: readFrame's make, called on the reader stage's send.
    private const string FrameIndex = "gcfixtures/src19_frame_index/main.go";
    private static readonly List<CodeFrame> FramePath = [new("main.readFrame", FrameIndex, 70), new("main.(*Feed).reader", FrameIndex, 121)];

    [Fact]
    public void Read_SendNoGrowingGroupParksAt_FollowsTheValueToTheReceiverThatKeepsASubSlice()
    {
        var f = new CodeReader(Locator).Read(FramePath, new GoroutineParks([]))!;

        f.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer, f.Evidence);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().StartWith("main.go:121 `f.frames <- readFrame(seq)` sends its value on `frames`, which main.go:128 `for frame := range f.frames {` receives");
        f.Evidence.Should().Contain("hands `key`, a sub-slice of `frame`, to Add");
    }

    [Fact]
    public void Read_SendWhereAGrowingGroupParks_IsAGoroutineLeak()
    {
        var parks = new GoroutineParks([new("main.(*Feed).reader", FrameIndex, 121)]);

        var f = new CodeReader(Locator).Read(FramePath, parks)!;

        f.Pattern.Should().Be(SuspectPattern.GoroutineLeak, f.Evidence);
        f.Line.Should().Be(121);
    }

    [Fact]
    public void Read_ParameterChannel_FollowsItThroughTheCallsThatPassIt()
    {
        // src26_record_archive: decodeStage's `out` is Start's `recs`, which archiveStage receives as `records` and appends.
        const string file = "gcfixtures/src26_record_archive/main.go";
        var path = new List<CodeFrame> { new("main.decodeRecord", file, 30), new("main.decodeStage", file, 38) };

        var f = new CodeReader(Locator).Read(path, new GoroutineParks([]))!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedSlice, f.Evidence);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("`for rec := range records {` receives; there main.go:45 `history = append(history, rec)`");
    }

    [Theory]
    [InlineData("src26_session_tags", 55, 66, true)]
    [InlineData("src26_session_tags_twin", 52, 63, false)]
    public void Read_LocalSentToAFieldChannel_KeptSubSliceUnlessCopied(string program, int make, int call, bool pins)
    {
        var file = $"gcfixtures/{program}/main.go";
        var path = new List<CodeFrame> { new("main.readPacket", file, make), new("main.(*Collector).receive", file, call) };

        var f = new CodeReader(Locator).Read(path, new GoroutineParks([]));

        if (pins)
        {
            f!.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer, f.Evidence);
            f.Holds.Should().BeTrue(f.Evidence);
            f.Evidence.Should().Contain("`case pkt := <-c.packets:` receives; there main.go:82 `c.recent.put(tag)` hands `tag`, a sub-slice of `pkt`, to put");
        }
        else
        {
            (f is { Holds: true, Pattern: SuspectPattern.SubslicePinsBuffer }).Should().BeFalse(f?.Evidence);
        }
    }

    [Fact]
    public void Read_NoGoroutineProfiles_TheCodeAloneDecides()
    {
        var f = new CodeReader(Locator).Read(FramePath)!;

        f.Pattern.Should().Be(SuspectPattern.GoroutineLeak, f.Evidence);
    }
}
