// GoroutineSummaryTests: counts by creator, wait state and top user function, checked across formats of one moment.
using GcTrace.Profiles;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Profiles;

public sealed class GoroutineSummaryTests
{
    private static readonly Profile Dump = ProfileReader.ReadFile(Corpus.Profiles("goroutine-debug2.txt"));

    [Fact]
    public void From_Debug2Dump_CountsEveryGoroutineOncePerGrouping()
    {
        var summary = GoroutineSummary.From(Dump);

        summary.Total.Should().Be(Dump.Samples.Count);
        summary.ByCreatedBy.Sum(g => g.Count).Should().Be(summary.Total);
        summary.ByWaitState.Sum(g => g.Count).Should().Be(summary.Total);
        summary.ByTopUserFunction.Sum(g => g.Count).Should().Be(summary.Total);
        summary.ByCreatedBy.Should().Equal(
            new GoroutineGroup("main.main", summary.Total - 1), new GoroutineGroup(GoroutineSummary.NoCreator, 1));
    }

    [Fact]
    public void From_ProtoAndDump_AgreeOnWaitStatesAndUserFunctionsOfParkedGoroutines()
    {
        // The goroutine writing the profiles runs different code for each format, so only parked ones are compared.
        var proto = ProfileReader.ReadFile(Corpus.Profiles("goroutine-debug2.pb.gz"));
        Profile Parked(Profile p) => p with { Samples = p.Samples.Where(s => s.WaitState != "running").ToList() };

        var fromProto = GoroutineSummary.From(Parked(proto));
        var fromDump = GoroutineSummary.From(Parked(Dump));

        fromProto.ByWaitState.Should().Equal(fromDump.ByWaitState);
        fromProto.ByTopUserFunction.Should().Equal(fromDump.ByTopUserFunction);
        fromProto.ByCreatedBy.Should().Equal(new GoroutineGroup(GoroutineSummary.NotRecorded, fromProto.Total));
    }

    [Fact]
    public void From_Groups_AreSortedByCountThenKey()
    {
        var groups = GoroutineSummary.From(Dump).ByTopUserFunction;

        groups.Should().BeInDescendingOrder(g => g.Count);
        groups.Where(g => g.Count == 1).Select(g => g.Key).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void TopUserFunction_RuntimeOnlyStack_IsNull()
    {
        StackFrame[] stack = [new("runtime.gopark", "proc.go", 1, false), new("runtime.bgsweep", "mgcsweep.go", 2, false)];

        GoroutineSummary.TopUserFunction(stack).Should().BeNull();
    }
}
