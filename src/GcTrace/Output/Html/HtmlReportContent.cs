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
/// <param name="Pattern">The leak pattern its stacks or code match (contract name), or unknown.</param>
/// <param name="GrowthBytes">Growth of its in-use bytes from the first to the last heap snapshot.</param>
/// <param name="Stack">The heaviest stack through it, innermost frame first (function and file:line).</param>
/// <param name="Growth">Its in-use bytes in each heap snapshot, in time order.</param>
public sealed record HtmlSuspect(string Function, string Pattern, long GrowthBytes, IReadOnlyList<string> Stack, IReadOnlyList<HtmlSnapshot> Growth)
{
    /// <summary>Where the memory grows (or the goroutines are parked), with the code there when the source was found.</summary>
    public HtmlSite? Site { get; init; }

    /// <summary>The sentence from the code that decided the pattern; null when the code was not read.</summary>
    public string? Evidence { get; init; }

    /// <summary>The program's own frames from the root down to the site.</summary>
    public IReadOnlyList<HtmlSite> Path { get; init; } = [];

    /// <summary>Goroutine suspects: the `go` statement that started them.</summary>
    public HtmlSite? CreatedBy { get; init; }

    /// <summary>Goroutine suspects: how many goroutines were parked at the site in each goroutine snapshot.</summary>
    public IReadOnlyList<HtmlGoroutineCount> Goroutines { get; init; } = [];

    /// <summary>The suspect's function with each line's growth, as `go tool pprof -list` shows it (one per file).</summary>
    public IReadOnlyList<HtmlListing> Listings { get; init; } = [];
}

/// <param name="Label">When the snapshot was taken, relative to the first ("+30 s") or its file name.</param>
/// <param name="InuseBytes">The suspect's in-use bytes in that snapshot.</param>
public sealed record HtmlSnapshot(string Label, long InuseBytes);

/// <param name="Label">When the goroutine snapshot was taken, relative to the first, or its file name.</param>
/// <param name="Count">Goroutines parked at the suspect's site in it.</param>
public sealed record HtmlGoroutineCount(string Label, long Count);

/// <param name="Function">The function running there (empty for a bare site).</param>
/// <param name="File">The path the profile records.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Code">The source line there, trimmed; null when the file was not found.</param>
public sealed record HtmlSite(string Function, string File, long Line, string? Code)
{
    /// <summary>"main.go:42": the file's name and the line, as the text report says it.</summary>
    public string Short => $"{System.IO.Path.GetFileName(File)}:{Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <param name="Function">The function listed (its declaring function for a func literal).</param>
/// <param name="File">The path the profile records.</param>
/// <param name="SourceFound">False when the file was not found: only the lines that grew are listed, without code.</param>
/// <param name="Rows">The lines, in order.</param>
public sealed record HtmlListing(string Function, string File, bool SourceFound, IReadOnlyList<HtmlListingRow> Rows);

/// <param name="Line">The 1-based line.</param>
/// <param name="Code">The line as written (tabs kept); null when the source was not found.</param>
/// <param name="FlatBytes">Growth allocated at the line itself; null for none.</param>
/// <param name="CumBytes">Growth allocated at the line or in calls made from it; null for none.</param>
/// <param name="IsSite">The suspect's site (or, for goroutines, where they are parked or started).</param>
/// <param name="GapBefore">Lines were left out before this one (a long function is shown around its growing lines).</param>
public sealed record HtmlListingRow(long Line, string? Code, long? FlatBytes, long? CumBytes, bool IsSite, bool GapBefore);

/// <param name="Title">A heading for the chart.</param>
/// <param name="Svg">An &lt;svg&gt; element (ScottPlot's SVG output).</param>
public sealed record HtmlChart(string Title, string Svg);
