// The human report on stderr: the few numbers that matter first, aligned, with units.
using System.Globalization;
using GcTrace.Diagnosis;
using GcTrace.Tuning;

namespace GcTrace.Output;

public static class TextReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(TraceDiagnosis d, TextWriter w)
    {
        var (s, v) = (d.Summary, d.Verdict);
        w.WriteLine($"gctrace-pipe: {s.Gc.Cycles} GC cycles over {Num(Math.Round(s.Gc.SpanS, 3))} s ({s.Gc.Format ?? "no gc lines"})");
        w.WriteLine($"  verdict        {ContractNames.Of(v.Kind)} ({ContractNames.Of(v.Confidence)} confidence)");
        foreach (var reason in v.Reasons) w.WriteLine($"                 - {reason}");
        foreach (var suspect in v.Suspects)
            w.WriteLine($"  suspect        {suspect.Function}  {ContractNames.Of(suspect.Pattern)}  +{Bytes(suspect.GrowthBytes)}");
        if (s.StwMs.Count > 0)
        {
            w.WriteLine($"  STW pause      p50 {Ms(s.StwMs.P50)}  p90 {Ms(s.StwMs.P90)}  p99 {Ms(s.StwMs.P99)}  p99.9 {Ms(s.StwMs.P999)}  max {Ms(s.StwMs.Max)}");
            w.WriteLine($"                 mean {Ms(s.StwMs.Mean)}  total {Ms(s.StwMs.Total)} over {(s.StwMs.Count == s.Gc.Cycles ? string.Empty : $"{s.StwMs.Count} of ")}{s.Gc.Cycles} cycles");
        }
        if (s.GcCpu.CostFraction is { } cost)
        {
            w.WriteLine($"  GC CPU cost    {Pct(cost)} of available CPU (assist {Pct(s.GcCpu.AssistFraction)}, background {Pct(s.GcCpu.BackgroundFraction)}, STW {Pct(s.GcCpu.StwFraction)}); runtime's cumulative U% {s.GcCpu.RuntimeCpuPctLast}%");
            w.WriteLine($"                 idle mark workers a further {Pct(s.GcCpu.IdleFraction)} on otherwise idle processors (free, not counted); all parts {Pct(s.GcCpu.Fraction)}");
        }
        var h = s.Heap;
        if (h.LiveMbFirst is not null)
        {
            w.WriteLine($"  live heap      {h.LiveMbFirst} -> {h.LiveMbLast} MB (min {h.LiveMbMin}, max {h.LiveMbMax}), slope {Signed(h.LiveSlopeMbPerMin)} MB/min, lower envelope {(h.EnvelopeRising ? "rising" : "flat")}");
            w.WriteLine($"  allocation     {Num(h.AllocRateMbPerS)} MB/s, {Num(h.GcPerS)} GC/s, goal {h.GoalMbLast} MB, inferred GOGC {h.InferredGogc?.ToString(Inv) ?? "?"}{(h.MemoryLimit.Suspected ? ", memory limit suspected" : "")}");
        }
        WriteWhatIf(d.WhatIf, w);
        if (s.Gc.MissingCycles > 0 || s.Gc.SegmentCount > 1)
            w.WriteLine($"  sequence       {s.Gc.MissingCycles} missing cycles, {s.Gc.SegmentCount} process segments (restarts)");
        var i = s.Input;
        w.WriteLine($"  input          {i.Lines} lines: {i.GcLines} gc ({i.RepairedGcLines} repaired), {i.OtherTraceLines} other trace, {i.AppLines} app, {i.UnrecognizedGcLines} unrecognized");
    }

    private static void WriteWhatIf(WhatIfResult? result, TextWriter w)
    {
        if (result is null)
        {
            return;
        }

        if (result.Measured is not { } m)
        {
            if (result.Settings.Count > 0)
                w.WriteLine($"  what if        not predicted: {TuningAdvisor.Explain(result.Limit)}");
            return;
        }

        foreach (var p in result.Predictions)
        {
            var peak = p.PeakHeapMb is { } mb ? $"{mb:0} MB" : "unbounded";
            var bound = p.Basis == PredictionBasis.Bound ? " (bounds: the limit counts memory the trace does not show)" : "";
            w.WriteLine(string.Create(Inv, $"  what if        {p.Setting.Text}: {p.GcPerS:0.###} GC/s (now {m.GcPerS:0.###}), GC cost {Pct(p.GcCostFraction)} (now {Pct(m.CostFraction)}), peak heap {peak} (now {m.PeakHeapMb:0} MB){bound}"));
        }

        if (result.Advice is { } advice)
            w.WriteLine($"  advice         {advice.Text}");
    }

    private static string Ms(decimal? v) => v is null ? "-" : v.Value.ToString(Inv) + " ms";

    private static string Num(decimal v) => v.ToString(Inv);

    private static string Num(double? v) => v is null ? "-" : v.Value.ToString("0.###", Inv);

    private static string Signed(double? v) => v is null ? "-" : v.Value.ToString("+0.###;-0.###;0", Inv);

    private static string Pct(double? v) => v is null ? "-" : (v.Value * 100).ToString("0.##", Inv) + "%";

    private static string Bytes(long b) => b >= 1 << 20 ? (b / 1048576.0).ToString("0.##", Inv) + " MiB" : (b / 1024.0).ToString("0.##", Inv) + " KiB";
}
