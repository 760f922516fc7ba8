// --html as an end-of-run sink: the report is written once, from the run's end and the charts' series.
using System.Text;
using GcTrace.Output.Charts;
using GcTrace.Source;

namespace GcTrace.Output.Html;

/// <param name="destination">The report file's stream (under a temporary name until the run commits its files).</param>
/// <param name="charts">The sink that collected the per-cycle series; it renders the same charts as SVG.</param>
/// <param name="commandLine">The command line that made the report.</param>
/// <param name="sources">Where the program's sources are, for the suspects' listings; null for lines and growth only.</param>
public sealed class HtmlReportSink(Stream destination, ChartSink charts, string commandLine, SourceLocator? sources = null) : IRunSink
{
    public string Name => "html";

    public void Write(RunEnd end)
    {
        var content = HtmlReportContentBuilder.Build(end, charts.RenderSvgs(end), commandLine, DateTimeOffset.UtcNow, sources);
        using (var writer = new StreamWriter(destination, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
            HtmlReportWriter.Write(content, writer);
        destination.Flush();
    }
}
