// Memory a function hands to goroutines it starts lives as long as they do: on a real run (src6_lookup_timeout, held
// out) the function that allocates the 64 KiB frames takes the pattern of the goroutines that keep them.
using GcTrace.Diagnosis;
using GcTrace.Events;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Diagnosis;

public class SuspectSitingTests
{
    private const string Run = "runs/src6_lookup_timeout";

    [Fact]
    public void HeapSuspect_WhoseGoroutinesPark_TakesTheirPattern_AndSaysWhy()
    {
        var suspects = ProfiledRuns.Diagnose(Run, ProfiledRuns.Series(Run)).Suspects;

        var caller = suspects.Single(s => s.Function == "main.(*Client).Call");
        var parked = suspects.Single(s => s.Function == "main.(*call).await");
        parked.CreatedBy!.Function.Should().Be(caller.Function);
        caller.Pattern.Should().Be(SuspectPattern.GoroutineLeak);
        caller.Evidence.Should().StartWith($"rpc.go:{caller.Site!.Line} allocates what the goroutines started at rpc.go:{parked.CreatedBy.Line} keep")
            .And.EndWith(parked.Evidence);
        parked.Evidence.Should().Contain("`r := <-cl.done`").And.Contain("on a receive").And.Contain("(`go cl.await(c, result)`)");
    }
}
