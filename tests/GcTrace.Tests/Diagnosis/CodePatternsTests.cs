// How the code reader's finding and the stacks' pattern combine, on the findings the reader gives for real programs.
using GcTrace.Diagnosis;
using GcTrace.Events;
using GcTrace.Source;

namespace GcTrace.Tests.Diagnosis;

public class CodePatternsTests
{
    // src6_user_feeds (held out): the map the profiles saw grow has a delete, on a path one reader in ten takes.
    private static readonly CodeFinding MapWithADelete = new(SuspectPattern.UnboundedMap, Holds: false, "feeds.go", 30,
        "in.unread[user] = append(in.unread[user], n)", "feeds.go:30 assigns into the field `in.unread`, which feeds.go:39 deletes from");

    [Fact]
    public void LookAlike_WhereTheStacksNameNothing_NamesWhatGrows()
    {
        CodePatterns.Decide(SuspectPattern.Unknown, MapWithADelete).Should().Be(SuspectPattern.UnboundedMap,
            "the profiles saw the site grow, so the delete did not bound it");
    }

    [Fact]
    public void LookAlike_DoesNotOverrideAPatternTheStacksName()
    {
        CodePatterns.Decide(SuspectPattern.GoroutineLeak, MapWithADelete).Should().Be(SuspectPattern.GoroutineLeak);
    }

    [Fact]
    public void Finding_ThatHolds_Decides_ExceptWhereLibraryFramesNameTheMechanism()
    {
        var holds = MapWithADelete with { Holds = true };
        CodePatterns.Decide(SuspectPattern.Unknown, holds).Should().Be(SuspectPattern.UnboundedMap);
        CodePatterns.Decide(SuspectPattern.UnclosedResource, holds).Should().Be(SuspectPattern.UnclosedResource);
        CodePatterns.Decide(SuspectPattern.Unknown, null).Should().Be(SuspectPattern.Unknown);
    }

    // src13_job_timeouts (held out): a one-shot deadline per job, stopped only when the job fails.
    private static readonly CodeFinding TimerStoppedOnOnePath = new(SuspectPattern.TimerNotStopped, Holds: false, "scheduler.go", 82,
        "deadline := time.NewTimer(s.opts.JobTimeout)", "scheduler.go:82 creates a timer that scheduler.go:86 (`deadline.Stop()`) stops");

    [Fact]
    public void LookAlike_SharpensATickerTheStacksSaw_ToTheTimerTheCodeMade()
    {
        CodePatterns.Decide(SuspectPattern.TickerNotStopped, TimerStoppedOnOnePath).Should().Be(SuspectPattern.TimerNotStopped,
            "the stacks see the runtime's timer under both; the line that made it is a time.NewTimer");
        CodePatterns.Decide(SuspectPattern.TickerNotStopped, MapWithADelete).Should().Be(SuspectPattern.TickerNotStopped);
    }

    // src21_relay_tokens: a bytes.Split piece of bufio.Reader.ReadSlice's line kept in a package-level map; the stacks
    // show bufio.NewReaderSize under the site.
    private static readonly CodeFinding ViewOfAReadersBuffer = new(SuspectPattern.SubslicePinsBuffer, Holds: true, "main.go", 24,
        "br := bufio.NewReaderSize(r, 64<<10)", "main.go:35 `latest[string(parts[0])] = parts[2]` keeps a sub-slice of `br.ReadSlice()` in the package-level map `latest`");

    [Fact]
    public void KeptView_OfABufferTheStacksTookForAResource_NamesTheView()
    {
        CodePatterns.Decide(SuspectPattern.UnclosedResource, ViewOfAReadersBuffer).Should().Be(SuspectPattern.SubslicePinsBuffer,
            "the view keeps the reader's whole buffer whether or not its source is closed");
        CodePatterns.Decide(SuspectPattern.UnclosedResource, ViewOfAReadersBuffer with { Holds = false }).Should().Be(SuspectPattern.UnclosedResource,
            "a view the code copies (a look-alike) does not override what the stacks name");
    }
}
