// --html: one self-contained HTML file (inline CSS and SVG, no script, no font, no request) to open in a browser, attach
// to an incident and print to PDF.
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GcTrace.Analysis;

namespace GcTrace.Output.Html;

/// <summary>
/// The page forbids itself every request with a Content-Security-Policy (<c>default-src 'none'</c>; inline styles and
/// data: images only), so even a stray reference could not leave the file. Sections follow the reading order of an
/// incident: verdict and reasons, suspects, notes, the numbers, the charts, the windows, the input, the command line.
/// </summary>
public static partial class HtmlReportWriter
{
    /// <summary>The page's own policy: nothing may be fetched; styles are inline, images only data: URLs.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(HtmlReportContent c, TextWriter w)
    {
        var s = c.Summary;
        var h = new StringBuilder(64 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append($"<title>gctrace-pipe: {E(c.VerdictKind)} ({E(c.Confidence)} confidence), {ReportFormat.Cycles(s.Gc.Cycles)}</title>\n");
        h.Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");

        h.Append("<header>\n<h1>GC trace report</h1>\n");
        h.Append($"<p class=\"sub\">{ReportFormat.Cycles(s.Gc.Cycles)} over {ReportFormat.Seconds(s.Gc.SpanS)}");
        if (s.Gc.Format is { } format) h.Append($" ({E(format)} format)");
        h.Append($", written {E(c.Generated.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", Inv))} UTC</p>\n</header>\n");

        h.Append($"<section id=\"verdict\" class=\"verdict v-{Slug(c.VerdictKind)}\">\n<h2>Verdict: <span class=\"kind\">{E(c.VerdictKind)}</span> <span class=\"conf\">({E(c.Confidence)} confidence)</span></h2>\n");
        if (c.Reasons.Count > 0)
        {
            h.Append("<ul>\n");
            foreach (var r in c.Reasons) h.Append($"<li>{HtmlSuspectWriter.WithCode(r)}</li>\n");
            h.Append("</ul>\n");
        }
        h.Append("</section>\n");

        HtmlSuspectWriter.Write(h, c.Suspects);
        var notes = ReportNotes.For(s);
        if (notes.Count > 0)
        {
            h.Append("<section id=\"notes\">\n<h2>Notes</h2>\n<ul>\n");
            foreach (var n in notes) h.Append($"<li>{E(n)}</li>\n");
            h.Append("</ul>\n</section>\n");
        }

        KeyNumbers(h, s);
        Pauses(h, s.StwMs);

        if (c.Charts.Count > 0)
        {
            h.Append("<section id=\"charts\">\n<h2>Charts</h2>\n");
            foreach (var chart in c.Charts)
                h.Append($"<figure>\n<figcaption>{E(chart.Title)}</figcaption>\n{InlineSvg(chart.Svg)}\n</figure>\n");
            h.Append("</section>\n");
        }

