// --fail-on: gate conditions such as `stw.p99>5ms`, `gc_cpu>25%`, `live_slope>1MB/min`, `verdict=leak`, with a small
// Sprache grammar, evaluated against the summary and verdict.
using System.Globalization;
using Sprache;
using GcTrace.Analysis;
using GcTrace.Diagnosis;

namespace GcTrace.Cli;

/// <summary>One condition: a metric, a comparison and a value already converted to the metric's unit.</summary>
internal sealed record FailCondition(string Text, string Metric, string Op, decimal? Number, string? Word)
{
    // Metric -> (unit family, value from the summary). Units: ms for pauses, a fraction for CPU, MB/min for the slope.
    private static readonly Dictionary<string, (string Unit, Func<TraceSummary, decimal?> Value)> Metrics = new()
    {
        ["stw.p50"] = ("ms", s => s.StwMs.P50), ["stw.p90"] = ("ms", s => s.StwMs.P90), ["stw.p95"] = ("ms", s => s.StwMs.P95),
        ["stw.p99"] = ("ms", s => s.StwMs.P99), ["stw.p999"] = ("ms", s => s.StwMs.P999), ["stw.max"] = ("ms", s => s.StwMs.Max),
        ["stw.mean"] = ("ms", s => s.StwMs.Mean), ["stw.total"] = ("ms", s => s.StwMs.Total),
        ["gc_cpu"] = ("fraction", s => D(s.GcCpu.Fraction)), ["gc_cpu.assist"] = ("fraction", s => D(s.GcCpu.AssistFraction)),
        ["live_slope"] = ("MB/min", s => D(s.Heap.LiveSlopeMbPerMin)), ["live_mb"] = ("MB", s => s.Heap.LiveMbLast),
        ["live_mb_max"] = ("MB", s => s.Heap.LiveMbMax), ["alloc_rate"] = ("MB/s", s => D(s.Heap.AllocRateMbPerS)),
        ["gc_per_s"] = ("count", s => D(s.Heap.GcPerS)), ["cycles"] = ("count", s => s.Gc.Cycles),
        ["missing_cycles"] = ("count", s => s.Gc.MissingCycles), ["unrecognized"] = ("count", s => s.Input.UnrecognizedGcLines),
    };

    // Unit suffix -> (family, factor to the family's unit).
    private static readonly Dictionary<string, (string Unit, decimal Factor)> Units = new()
    {
        ["ms"] = ("ms", 1m), ["s"] = ("ms", 1000m), ["us"] = ("ms", 0.001m), ["µs"] = ("ms", 0.001m),
        ["%"] = ("fraction", 0.01m), ["MB/min"] = ("MB/min", 1m), ["MB/h"] = ("MB/min", 1m / 60), ["MB/s"] = ("MB/s", 1m),
        ["MB"] = ("MB", 1m), ["GB"] = ("MB", 1024m),
    };

    private static readonly Parser<string> Name = Parse.Char(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.', "metric").AtLeastOnce().Text();
    private static readonly Parser<string> Comparison = Parse.String(">=").Or(Parse.String("<=")).Or(Parse.String("!=")).Or(Parse.String(">"))
        .Or(Parse.String("<")).Or(Parse.String("=")).Text().Named("comparison");
    private static readonly Parser<string> NumberText =
        from whole in Parse.Digit.AtLeastOnce().Text()
        from frac in Parse.Char('.').Then(_ => Parse.Digit.AtLeastOnce().Text()).Optional()
        select frac.IsDefined ? whole + "." + frac.Get() : whole;
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
        var num = NumberText.Then(n => Parse.AnyChar.Many().Text().Select(u => (n, u.Trim()))).TryParse(rest);
        if (!num.WasSuccessful) throw new FormatException($"--fail-on '{text}': '{rest}' is not a number");
        var (digits, unit) = num.Value;
        var value = decimal.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (unit.Length > 0)
        {
            if (!Units.TryGetValue(unit, out var u) || u.Unit != m.Unit)
                throw new FormatException($"--fail-on '{text}': unit '{unit}' does not fit {metric} (in {m.Unit})");
            value *= u.Factor;
        }
        return new FailCondition(text, metric, op, value, null);
    }

    /// <summary>True when the condition holds for <paramref name="s"/> (a missing value never holds).</summary>
    public bool Holds(TraceDiagnosis d)
    {
        if (Word is not null) return (ContractNames.Of(d.Verdict.Kind) == Word) == (Op == "=");
        if (Metrics[Metric].Value(d.Summary) is not { } v || Number is not { } n) return false;
        return Op switch
        {
            ">" => v > n, ">=" => v >= n, "<" => v < n, "<=" => v <= n, "=" => v == n, _ => v != n,
        };
    }

    /// <summary>Parses a duration such as "1ms", "30s", "500us", "2m" into milliseconds.</summary>
    public static decimal ParseDurationMs(string text, string option)
    {
        var r = NumberText.Then(n => Parse.AnyChar.Many().Text().Select(u => (n, u.Trim()))).End().TryParse(text);
        var factor = r.WasSuccessful ? r.Value.Item2 switch { "ms" => 1m, "s" or "" => 1000m, "us" or "µs" => 0.001m, "m" or "min" => 60000m, "h" => 3600000m, _ => -1m } : -1m;
        if (factor < 0) throw new FormatException($"{option}: '{text}' is not a duration such as 1ms, 30s or 2m");
        return decimal.Parse(r.Value.Item1, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * factor;
    }

    private static decimal? D(double? v) => v is { } d && double.IsFinite(d) ? (decimal)d : null;
}
