// Memory a function hands to goroutines it starts lives as long as they do: on real runs the function that allocates
// takes the pattern of the goroutines that keep what it allocated.
using GcTrace.Diagnosis;
using GcTrace.Events;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Diagnosis;

public class SuspectSitingTests
{
    [Fact]
    public void HeapSuspect_WhoseGoroutinesParkOnATicker_TakesTheirPattern_AndSaysWhy()
    {
        // src11_conn_poller: serve allocates the buffer and starts `go poll(c)`; the code at the allocation shows no
        // pattern of its own, the pollers park on a ticker nothing stops.
        const string run = "runs/src11_conn_poller";
        var suspects = ProfiledRuns.Diagnose(run, ProfiledRuns.Series(run)).Suspects;

        var caller = suspects.Single(s => s.Function == "main.serve");
        var parked = suspects.Single(s => s.Function == "main.poll");
        parked.Pattern.Should().Be(SuspectPattern.TickerNotStopped);
        parked.CreatedBy!.Function.Should().Be(caller.Function);
        caller.Pattern.Should().Be(SuspectPattern.TickerNotStopped);
        caller.Evidence.Should().Be($"main.go:{caller.Site!.Line} allocates what the goroutines started at main.go:{parked.CreatedBy.Line} keep, and they never end: {parked.Evidence}");
    }

    [Fact]
    public void HeapSuspect_WhoseFramesTheGoroutinesKeep_IsGoroutineLeak()
    {
        // src6_lookup_timeout (held out): Call allocates the 64 KiB frame and starts `go cl.await(c, result)`, which
        // parks on a receive nothing completes once the call timed out.
        const string run = "runs/src6_lookup_timeout";
        var suspects = ProfiledRuns.Diagnose(run, ProfiledRuns.Series(run)).Suspects;

        var caller = suspects.Single(s => s.Function == "main.(*Client).Call");
        caller.Pattern.Should().Be(SuspectPattern.GoroutineLeak);
        caller.Evidence.Should().Contain("`r := <-cl.done` parks the goroutine started at rpc.go:56 (`go cl.await(c, result)`) on a receive");
    }
}
