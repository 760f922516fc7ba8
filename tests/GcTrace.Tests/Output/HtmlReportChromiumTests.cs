// --html in a real browser: headless Chromium loads the file, screenshots it, prints it to PDF; no request leaves it.
using System.Text.Json;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Output;

public class HtmlReportChromiumTests
{
    private static string Script => Path.Combine(RepoPaths.Root, "tests", "GcTrace.Tests", "Output", "html_chromium.py");

    private static readonly string Run = Path.Combine(RepoPaths.Corpus, "go1.19", "leak_global_map");

    private static (string Html, JsonElement Summary, string Dir) Report()
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-html-").FullName;
        var html = Path.Combine(dir, "report.html");
        var json = Path.Combine(dir, "summary.json");
        var heaps = string.Join(' ', Directory.GetFiles(Run, "heap-*.pb.gz").Order(StringComparer.Ordinal).Select(f => $"'{f}'"));
        var r = CliProcess.Run($"'{Path.Combine(Run, "combined.log")}' --heap-profile {heaps} --json '{json}' --html '{html}'");
        r.ExitCode.Should().Be(0, r.Stderr);
        return (html, JsonDocument.Parse(File.ReadAllText(json)).RootElement, dir);
    }

    [Fact]
    public void Html_LeakRunWithProfiles_RendersInChromiumWithTheVerdictPrintsAndRequestsNothing()
    {
        var (html, summary, dir) = Report();
        var verdict = summary.GetProperty("verdict");
        var kind = verdict.GetProperty("kind").GetString()!;
        var suspect = verdict.GetProperty("suspects")[0].GetProperty("function").GetString()!;
        var shot = Path.Combine(dir, "report.png");

        var r = CliProcess.Shell($"{Pandas.Python} '{Script}' '{html}' '{shot}' '{Path.Combine(dir, "report.pdf")}' 'Verdict: {kind}' '{suspect}' 'p99.9' 'GC CPU per window' 'application lines' 'gctrace-pipe '", timeout: TimeSpan.FromMinutes(4));

        r.ExitCode.Should().Be(0, r.Stdout + r.Stderr);
        PngFile.HasSignature(File.ReadAllBytes(shot)).Should().BeTrue();
    }

    [Fact]
    public void Html_Content_EverySectionFromTheRunAndTheCommandLine()
    {
        var (html, summary, _) = Report();
        var text = File.ReadAllText(html);

        text.Should().StartWith("<!DOCTYPE html>");
        text.Should().NotMatchRegex("https?://", "no reference may leave the file");
        text.Should().NotContain("<script").And.NotContain("@font-face").And.NotContain("<link");
        foreach (var id in new[] { "verdict", "suspects", "notes", "numbers", "pauses", "charts", "windows", "input", "command" })
            text.Should().Contain($"<section id=\"{id}\"", id);
        // Every chart inline, every analysis window a row, the suspects' stacks with source lines, the command line.
        System.Text.RegularExpressions.Regex.Matches(text, "<figure>").Count.Should().Be(5, "pauses, distribution, heap, GC CPU, leak sites");
        var windows = summary.GetProperty("gc_cpu").GetProperty("windows").GetArrayLength();
        System.Text.RegularExpressions.Regex.Matches(text[text.IndexOf("id=\"windows\"", StringComparison.Ordinal)..], "<tr><td class=\"num\">").Count.Should().Be(windows);
        // The last window is as wide as the data it holds (the trace ends inside it), not its nominal 10 s.
        var lastWindow = summary.GetProperty("gc_cpu").GetProperty("windows")[windows - 1];
        var trueWidth = summary.GetProperty("gc").GetProperty("span_s").GetDecimal() - lastWindow.GetProperty("start_s").GetDecimal();
        trueWidth.Should().BeLessThan(lastWindow.GetProperty("width_s").GetDecimal());
        text.Should().Contain($"<td class=\"num\">{trueWidth.ToString("#,0.000", System.Globalization.CultureInfo.InvariantCulture)} s</td>");
        text.Should().MatchRegex(@"main\.go:\d+", "the stack names source lines");
        // The corpus run comes without its sources: the listing has the lines that grew and says why there is no code.
        text.Should().Contain("ROUTINE <code>main.cacheResult</code>").And.Contain("source file not found");
        text.Should().Contain("--html").And.Contain("combined.log");
        // The GC's cost leads the key numbers (idle marking apart), with the summary's cost_fraction as a percentage.
        var cost = summary.GetProperty("gc_cpu").GetProperty("cost_fraction").GetDouble() * 100;
        text.Should().Contain($"<th>GC CPU cost</th><td>{cost.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}% of available CPU");
        text.IndexOf("GC CPU cost", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("idle marking", StringComparison.Ordinal));
        text.Should().Contain($"{summary.GetProperty("input").GetProperty("app_lines").GetInt64()}</td>");
    }

    [Fact]
    public void Html_SourceLeakRun_SuspectShowsItsSiteLineAndPprofListingInChromium()
    {
        // src_map with its sources: the suspect's site, call path and function listing, whose growth at the site line
        // is what `go tool pprof -list -base` printed for it when the run was recorded.
        var run = Path.Combine(RepoPaths.Fixtures, "runs", "src_map");
        var dir = Directory.CreateTempSubdirectory("gctrace-html-").FullName;
        var html = Path.Combine(dir, "report.html");
        var r = CliProcess.Run($"'{run}/combined.log' --heap-profile '{run}'/heap-*.pb.gz --goroutine-profile '{run}'/goroutine-*.pb.gz --source '{Path.Combine(RepoPaths.Fixtures, "src")}' --html '{html}'");
        r.ExitCode.Should().Be(0, r.Stderr);
        var pprofLine = File.ReadLines(Path.Combine(run, "heap-base-000-007.list.txt"))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\s*(\d+\.\d\d)MB\s+\S+\s+15:")).First(m => m.Success);

        var check = CliProcess.Shell($"{Pandas.Python} '{Script}' '{html}' '{Path.Combine(dir, "report.png")}' '{Path.Combine(dir, "report.pdf")}' " +
            "'Verdict: leak' 'main.cacheResult unbounded-map' 'site main.go:15 v := make([]byte, 8' 'call path' 'main.main.func1 main.go:32 cacheResult(id)' " +
            $"'ROUTINE main.cacheResult in gcfixtures/src_map/main.go' '+{pprofLine.Groups[1].Value} MB +{pprofLine.Groups[1].Value} MB 15' 'func cacheResult(id int) {{' 'v[0] = byte(id)'",
            timeout: TimeSpan.FromMinutes(4));

        check.ExitCode.Should().Be(0, check.Stdout + check.Stderr);
    }

    [Fact]
    public void NetworkCheck_PageThatFetches_IsCaught()
    {
        // The checker itself must be able to fail: the same report with the policy removed and two remote references.
        var (html, _, dir) = Report();
        var bad = Path.Combine(dir, "fetching.html");
        var text = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(html), "<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "");
        File.WriteAllText(bad, text.Replace("<main>", "<main><img src=\"http://example.invalid/pixel.png\">", StringComparison.Ordinal));

        var r = CliProcess.Shell($"{Pandas.Python} '{Script}' --network-only '{bad}'", timeout: TimeSpan.FromMinutes(2));

        r.ExitCode.Should().Be(1, r.Stdout + r.Stderr);
        r.Stdout.Should().Contain("http://example.invalid/pixel.png");
    }
}
