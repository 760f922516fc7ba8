// The report's suspects: each one's site and code, the evidence, the call path, what started its goroutines, its
// growth per snapshot and its function listed with each line's growth, as `go tool pprof -list` prints it.
using System.Globalization;
using System.Text;

namespace GcTrace.Output.Html;

internal static class HtmlSuspectWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(StringBuilder h, IReadOnlyList<HtmlSuspect> suspects)
    {
        if (suspects.Count == 0) return;
        h.Append("<section id=\"suspects\">\n<h2>Suspects</h2>\n");
        foreach (var x in suspects) Suspect(h, x);
        h.Append("</section>\n");
    }

    private static void Suspect(StringBuilder h, HtmlSuspect x)
    {
        h.Append("<article class=\"suspect\">\n");
        h.Append($"<h3><code>{E(x.Function)}</code> <span class=\"pattern\">{E(x.Pattern)}</span> <span class=\"growth\">{Signed(x.GrowthBytes)}</span></h3>\n");
        if (x.Site is { } site)
        {
            h.Append($"<p class=\"site\"><span class=\"label\">site</span> <code class=\"loc\" title=\"{E(site.File)}\">{E(site.Short)}</code>");
            if (site.Code is { Length: > 0 } code) h.Append($" <code class=\"code\">{E(code)}</code>");
            h.Append("</p>\n");
        }
        if (x.Evidence is { } evidence) h.Append($"<p class=\"evidence\">{WithCode(evidence)}</p>\n");
        if (x.CreatedBy is { } created)
        {
            h.Append($"<p class=\"created\"><span class=\"label\">started by</span> <code>{E(created.Function)}</code> <code class=\"loc\" title=\"{E(created.File)}\">{E(created.Short)}</code>");
            if (created.Code is { Length: > 0 } code) h.Append($" <code class=\"code\">{E(code)}</code>");
            h.Append("</p>\n");
        }
        if (x.Path.Count > 0)
        {
            h.Append("<div class=\"path\"><span class=\"label\">call path</span>\n<ol>\n");
            foreach (var f in x.Path)
                h.Append($"<li><code>{E(f.Function)}</code> <code class=\"loc\" title=\"{E(f.File)}\">{E(f.Short)}</code>{(f.Code is { Length: > 0 } c ? $" <code class=\"code\">{E(c)}</code>" : "")}</li>\n");
            h.Append("</ol>\n</div>\n");
        }
        if (x.Growth.Count > 0 || x.Goroutines.Count > 0)
        {
            h.Append("<div class=\"series\">\n");
            if (x.Growth.Count > 0) Series(h, "heap snapshot", "in use", x.Growth.Select(g => (g.Label, g.InuseBytes, ReportFormat.BytesAsMb(g.InuseBytes))));
            if (x.Goroutines.Count > 0) Series(h, "goroutine snapshot", "goroutines parked", x.Goroutines.Select(g => (g.Label, g.Count, ReportFormat.Count(g.Count))));
            h.Append("</div>\n");
        }
        foreach (var listing in x.Listings) Listing(h, listing);
        if (x.Stack.Count > 0)
        {
            h.Append("<details>\n<summary>heaviest stack in the last heap snapshot (innermost first)</summary>\n<ol class=\"stack\">\n");
            foreach (var frame in x.Stack) h.Append($"<li><code>{E(frame)}</code></li>\n");
            h.Append("</ol>\n</details>\n");
        }
        h.Append("</article>\n");
    }

    private static void Series(StringBuilder h, string what, string column, IEnumerable<(string Label, long Value, string Shown)> rows)
    {
        var list = rows.ToList();
        var max = Math.Max(1, list.Max(r => r.Value));
        h.Append($"<table class=\"snapshots\">\n<thead><tr><th>{E(what)}</th><th class=\"num\">{E(column)}</th><th class=\"bar\"></th></tr></thead>\n<tbody>\n");
        foreach (var (label, value, shown) in list)
        {
            var pct = (100.0 * Math.Max(0, value) / max).ToString("0.#", Inv);
            h.Append($"<tr><td>{E(label)}</td><td class=\"num\">{E(shown)}</td><td class=\"bar\"><span style=\"width:{pct}%\"></span></td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n");
    }

    // pprof -list's columns: flat (allocated at the line), cum (at the line or below it), the line, the code.
    private static void Listing(StringBuilder h, HtmlListing l)
    {
        h.Append("<figure class=\"listing\">\n");
        h.Append($"<figcaption>ROUTINE <code>{E(l.Function)}</code> in <code>{E(l.File)}</code> <span class=\"muted\">growth from the first to the last heap snapshot, as <code>go tool pprof -list -base</code> shows it");
        if (!l.SourceFound) h.Append("; source file not found (give <code>--source DIR</code>), so only the lines that grew are listed");
        h.Append("</span></figcaption>\n<table class=\"listing\">\n<thead><tr><th class=\"num\">flat</th><th class=\"num\">cum</th><th class=\"num\">line</th><th>code</th></tr></thead>\n<tbody>\n");
        foreach (var r in l.Rows)
        {
            if (r.GapBefore) h.Append("<tr class=\"gap\"><td></td><td></td><td class=\"num\">⋮</td><td></td></tr>\n");
            h.Append($"<tr{(r.IsSite ? " class=\"hit\"" : "")}><td class=\"num\">{Amount(r.FlatBytes)}</td><td class=\"num\">{Amount(r.CumBytes)}</td><td class=\"num\">{r.Line.ToString(Inv)}</td><td><code>{E(r.Code ?? "")}</code></td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n</figure>\n");
    }

    // "." for nothing, as pprof prints it, so the lines that grew stand out.
    private static string Amount(long? bytes) => bytes is { } b ? Signed(b) : ".";

    /// <summary>A sentence that quotes code in backticks (reasons, evidence), encoded, with the quotes shown as code.</summary>
    public static string WithCode(string sentence)
    {
        var parts = sentence.Split('`');
        var s = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
            s.Append(i % 2 == 1 && i < parts.Length - 1 ? $"<code>{E(parts[i])}</code>" : E(parts[i]));
        return s.ToString();
    }

    private static string Signed(long bytes) => HtmlReportWriter.Signed(bytes);

    private static string E(string text) => HtmlReportWriter.E(text);
}
