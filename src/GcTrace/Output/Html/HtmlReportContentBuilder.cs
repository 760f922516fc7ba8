// Gathers what the HTML report shows from a run's end: summary, verdict, heap profiles, charts.
using GcTrace.Diagnosis;
using GcTrace.Events;
using GcTrace.Source;

namespace GcTrace.Output.Html;

public static class HtmlReportContentBuilder
{
    /// <param name="sources">Where the program's sources are (--source, or the recorded paths as they are); null to
    /// list only the lines that grew.</param>
    public static HtmlReportContent Build(RunEnd end, IReadOnlyList<(string Title, string Svg)> charts, string commandLine,
        DateTimeOffset generated, SourceLocator? sources = null)
    {
        ArgumentNullException.ThrowIfNull(end);
        var (summary, verdict) = (end.Diagnosis.Summary, end.Diagnosis.Verdict);
        return new(summary,
            ContractNames.Of(verdict.Kind),
            ContractNames.Of(verdict.Confidence),
            verdict.Reasons,
            verdict.Suspects.Select(s => Suspect(s, end, sources)).ToList(),
            charts.Select(c => new HtmlChart(c.Title, c.Svg)).ToList(),
            commandLine,
            generated);
    }

    private static HtmlSuspect Suspect(Suspect s, RunEnd end, SourceLocator? sources) =>
        new(s.Function, ContractNames.Of(s.Pattern), s.GrowthBytes, SuspectEvidence.Stack(end.Heaps, s.Function), SuspectEvidence.Growth(end.Heaps, s))
        {
            Site = s.Site is { } site ? new HtmlSite(s.Path.Count > 0 ? s.Path[^1].Function : s.Function, site.File, site.Line, site.Code) : null,
            Evidence = s.Evidence,
            Path = s.Path.Select(f => Site(f, sources)).ToList(),
            CreatedBy = s.CreatedBy is { } c ? Site(c, sources) : null,
            Goroutines = s.Pattern == SuspectPattern.GoroutineLeak && s.Site is { } parked ? SuspectEvidence.Goroutines(end.Goroutines, parked) : [],
            Listings = SuspectListing.For(s, sources),
        };

    private static HtmlSite Site(SiteFrame f, SourceLocator? sources) =>
        new(f.Function, f.File, f.Line, sources is null ? null : new CodeReader(sources).Code(f.File, f.Line));
}
