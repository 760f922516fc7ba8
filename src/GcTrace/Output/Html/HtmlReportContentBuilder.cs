// Gathers what the HTML report shows from a run's end: summary, verdict, heap profiles, charts.
using GcTrace.Diagnosis;

namespace GcTrace.Output.Html;

public static class HtmlReportContentBuilder
{
    public static HtmlReportContent Build(RunEnd end, IReadOnlyList<(string Title, string Svg)> charts, string commandLine,
        DateTimeOffset generated)
    {
        var (summary, verdict) = (end.Diagnosis.Summary, end.Diagnosis.Verdict);
        return new(summary,
            ContractNames.Of(verdict.Kind),
            ContractNames.Of(verdict.Confidence),
            verdict.Reasons,
            verdict.Suspects
                .Select(s => new HtmlSuspect(s.Function, ContractNames.Of(s.Pattern), s.GrowthBytes,
                    SuspectEvidence.Stack(end.Heaps, s.Function), SuspectEvidence.Growth(end.Heaps, s.Function)))
                .ToList(),
            charts.Select(c => new HtmlChart(c.Title, c.Svg)).ToList(),
            commandLine,
            generated);
    }
}
