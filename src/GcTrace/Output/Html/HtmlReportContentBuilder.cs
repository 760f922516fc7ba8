// Gathers what the HTML report shows from a run's results: summary, verdict, heap profiles, charts.
using GcTrace.Analysis;
using GcTrace.Profiles;

namespace GcTrace.Output.Html;

public static class HtmlReportContentBuilder
{
    public static HtmlReportContent Build(TraceSummary summary, Verdict verdict, IReadOnlyList<Profile> heaps,
        IReadOnlyList<(string Title, string Svg)> charts, string commandLine, DateTimeOffset generated) =>
        new(summary,
            verdict.Kind,
            verdict.Confidence,
            verdict.Reasons,
            verdict.Suspects
                .Select(s => new HtmlSuspect(s.Function, s.Pattern, s.GrowthBytes,
                    SuspectEvidence.Stack(heaps, s.Function), SuspectEvidence.Growth(heaps, s.Function)))
                .ToList(),
            charts.Select(c => new HtmlChart(c.Title, c.Svg)).ToList(),
            commandLine,
            generated);
}
