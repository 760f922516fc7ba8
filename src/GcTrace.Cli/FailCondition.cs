// --fail-on: gate conditions such as `stw.p99>5ms`, `gc_cpu>25%`, `live_slope>1MB/min`, `verdict=leak`, with a small
// Sprache grammar, evaluated against the summary and verdict. Every number names its unit (see Quantity).
using Sprache;
using GcTrace.Analysis;
using GcTrace.Diagnosis;

namespace GcTrace.Cli;

/// <summary>One condition: a metric, a comparison and a value already converted to the metric's base unit.</summary>
internal sealed record FailCondition(string Text, string Metric, string Op, decimal? Number, string? Word)
{
    // Metric -> (what it measures, its value from the summary in that kind's base unit).
    private static readonly Dictionary<string, (QuantityKind Kind, Func<TraceSummary, decimal?> Value)> Metrics = new()
    {
        ["stw.p50"] = (QuantityKind.Duration, s => s.StwMs.P50),
        ["stw.p90"] = (QuantityKind.Duration, s => s.StwMs.P90),
        ["stw.p95"] = (QuantityKind.Duration, s => s.StwMs.P95),
        ["stw.p99"] = (QuantityKind.Duration, s => s.StwMs.P99),
        ["stw.p999"] = (QuantityKind.Duration, s => s.StwMs.P999),
        ["stw.max"] = (QuantityKind.Duration, s => s.StwMs.Max),
        ["stw.mean"] = (QuantityKind.Duration, s => s.StwMs.Mean),
        ["stw.total"] = (QuantityKind.Duration, s => s.StwMs.Total),
        ["gc_cpu"] = (QuantityKind.Share, s => D(s.GcCpu.Fraction)),
        ["gc_cpu.assist"] = (QuantityKind.Share, s => D(s.GcCpu.AssistFraction)),
        ["live_slope"] = (QuantityKind.SizePerMinute, s => D(s.Heap.LiveSlopeMbPerMin)),
        ["live_mb"] = (QuantityKind.Size, s => s.Heap.LiveMbLast),
        ["live_mb_max"] = (QuantityKind.Size, s => s.Heap.LiveMbMax),
        ["alloc_rate"] = (QuantityKind.SizePerSecond, s => D(s.Heap.AllocRateMbPerS)),
        ["gc_per_s"] = (QuantityKind.PerSecond, s => D(s.Heap.GcPerS)),
        ["cycles"] = (QuantityKind.Count, s => s.Gc.Cycles),
        ["missing_cycles"] = (QuantityKind.Count, s => s.Gc.MissingCycles),
        ["unrecognized"] = (QuantityKind.Count, s => s.Input.UnrecognizedGcLines),
    };

    private static readonly Parser<string> Name = Parse.Char(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.', "metric").AtLeastOnce().Text();
    private static readonly Parser<string> Comparison = Parse.String(">=").Or(Parse.String("<=")).Or(Parse.String("!=")).Or(Parse.String(">"))
        .Or(Parse.String("<")).Or(Parse.String("=")).Text().Named("comparison");
    private static readonly Parser<(string Metric, string Op, string Value)> Grammar =
        from metric in Name.Token()
        from op in Comparison.Token()
        from rest in Parse.AnyChar.Many().Text()
        select (metric, op, rest.Trim());

    /// <summary>Parses a condition; a FormatException says what is wrong in one line.</summary>
    public static FailCondition ParseText(string text)
    {
        var r = Grammar.TryParse(text);
        if (!r.WasSuccessful) throw new FormatException($"--fail-on '{text}': expected METRIC OP VALUE, e.g. stw.p99>5ms");
        var (metric, op, rest) = r.Value;
        if (metric == "verdict")
        {
            if (op is not ("=" or "!=")) throw new FormatException($"--fail-on '{text}': verdict takes = or !=");
            if (ContractNames.ParseKind(rest) is null)
                throw new FormatException($"--fail-on '{text}': verdict is one of leak, gc-pressure, healthy, inconclusive");
            return new FailCondition(text, metric, op, null, rest);
        }
        if (!Metrics.TryGetValue(metric, out var m))
            throw new FormatException($"--fail-on '{text}': unknown metric '{metric}' (one of verdict, {string.Join(", ", Metrics.Keys)})");
        return new FailCondition(text, metric, op, Quantity.Parse(rest, m.Kind, $"--fail-on '{text}'"), null);
    }

    /// <summary>True when the condition holds for <paramref name="d"/> (a missing value never holds).</summary>
    public bool Holds(TraceDiagnosis d)
    {
        if (Word is not null) return (ContractNames.Of(d.Verdict.Kind) == Word) == (Op == "=");
        if (Metrics[Metric].Value(d.Summary) is not { } v || Number is not { } n) return false;
        return Op switch
        {
            ">" => v > n,
            ">=" => v >= n,
            "<" => v < n,
            "<=" => v <= n,
            "=" => v == n,
            _ => v != n,
        };
    }

    /// <summary>What was measured, in the metric's unit: "stw.p99 = 5.304 ms", "verdict = leak".</summary>
    public string Measured(TraceDiagnosis d)
    {
        if (Word is not null) return $"verdict = {ContractNames.Of(d.Verdict.Kind)}";
        var (kind, value) = Metrics[Metric];
        return value(d.Summary) is { } v ? $"{Metric} = {Quantity.Format(v, kind)}" : $"{Metric} = –";
    }

    /// <summary>Parses a duration with its unit ("1ms", "30s", "500us", "2min") into milliseconds.</summary>
    public static decimal ParseDurationMs(string text, string option) => Quantity.Parse(text, QuantityKind.Duration, option);

    private static decimal? D(double? v) => v is { } d && double.IsFinite(d) ? (decimal)d : null;
}
