// Everything the --html report shows, gathered by the caller: the summary, the verdict, suspects, charts as SVG.
using GcTrace.Analysis;

namespace GcTrace.Output.Html;

/// <param name="Summary">The analysis' numbers.</param>
/// <param name="VerdictKind">leak, gc-pressure, healthy or inconclusive (the contract's names).</param>
/// <param name="Confidence">low, medium or high.</param>
/// <param name="Reasons">The verdict's evidence, one sentence each.</param>
/// <param name="Suspects">Allocation sites blamed, with their stacks and growth per heap snapshot.</param>
/// <param name="Charts">Every chart, rendered as an SVG element.</param>
/// <param name="CommandLine">The command line that made the report, quoted so it can be run again.</param>
/// <param name="Generated">When the report was written.</param>
public sealed record HtmlReportContent(
    TraceSummary Summary,
    string VerdictKind,
    string Confidence,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<HtmlSuspect> Suspects,
    IReadOnlyList<HtmlChart> Charts,
    string CommandLine,
    DateTimeOffset Generated);

/// <param name="Function">The function whose in-use memory grew.</param>
/// <param name="Pattern">The leak pattern its stacks match (contract name), or unknown.</param>
/// <param name="GrowthBytes">Growth of its in-use bytes from the first to the last heap snapshot.</param>
/// <param name="Stack">The heaviest stack through it, innermost frame first (function and file:line).</param>
/// <param name="Growth">Its in-use bytes in each heap snapshot, in time order.</param>
public sealed record HtmlSuspect(string Function, string Pattern, long GrowthBytes, IReadOnlyList<string> Stack, IReadOnlyList<HtmlSnapshot> Growth)
{
    /// <summary>Source sites (file:line and the code there) when the sources were found; empty otherwise.</summary>
    public IReadOnlyList<HtmlSite> Sites { get; init; } = [];
}

/// <param name="Label">When the snapshot was taken, relative to the first ("+30 s") or its file name.</param>
/// <param name="InuseBytes">The suspect's in-use bytes in that snapshot.</param>
public sealed record HtmlSnapshot(string Label, long InuseBytes);

/// <param name="Location">file:line.</param>
/// <param name="Code">The source line there, trimmed.</param>
/// <param name="GrowthBytes">What grew at that line, when known.</param>
public sealed record HtmlSite(string Location, string Code, long? GrowthBytes);

/// <param name="Title">A heading for the chart.</param>
/// <param name="Svg">An &lt;svg&gt; element (ScottPlot's SVG output).</param>
public sealed record HtmlChart(string Title, string Svg);
