// Every reason is true of the numbers beside it: each number a reason quotes is a field of the summary it sits in.
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Output;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Diagnosis;
/// <summary>
/// Over every fixture run (so every reason template that any real run produces is checked), each number in each
/// reason must be the value of some field of that run's `--json` summary (verdict.evidence holds the trend numbers)
/// or a <see cref="DiagnosisOptions"/> threshold, at the precision shown: "3.2%" is a fraction of 0.032, "4.1 MiB"
/// a byte count, "14 MB" a trace MB value. A reason that makes up or miscomputes a number fails here.
/// </summary>
public partial class VerdictReasonTests
{
    public static TheoryData<string> Runs() => new(ProfiledRuns.AllRuns());

    [Theory]
    [MemberData(nameof(Runs))]
    public void Reasons_EveryNumberQuoted_IsASummaryFieldOrAThreshold(string folder)
    {
        var summary = ProfiledRuns.Summarize(folder, ProfiledRuns.HasProfiles(folder) ? ProfiledRuns.Series(folder) : null);
        var fields = Numbers(summary).Concat(Thresholds()).ToList();

        // A suspect's code evidence (file:line and the quoted code) is itself a summary field, checked against the
        // sources by the Source tests; its line numbers and literals are not measurements.
        var evidence = summary.Verdict.Suspects.Select(s => s.Evidence).OfType<string>().ToList();
        foreach (var reason in summary.Verdict.Reasons)
        {
            var measured = evidence.Aggregate(reason, (r, e) => r.Replace(e, string.Empty, StringComparison.Ordinal));
            foreach (Match m in NumberInText().Matches(measured))
            {
                var shown = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                var decimals = m.Groups["n"].Value.Contains('.', StringComparison.Ordinal) ? m.Groups["n"].Value.Split('.')[1].Length : 0;
                var unit = m.Groups["unit"].Value;
                fields.Should().Contain(
                    v => Shows(v, unit, shown, decimals),
                    "\"{0}\" in \"{1}\" must be a summary field or threshold", m.Value, reason);
            }
        }
    }

    [Theory]
    [InlineData("runs/leak_plateau")]
    [InlineData("runs/warmup_cache")]
    [InlineData("runs/cold_start")]
    public void Reasons_GrowthThatStopped_SaysTheFloorRoseBeforeItStopped(string folder)
    {
        var summary = ProfiledRuns.Summarize(folder, ProfiledRuns.Series(folder));
        var e = summary.Verdict.Evidence;

        summary.Verdict.Kind.Should().Be(VerdictKind.Healthy);
        e.FloorMbMin.Should().BeGreaterThan(e.FloorMbStart!.Value, "the working set formed during warm-up");
        summary.Verdict.Reasons.Should().Contain(r => r.Contains($"rose from {e.FloorMbStart} MB to {e.FloorMbMin} MB", StringComparison.Ordinal))
            .And.NotContain(r => r.Contains("did not rise", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("runs/forced_periodic")]
    [InlineData("corpus/go1.19/forced")]
    public void Reasons_ForcedCycles_AreANoteThatCountsThem(string folder)
    {
        var summary = ProfiledRuns.Summarize(folder, ProfiledRuns.Series(folder));

        summary.Verdict.Kind.Should().Be(VerdictKind.Healthy);
        summary.Verdict.Reasons.Should().Contain(
            $"Note: {summary.Summary.Gc.Forced} of {summary.Summary.Gc.Cycles} cycles forced: runtime.GC or debug.FreeOSMemory.");
    }

    [Fact]
    public void Reasons_IdleMarking_IsNotCountedAsCost()
    {
        var summary = ProfiledRuns.Summarize("runs/idle_heavy", ProfiledRuns.Series("runs/idle_heavy"));
        var cpu = summary.Summary.GcCpu;

        cpu.CostFraction.Should().BeApproximately(cpu.AssistFraction!.Value + cpu.BackgroundFraction!.Value + cpu.StwFraction!.Value, 3e-6);
        cpu.IdleFraction.Should().BeGreaterThan(cpu.CostFraction!.Value / 2, "the idle Ps did much of the marking");
        summary.Verdict.Kind.Should().Be(VerdictKind.Healthy);
        summary.Verdict.Reasons.Should().Contain(r => r.StartsWith("Note: idle mark workers", StringComparison.Ordinal));
    }

    // Every number in the summary's JSON (the contract's fields and the verdict's evidence).
    private static List<double> Numbers(TraceDiagnosis summary)
    {
        using var buffer = new MemoryStream();
        JsonSummaryWriter.Write(summary, buffer);
        using var doc = JsonDocument.Parse(buffer.ToArray());
        var found = new List<double>();
        Walk(doc.RootElement, found);
        return found;
    }

    private static void Walk(JsonElement e, List<double> found)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Number:
                found.Add(e.GetDouble());
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    Walk(p.Value, found);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, found);
                }

                break;
        }
    }

    private static IEnumerable<double> Thresholds()
    {
        var o = DiagnosisOptions.Default;
        return
        [
            o.MinCycles, o.MinFloorWindows, o.MinSnapshots, o.PressureCostFraction, o.HeavyAssistFraction, o.SustainedWindows,
            o.HighGcRatePerS, o.MinLeakGrowthMb, o.MinGoroutineGrowth,
        ];
    }

    // "%" shows a fraction times 100; "MB" is the runtime's (2^20 bytes), so either a _mb field or a _bytes field over
    // 2^20; anything else is the value itself.
    private static bool Shows(double value, string unit, double shown, int decimals)
    {
        bool Near(double scaled) => Math.Abs(scaled - shown) <= (0.5 * Math.Pow(10, -decimals)) + 1e-9;
        return unit switch
        {
            "%" => Near(value * 100),
            "MB" or "MiB" => Near(value) || Near(value / 1048576.0),
            _ => Near(value),
        };
    }

    // A number that is not part of a name (func1, go1.19, 2^B): not preceded by a letter, digit, dot or underscore.
    [GeneratedRegex(@"(?<![\w.^])(?<n>-?\d+(?:\.\d+)?)(?![\w.]*\w)\s?(?<unit>%|MiB|MB)?")]
    private static partial Regex NumberInText();
}