        Windows(h, s.GcCpu, s.Gc.SpanS);
        Input(h, s.Input);
        h.Append($"<section id=\"command\">\n<h2>Command line</h2>\n<pre>{E(c.CommandLine)}</pre>\n</section>\n");
        h.Append("<footer>Heap sizes are in MB as the Go runtime prints them (1 MB = 2<sup>20</sup> bytes). Pauses are nearest-rank percentiles over every cycle's stop-the-world total.</footer>\n");
        h.Append("</main>\n</body>\n</html>\n");
        w.Write(h.ToString());
    }

    private static void KeyNumbers(StringBuilder h, TraceSummary s)
    {
        var g = s.GcCpu;
        var m = s.Heap;
        h.Append("<section id=\"numbers\">\n<h2>Key numbers</h2>\n<table class=\"kv\">\n<tbody>\n");
        Row(h, "GC cycles", $"{ReportFormat.Count(s.Gc.Cycles)} ({ReportFormat.Count(s.Gc.Forced)} forced, {ReportFormat.Count(s.Gc.MissingCycles)} missing)");
        Row(h, "trace span", ReportFormat.Seconds(s.Gc.SpanS));
        if (g.Fraction is not null)
        {
            // The cost leads, as in the text report: idle marking ran on processors the program left idle.
            Row(h, "GC CPU cost", ReportFormat.GcCostParts(g));
            Row(h, "idle marking", $"a further {ReportFormat.Pct(g.IdleFraction)} on otherwise idle processors (free, not counted): {ReportFormat.GcCpuParts(g)}");
            Row(h, "runtime's U%", $"{g.RuntimeCpuPctLast?.ToString(Inv) ?? "–"}% (cumulative since program start, without idle marking)");
        }
        if (m.LiveMbFirst is not null)
        {
            Row(h, "live heap", $"{ReportFormat.Mb(m.LiveMbFirst)} → {ReportFormat.Mb(m.LiveMbLast)} (min {ReportFormat.Mb(m.LiveMbMin)}, max {ReportFormat.Mb(m.LiveMbMax)})");
            Row(h, "live heap trend", $"{ReportFormat.SignedRate(m.LiveSlopeMbPerMin, "MB/min")} (least squares), lower envelope {(m.EnvelopeRising ? "rising" : "flat")}");
            Row(h, "allocation", $"{ReportFormat.Rate(m.AllocRateMbPerS, "MB/s")}, {ReportFormat.Rate(m.GcPerS, "GC/s")}");
            Row(h, "heap goal (last)", ReportFormat.Mb(m.GoalMbLast));
            Row(h, "inferred GOGC", m.InferredGogc?.ToString(Inv) ?? "? (see the notes)");
        }
        h.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Pauses(StringBuilder h, DistributionSummary p)
    {
        if (p.Count == 0) return;
        h.Append("<section id=\"pauses\">\n<h2>Stop-the-world pauses</h2>\n<table class=\"pct\">\n<thead><tr>");
        foreach (var name in new[] { "p50", "p90", "p95", "p99", "p99.9", "max", "mean", "total", "cycles" }) h.Append($"<th class=\"num\">{name}</th>");
        h.Append("</tr></thead>\n<tbody><tr>");
        foreach (var v in new[] { p.P50, p.P90, p.P95, p.P99, p.P999, p.Max, p.Mean, p.Total }) h.Append($"<td class=\"num\">{ReportFormat.Ms(v)}</td>");
        h.Append($"<td class=\"num\">{ReportFormat.Count(p.Count)}</td></tr></tbody>\n</table>\n</section>\n");
    }

    private static void Windows(StringBuilder h, GcCpuSummary g, decimal spanS)
    {
        if (g.Windows.Count == 0) return;
        h.Append("<section id=\"windows\">\n<h2>GC CPU per window</h2>\n<table class=\"windows\">\n<thead><tr><th class=\"num\">start</th><th class=\"num\">width</th><th class=\"num\">cycles</th><th class=\"num\">GC CPU</th><th class=\"num\">stop-the-world</th><th class=\"num\">assist</th><th class=\"num\">background</th><th class=\"num\">idle</th></tr></thead>\n<tbody>\n");
        foreach (var w in g.Windows)
        {
            // The last window ends with the trace, not at its nominal width; its shares are of the time it covers.
            var width = Math.Min(w.WidthS, Math.Max(0, spanS - w.StartS));
            // Stop-the-world is what the window's total holds beyond its three concurrent parts; the printed parts are
            // rounded to add up to the printed total.
            var (assist, background, idle) = (w.AssistFraction ?? 0, w.BackgroundFraction ?? 0, w.IdleFraction ?? 0);
            var stw = Math.Max(0, (w.Fraction ?? 0) - assist - background - idle);
            var parts = w.Fraction is { } f ? ReportFormat.PctParts(f, [stw, assist, background, idle]) : ["–", "–", "–", "–"];
            h.Append($"<tr><td class=\"num\">{ReportFormat.Seconds(w.StartS)}</td><td class=\"num\">{ReportFormat.Seconds(width)}</td><td class=\"num\">{ReportFormat.Count(w.Cycles)}</td>");
            h.Append($"<td class=\"num\">{ReportFormat.Pct(w.Fraction)}</td>");
            foreach (var part in parts) h.Append($"<td class=\"num\">{part}</td>");
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Input(StringBuilder h, InputSummary i)
    {
        h.Append("<section id=\"input\">\n<h2>Input</h2>\n<table class=\"kv\">\n<tbody>\n");
        Row(h, "lines read", ReportFormat.Count(i.Lines));
        Row(h, "gc lines", $"{ReportFormat.Count(i.GcLines)} ({ReportFormat.Count(i.RepairedGcLines)} repaired after other output was written into them)");
        Row(h, "other trace lines", ReportFormat.Count(i.OtherTraceLines));
        Row(h, "application lines", ReportFormat.Count(i.AppLines));
        Row(h, "unrecognized gc lines", ReportFormat.Count(i.UnrecognizedGcLines));
        h.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Row(StringBuilder h, string key, string value) => h.Append($"<tr><th>{E(key)}</th><td>{E(value)}</td></tr>\n");

    internal static string Signed(long bytes) => (bytes >= 0 ? "+" : "−") + ReportFormat.BytesAsMb(Math.Abs(bytes));

    internal static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Slug(string kind) => SlugChars().Replace(kind.ToLowerInvariant(), "-");

    /// <summary>
    /// An SVG document as an element inside HTML: no XML declaration, no namespace URLs (HTML's parser puts &lt;svg&gt;
    /// in the SVG namespace itself, and the page should carry no http reference at all), scaled to the page's width.
    /// </summary>
    public static string InlineSvg(string svg)
    {
        var s = XmlDeclaration().Replace(svg, "");
        s = NamespaceAttribute().Replace(s, "");
        var open = SvgOpen().Match(s);
        if (!open.Success) return s;
        var tag = open.Value;
        var width = Attribute(tag, "width");
        var height = Attribute(tag, "height");
        if (width is not null && height is not null && Attribute(tag, "viewBox") is null)
        {
            var fixedTag = WidthHeight().Replace(tag, "");
            fixedTag = fixedTag.Insert(fixedTag.Length - 1, $" viewBox=\"0 0 {width} {height}\" role=\"img\"");
            s = s[..open.Index] + fixedTag + s[(open.Index + tag.Length)..];
        }
        return s.Trim();
    }

    private static string? Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, "\\s" + name + "=\"([^\"]*)\"");
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugChars();

    [GeneratedRegex(@"<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"\s+xmlns(:\w+)?=""[^""]*""")]
    private static partial Regex NamespaceAttribute();

    [GeneratedRegex(@"<svg\b[^>]*>")]
    private static partial Regex SvgOpen();

    [GeneratedRegex(@"\s(width|height)=""[^""]*""")]
    private static partial Regex WidthHeight();

    private const string Css = """
        :root { --fg: #1d2329; --muted: #5b6570; --line: #d8dde3; --bg: #ffffff; --band: #f4f6f8;
                --leak: #b2182b; --pressure: #d95f02; --healthy: #1a7f37; --inconclusive: #5b6570; }
        * { box-sizing: border-box; }
        html { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--fg); background: var(--bg); }
        main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 48px; }
        h1 { font-size: 1.6rem; margin: 0; }
        h2 { font-size: 1.2rem; margin: 1.8em 0 .5em; padding-bottom: .2em; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1rem; margin: .2em 0 .5em; }
        .sub { color: var(--muted); margin: .2em 0 0; }
        code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; }
        pre { background: var(--band); padding: 10px 12px; border-radius: 6px; white-space: pre-wrap; word-break: break-all; }
        .verdict { margin-top: 1.2em; padding: 4px 18px 10px; border-left: 6px solid var(--inconclusive); background: var(--band); border-radius: 6px; }
        .verdict h2 { border: 0; margin-top: .6em; }
        .verdict .kind { text-transform: uppercase; letter-spacing: .04em; }
        .verdict .conf { color: var(--muted); font-weight: normal; }
        .v-leak { border-left-color: var(--leak); } .v-leak .kind { color: var(--leak); }
        .v-gc-pressure { border-left-color: var(--pressure); } .v-gc-pressure .kind { color: var(--pressure); }
        .v-healthy { border-left-color: var(--healthy); } .v-healthy .kind { color: var(--healthy); }
        .suspect { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; margin: .8em 0; }
        .pattern { font-weight: normal; background: var(--band); border: 1px solid var(--line); border-radius: 10px; padding: 0 8px; font-size: .85em; }
        .growth { color: var(--leak); }
        table { border-collapse: collapse; width: 100%; margin: .4em 0; font-variant-numeric: tabular-nums; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        thead th { background: var(--band); font-weight: 600; }
        .num { text-align: right; white-space: nowrap; }
        table.kv th { width: 13em; font-weight: 600; color: var(--muted); }
        table.snapshots { width: auto; min-width: 50%; }
        td.bar { width: 40%; } td.bar span { display: block; height: .8em; background: var(--leak); opacity: .7; border-radius: 2px; }
        ol.stack { margin: .3em 0; padding-left: 2em; }
        .label { display: inline-block; min-width: 6.5em; color: var(--muted); font-size: .9em; }
        .muted { color: var(--muted); font-weight: normal; }
        .suspect p { margin: .3em 0; }
        .suspect code.loc { color: var(--muted); }
        .suspect code.code { background: var(--band); border-radius: 3px; padding: 1px 5px; }
        .evidence { border-left: 3px solid var(--line); padding-left: 10px; }
        .path ol { margin: .2em 0 .4em; padding-left: 2.2em; }
        .path li { margin: 0; }
        .series { display: flex; flex-wrap: wrap; gap: 0 24px; }
        .series table.snapshots { min-width: 0; width: auto; flex: 0 1 460px; }
        table.snapshots td, table.snapshots th { padding: 2px 8px; white-space: nowrap; }
        figure.listing { margin: .8em 0 .6em; }
        figure.listing figcaption { font-weight: normal; font-size: .9em; }
        table.listing { width: 100%; font-size: .88em; }
        table.listing td, table.listing th { padding: 1px 8px; border-bottom: 0; }
        table.listing td.num { color: var(--muted); width: 7em; }
        table.listing td:nth-child(3) { width: 3.5em; }
        table.listing code { white-space: pre; tab-size: 4; font-size: 1em; }
        table.listing tr.hit td { background: #fdecea; color: var(--fg); font-weight: 600; }
        table.listing tr.gap td { color: var(--muted); padding: 0 8px; line-height: 1; }
        figure { margin: 1em 0 1.6em; page-break-inside: avoid; break-inside: avoid; }
        figcaption { font-weight: 600; margin-bottom: .3em; }
        figure svg { width: 100%; height: auto; display: block; border: 1px solid var(--line); border-radius: 4px; }
        footer { margin-top: 2.5em; color: var(--muted); font-size: .85em; }
        @media print {
          html { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          @page { size: A4; margin: 14mm 12mm; }
          section, article, table, figure { break-inside: avoid; page-break-inside: avoid; }
          #windows table { break-inside: auto; page-break-inside: auto; }
          h2 { break-after: avoid; page-break-after: avoid; }
          .verdict, thead th, td.bar span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          details > summary { list-style: none; }
        }

        """;
}
