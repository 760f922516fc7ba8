// The what-if model on real runs (fixtures/sweeps, scripts/gen-sweeps.sh): each program was run at GOGC=50, 100, 200
// and 400, so a prediction from one run can be checked against the run made at the predicted setting.
using GcTrace.Tests.Support;
using GcTrace.Tuning;

namespace GcTrace.Tests.Tuning;

public class WhatIfOnRealRunsTests
{
    public static TheoryData<string> Programs() => new(Directory.GetDirectories(Sweeps).Select(Path.GetFileName).Order()!);

    private static string Sweeps => Path.Combine(RepoPaths.Fixtures, "sweeps");

    private static SteadyState Measure(string program, string run)
    {
        var cycles = FixtureCycles.FromLines(File.ReadLines(Path.Combine(Sweeps, program, run, "combined.log")));
        var (state, limit) = SteadyStateEstimator.Estimate(cycles);
        limit.Should().Be(ModelLimit.None, $"{program}/{run} is a steady program with enough cycles");
        return state!;
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Estimate_EachGogcRun_InfersTheGogcItRanWith(string program)
    {
        foreach (var gogc in new[] { 50, 100, 200, 400 })
        {
            Measure(program, $"gogc-{gogc}").Gogc.Should().BeApproximately(gogc, gogc * 0.1, $"{program} ran at GOGC={gogc}");
        }
    }

    [Fact]
    public void Estimate_CpuBoundAndRequestPacedPrograms_AreToldApart()
    {
        Measure("sweep_alloc", "gogc-100").MutatorBusy.Should().BeGreaterThan(0.9);
        Measure("sweep_service", "gogc-100").MutatorBusy.Should().BeLessThan(0.5);
        Measure("sweep_pointers", "gogc-100").MutatorBusy.Should().BeLessThan(0.5);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Predict_FromGogc100_MeetsTheTargetBandsOnNineInTenPredictions(string program)
    {
        var from = Measure(program, "gogc-100");
        var hits = 0;
        var misses = new List<string>();
        foreach (var gogc in new[] { 50, 200, 400 })
        {
            var p = WhatIfModel.Predict(from, GcSetting.Parse($"GOGC={gogc}"));
            var m = Measure(program, $"gogc-{gogc}");
            Check($"GOGC={gogc} GC/s", p.GcPerS, m.GcPerS, Math.Abs(p.GcPerS - m.GcPerS) <= 0.20 * m.GcPerS);
            Check($"GOGC={gogc} cost", p.GcCostFraction, m.CostFraction,
                Math.Abs(p.GcCostFraction - m.CostFraction) <= Math.Max(0.25 * m.CostFraction, 0.005));
            Check($"GOGC={gogc} peak", p.PeakHeapMb!.Value, m.PeakHeapMb, Math.Abs(p.PeakHeapMb.Value - m.PeakHeapMb) <= 0.15 * m.PeakHeapMb);
        }

        hits.Should().BeGreaterThanOrEqualTo(8, $"of 9 predictions for {program}; misses: {string.Join("; ", misses)}");

        void Check(string what, double predicted, double measured, bool ok)
        {
            if (ok) hits++;
            else misses.Add($"{what} predicted {predicted:0.####} measured {measured:0.####}");
        }
    }

    [Fact]
    public void Estimate_LeakingHeap_DeclinesAsNotSteady()
    {
        var cycles = FixtureCycles.FromLines(File.ReadLines(Path.Combine(RepoPaths.Fixtures, "runs", "leak_map", "combined.log")));

        SteadyStateEstimator.Estimate(cycles).Limit.Should().Be(ModelLimit.HeapNotSteady);
    }
}
