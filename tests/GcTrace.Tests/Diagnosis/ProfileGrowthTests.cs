// ProfileStore and ProfileGrowth: time order, identical snapshots, per-function growth and slope.
using GcTrace.Profiles;
using GcTrace.Diagnosis;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Diagnosis;

public class ProfileGrowthTests
{
    private static readonly string[] Stack = ["example.org/a.grow", "example.org/a.caller"];

    [Fact]
    public void Heaps_AddedOutOfOrder_AreOrderedByProfileTime()
    {
        var series = new ProfileStore();
        series.Add(SyntheticProfiles.Heap(20, (3000, 3000, Stack)));
        series.Add(SyntheticProfiles.Heap(0, (1000, 1000, Stack)));
        series.Add(SyntheticProfiles.Heap(10, (2000, 2000, Stack)));

        ProfileGrowth.InuseTotals(series.Snapshot()).Should().Equal(1000, 2000, 3000);
        ProfileGrowth.HeapSpanS(series.Snapshot()).Should().Be(20);
    }

    [Fact]
    public void Heaps_IdenticalConsecutiveSnapshots_AreSkipped()
    {
        var series = new ProfileStore();
        series.Add(SyntheticProfiles.Heap(0, (1000, 1000, Stack)));
        series.Add(SyntheticProfiles.Heap(5, (1000, 1000, Stack)));
        series.Add(SyntheticProfiles.Heap(10, (4000, 4000, Stack)));

        series.Snapshot().Heaps.Count.Should().Be(2);
        series.Snapshot().IdenticalHeapsSkipped.Should().Be(1);
    }

    [Fact]
    public void FunctionGrowth_ThreeSnapshots_GivesFlatCumAndSlope()
    {
        var series = new ProfileStore();
        series.Add(SyntheticProfiles.Heap(0, (1000, 1000, Stack)));
        series.Add(SyntheticProfiles.Heap(10, (2000, 2000, Stack)));
        series.Add(SyntheticProfiles.Heap(20, (3000, 3000, Stack)));

        var growth = ProfileGrowth.FunctionGrowth(series.Snapshot());

        growth.Should().ContainEquivalentOf(new FunctionGrowth("example.org/a.grow", 2000, 2000, 100));
        growth.Should().ContainEquivalentOf(new FunctionGrowth("example.org/a.caller", 0, 2000, 0));
    }

    [Fact]
    public void GoroutineGrowth_SingleSnapshot_IsEmpty()
    {
        var series = new ProfileStore();
        series.Add(SyntheticProfiles.Goroutines(0, (10, null, ["runtime.gopark", "main.wait"])));

        ProfileGrowth.GoroutineGrowth(series.Snapshot()).Should().BeEmpty();
    }
}
