// WhatIfModel: the pacer's formulas, checked on hand-made steady states where the answer follows from them.
using GcTrace.Tuning;

namespace GcTrace.Tests.Tuning;

public class WhatIfModelTests
{
    // A request-paced service: 100 MB live, 4 MB of roots, GOGC=100, the pacer expects 2 MB of allocation while
    // marking (and 2 MB is allocated then), 95 % of goal − live allocated per cycle, 20 MB/s, 10 ms of GC cpu a cycle on 4 P.
    private static readonly SteadyState Paced = State(busy: 0);

    private static SteadyState State(double busy, double gogc = 100, double costMsPerCycle = 10)
    {
        const double live = 100, roots = 4, headroom = 2, markAlloc = 2, allocRate = 20, ratio = 0.95;
        var goal = live + (live + roots) * gogc / 100;
        var perCycle = ratio * (goal - live);
        var gcPerS = allocRate / perCycle;
        return new SteadyState(
            Cycles: 50, Procs: 4, Gogc: gogc, LiveMb: live, RootsMb: roots, StacksMb: 1, GoalMb: goal,
            PeakHeapMb: WhatIfModel.Trigger(live, goal, headroom), TriggerHeadroomMb: headroom, MarkAllocMb: markAlloc,
            AllocPerCycleMb: perCycle, AllocMbPerS: allocRate, GcPerS: gcPerS, CostMsPerCycle: costMsPerCycle,
            CostFraction: gcPerS * costMsPerCycle / 4000, MutatorBusy: busy);
    }

    private static WhatIfPrediction Predict(SteadyState s, string setting) => WhatIfModel.Predict(s, GcSetting.Parse(setting));

    [Fact]
    public void Predict_MeasuredSetting_GivesBackWhatWasMeasured()
    {
        var p = Predict(Paced, "GOGC=100");

        p.GcPerS.Should().BeApproximately(Paced.GcPerS, 1e-9);
        p.GcCostFraction.Should().BeApproximately(Paced.CostFraction, 1e-9);
        p.GoalMb.Should().BeApproximately(Paced.GoalMb, 1e-9);
        p.PeakHeapMb.Should().BeApproximately(Paced.PeakHeapMb, 1e-9);
        p.Basis.Should().Be(PredictionBasis.Estimate);
    }

    [Fact]
    public void Predict_Gogc200_GoalIsLivePlusLiveAndRootsTimesTwo_PeakFourMbShortOfIt()
    {
        var p = Predict(Paced, "GOGC=200");

        p.GoalMb.Should().BeApproximately(100 + 104 * 2, 1e-9);
        // The expected 2 MB of mark allocation would start the cycle past 95 % of the runway; for a goal this much
        // over the 4 MB minimum the pacer allows up to 4 MB short of it.
        p.PeakHeapMb.Should().BeApproximately(308 - 4, 1e-9);
    }

    [Fact]
    public void Predict_Gogc200_RateFallsWithTheRunwayAndCostWithTheRate()
    {
        var p = Predict(Paced, "GOGC=200");

        p.GcPerS.Should().BeApproximately(Paced.GcPerS * 104 / 208, 1e-9);
        p.GcCostFraction.Should().BeApproximately(p.GcPerS * 10 / 4000, 1e-9);
    }

    [Theory]
    [InlineData(100, 110, 0.5, 109.5)] // 95 % of the way: the latest trigger for a small goal
    [InlineData(100, 110, 5, 107)]     // 70 % of the way: the earliest trigger
    [InlineData(100, 110, 2, 108)]     // in between: the goal less the expected mark-phase allocation
    [InlineData(100, 300, 1, 296)]     // a large goal may trigger up to 4 MB short of it
    public void Trigger_KeepsThePacersBounds(double live, double goal, double headroom, double expected)
    {
        WhatIfModel.Trigger(live, goal, headroom).Should().BeApproximately(expected, 1e-9);
    }

    [Fact]
    public void Predict_CpuBoundProgram_AllocatesLessWhenGcTakesMoreCpu()
    {
        var busy = State(busy: 1, costMsPerCycle: 400);
        var paced = State(busy: 0, costMsPerCycle: 400);

        var fromBusy = Predict(busy, "GOGC=50");
        var fromPaced = Predict(paced, "GOGC=50");

        fromBusy.GcCostFraction.Should().BeGreaterThan(busy.CostFraction);
        fromBusy.GcPerS.Should().BeLessThan(fromPaced.GcPerS);
    }

    [Fact]
    public void Predict_SmallHeap_GoalNeverBelowTheScaledHeapMinimum()
    {
        var tiny = State(busy: 0) with { LiveMb = 1, RootsMb = 0, GoalMb = 4, PeakHeapMb = 3.7, AllocPerCycleMb = 3 };

        Predict(tiny, "GOGC=50").GoalMb.Should().Be(2);
        Predict(tiny, "GOGC=400").GoalMb.Should().Be(16);
    }

    [Fact]
    public void Predict_GogcOffWithoutLimit_NoCyclesAndNoBound()
    {
        var p = Predict(Paced, "GOGC=off");

        p.GcPerS.Should().Be(0);
        p.GoalMb.Should().BeNull();
        p.PeakHeapMb.Should().BeNull();
        p.Notes.Should().ContainMatch("*grows without bound*");
    }

    [Fact]
    public void Predict_LimitUnderThePeak_IsABoundBelowTheLimit()
    {
        var p = Predict(Paced, "GOMEMLIMIT=150MiB");

        p.Basis.Should().Be(PredictionBasis.Bound);
        p.GoalMb.Should().BeApproximately(150 - 1 - WhatIfModel.LimitHeadroomMb, 1e-9);
        p.GcPerS.Should().BeGreaterThan(Paced.GcPerS);
    }

    [Fact]
    public void Predict_LimitFarAboveThePeak_LeavesGogcInCharge()
    {
        var p = Predict(Paced, "GOMEMLIMIT=4GiB");

        p.Basis.Should().Be(PredictionBasis.Estimate);
        p.GoalMb.Should().BeApproximately(Paced.GoalMb, 1e-9);
    }

    [Fact]
    public void Predict_LimitAtTheLiveHeap_RunsCyclesBackToBack()
    {
        var p = Predict(Paced, "GOGC=off,GOMEMLIMIT=100MiB");

        // No runway: the next cycle starts as soon as the heap grows by what one mark phase allocates.
        p.GoalMb.Should().Be(100);
        p.GcPerS.Should().BeApproximately(Paced.AllocMbPerS / Paced.MarkAllocMb, 1e-9);
        p.Notes.Should().ContainMatch("*back to back*");
    }

    [Fact]
    public void Predict_CostBeyondTheLimiter_IsCappedAtHalfTheCpu()
    {
        var heavy = State(busy: 0, costMsPerCycle: 4000);

        var p = Predict(heavy, "GOGC=off,GOMEMLIMIT=100MiB");

        p.GcCostFraction.Should().Be(WhatIfModel.CpuLimiterCap);
        p.Notes.Should().ContainMatch("*cpu limiter*");
    }
}
