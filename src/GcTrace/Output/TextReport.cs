// The human report on stderr: the few numbers that matter first, aligned, with units, one number format per unit
// (ReportFormat), and notes for what a number cannot say by itself (ReportNotes).
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
        var cycles = s.Gc.Cycles == 1 ? "1 GC cycle" : $"{ReportFormat.Count(s.Gc.Cycles)} GC cycles";
        w.WriteLine($"gctrace-pipe: {cycles} over {ReportFormat.Seconds(s.Gc.SpanS)} ({s.Gc.Format ?? "no gc lines"})");
        w.WriteLine($"  verdict        {ContractNames.Of(v.Kind)} ({ContractNames.Of(v.Confidence)} confidence)");
        foreach (var reason in v.Reasons) w.WriteLine($"                 - {reason}");
        foreach (var suspect in v.Suspects)
            WriteSuspect(suspect, w);
        if (s.StwMs.Count > 0)
        {
            w.WriteLine($"  STW pause      p50 {ReportFormat.Ms(s.StwMs.P50)}  p90 {ReportFormat.Ms(s.StwMs.P90)}  p99 {ReportFormat.Ms(s.StwMs.P99)}  p99.9 {ReportFormat.Ms(s.StwMs.P999)}  max {ReportFormat.Ms(s.StwMs.Max)}");
            // A filter selects the cycles this section shows; say so when it is not every cycle.
            var over = s.StwMs.Count == s.Gc.Cycles ? ReportFormat.Cycles(s.Gc.Cycles) : $"{ReportFormat.Count(s.StwMs.Count)} of {ReportFormat.Cycles(s.Gc.Cycles)}";
            w.WriteLine($"                 mean {ReportFormat.Ms(s.StwMs.Mean)}  total {ReportFormat.Ms(s.StwMs.Total)} over {over}");
        }
        if (s.GcCpu.CostFraction is not null)
        {
            // The cost leads: idle mark workers only use processors the program left idle, so they are stated apart.
            w.WriteLine($"  GC CPU cost    {ReportFormat.GcCostParts(s.GcCpu)}; runtime's cumulative U% {s.GcCpu.RuntimeCpuPctLast?.ToString(Inv) ?? "–"}%");
            w.WriteLine($"                 idle mark workers a further {ReportFormat.Pct(s.GcCpu.IdleFraction)} on otherwise idle processors (free, not counted): {ReportFormat.GcCpuParts(s.GcCpu)}");
        }
        var h = s.Heap;
        if (h.LiveMbFirst is not null)
        {
            w.WriteLine($"  live heap      {ReportFormat.Mb(h.LiveMbFirst)} -> {ReportFormat.Mb(h.LiveMbLast)} (min {ReportFormat.Mb(h.LiveMbMin)}, max {ReportFormat.Mb(h.LiveMbMax)}), slope {ReportFormat.SignedRate(h.LiveSlopeMbPerMin, "MB/min")}, lower envelope {(h.EnvelopeRising ? "rising" : "flat")}");
            w.WriteLine($"  allocation     {ReportFormat.Rate(h.AllocRateMbPerS, "MB/s")}, {ReportFormat.Rate(h.GcPerS, "GC/s")}, goal {ReportFormat.Mb(h.GoalMbLast)}, inferred GOGC {h.InferredGogc?.ToString(Inv) ?? "? (see note)"}{(h.MemoryLimit.Suspected ? ", memory limit suspected" : "")}");
        }
        WriteWhatIf(d.WhatIf, w);
        if (s.Gc.MissingCycles > 0 || s.Gc.SegmentCount > 1 || s.Gc.DuplicateCycles > 0)
            w.WriteLine($"  sequence       {ReportFormat.Count(s.Gc.MissingCycles)} missing cycles, {ReportFormat.Count(s.Gc.SegmentCount)} process segments ({(s.Gc.Interleaved ? "interleaved processes" : "restarts")}), {ReportFormat.Count(s.Gc.DuplicateCycles)} duplicate lines");
        var i = s.Input;
        w.WriteLine($"  input          {ReportFormat.Count(i.Lines)} lines: {ReportFormat.Count(i.GcLines)} gc ({ReportFormat.Count(i.RepairedGcLines)} repaired), {ReportFormat.Count(i.OtherTraceLines)} other trace, {ReportFormat.Count(i.AppLines)} app, {ReportFormat.Count(i.UnrecognizedGcLines)} unrecognized");
        var notes = ReportNotes.For(s);
        for (var n = 0; n < notes.Count; n++)
            w.WriteLine($"{(n == 0 ? "  note           " : "                 ")}- {notes[n]}");
    }

    // suspect main.cacheResult  unbounded-map  +31 MiB  cache.go:42  cache[id] = result
    // then the code's evidence, the `go` statement of goroutine suspects and the call path, each on its own line.
    private static void WriteSuspect(Suspect suspect, TextWriter w)
    {
        var site = suspect.Site is { } s ? $"  {Path.GetFileName(s.File)}:{s.Line.ToString(Inv)}{(s.Code is { Length: > 0 } code ? "  " + code : "")}" : "";
        w.WriteLine($"  suspect        {suspect.Function}  {ContractNames.Of(suspect.Pattern)}  +{ReportFormat.BytesAsMb(suspect.GrowthBytes)}{site}");
        if (suspect.Evidence is { } evidence)
            w.WriteLine($"                 {evidence}");
        if (suspect.CreatedBy is { } created)
            w.WriteLine($"                 started by {created.Function} {Path.GetFileName(created.File)}:{created.Line.ToString(Inv)}");
        if (suspect.Path.Count > 1)
            w.WriteLine($"                 path {string.Join(" > ", suspect.Path.Select(f => $"{f.Function} {Path.GetFileName(f.File)}:{f.Line.ToString(Inv)}"))}");
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
            w.WriteLine(string.Create(Inv, $"  what if        {p.Setting.Text}: {p.GcPerS:0.###} GC/s (now {m.GcPerS:0.###}), GC cost {ReportFormat.Pct(p.GcCostFraction)} (now {ReportFormat.Pct(m.CostFraction)}), peak heap {peak} (now {m.PeakHeapMb:0} MB){bound}"));
        }

        if (result.Advice is { } advice)
            w.WriteLine($"  advice         {advice.Text}");
    }

}
