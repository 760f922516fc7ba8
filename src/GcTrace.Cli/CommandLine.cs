// Declares the options of the output contract and turns a parse into validated CliOptions; a bad value is exit 2.
using System.Buffers;
using System.CommandLine;
using System.Text;
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Output.Charts;
using GcTrace.Tuning;
using GcTrace.Output.Monitoring;

namespace GcTrace.Cli;

internal static class CommandLine
{
    /// <summary>True for the arguments that only print (help, version): they read no input.</summary>
    public static bool IsInformational(string arg) => arg is "--help" or "-h" or "-?" or "--version";

    private const string Examples = """
        Reads Go GODEBUG=gctrace=1 output from a pipe or from files (plain or gzip) and reports stop-the-world pauses,
        GC CPU and the live-heap trend. In pipe mode the application's own lines pass through to stdout unchanged;
        reading FILEs, nothing is passed through.

        Examples:
          GODEBUG=gctrace=1 ./myapp 2>&1 | gctrace-pipe                 live: app output on stdout, report on stderr
          gctrace-pipe app.log --json summary.json --csv cycles.csv     archived log to a summary and one row per cycle
          gctrace-pipe app.log.gz --events - | jq 'select(.stw_total_ms > 1)'
          gctrace-pipe app.log --png charts --html report.html          charts as PNG files, and one HTML report to share
          GODEBUG=gctrace=1 ./myapp 2>&1 | gctrace-pipe --pprof http://127.0.0.1:6060
                                                                        also scrape heap/goroutine profiles: names leak sites
          gctrace-pipe app.log --fail-on 'stw.p99>5ms' --fail-on 'gc_cpu>25%' --fail-on 'verdict=leak'
                                                                        CI gate: every number carries its unit
          gctrace-pipe app.log --what-if GOGC=200 --what-if GOMEMLIMIT=512MiB   predicted GC rate, cost and peak heap

        Exit codes: 0 ok; 1 a --fail-on condition holds (each one is printed with its measured value);
                    2 usage error or unreadable input; 3 an output could not be written (the report is still printed).
        """;

    public static readonly Argument<string[]> Files = new("FILE")
    {
        Description = "Input files, plain or gzip; '-' or none reads standard input.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static readonly Option<bool> NoPassthrough = new("--no-passthrough") { Description = "In pipe mode, do not write the application's lines to stdout." };
    public static readonly Option<string?> Json = new("--json") { Description = "Write the summary JSON to PATH ('-' = stdout, which turns passthrough off).", HelpName = "PATH|-" };
    public static readonly Option<string?> Events = new("--events") { Description = "Write one JSON object per parsed event (JSON Lines) to PATH or '-'.", HelpName = "PATH|-" };
    public static readonly Option<string?> Csv = new("--csv") { Description = "Write one CSV row per GC cycle to PATH.", HelpName = "PATH" };

    public static readonly Option<string?> Png = new("--png") { Description = "Write charts (pauses, pause distribution, heap, GC CPU) as PNG files into DIR.", HelpName = "DIR" };
    public static readonly Option<string?> Html = new("--html") { Description = "Write one self-contained HTML report (verdict, suspects, charts, tables; no network needed) to FILE.", HelpName = "FILE" };
    public static readonly Option<string?> PngSize = new("--png-size") { Description = "Chart size, default 1200x600.", HelpName = "WxH" };

    public static readonly Option<string[]> FailOn = new("--fail-on")
    {
        Description = "Exit 1 when a condition holds, e.g. 'stw.p99>5ms', 'gc_cpu>25%', 'live_slope>1MB/min', 'verdict=leak'. Repeatable.",
        HelpName = "COND",
    };
    public static readonly Option<string?> MinStw = new("--min-stw") { Description = "Only cycles whose stop-the-world total is at least this, e.g. 1ms.", HelpName = "DURATION" };
    public static readonly Option<string?> Since = new("--since") { Description = "Only cycles at or after this trace time (@S, seconds).", HelpName = "SECONDS" };
    public static readonly Option<string?> Until = new("--until") { Description = "Only cycles at or before this trace time (@S, seconds).", HelpName = "SECONDS" };
    public static readonly Option<ForcedFilter> Forced = new("--forced")
    {
        Description = "Which cycles to keep by their (forced) mark.",
        HelpName = "all|only|exclude",
        DefaultValueFactory = _ => ForcedFilter.All,
        CustomParser = r => OptionChecks.Enum(r, "--forced", ForcedFilter.All),
    };
    public static readonly Option<string?> Interval = new("--interval") { Description = "Print a summary line on stderr every DURATION (e.g. 30s), for long runs in containers.", HelpName = "DURATION" };
    public static readonly Option<StatusMode> Status = new("--status")
    {
        Description = "The live status line on stderr: auto (when stderr is a terminal), always, never.",
        HelpName = "auto|always|never",
        DefaultValueFactory = _ => StatusMode.Auto,
        CustomParser = r => OptionChecks.Enum(r, "--status", StatusMode.Auto),
    };

    public static readonly Option<string[]> HeapProfile = new("--heap-profile")
    {
        Description = "pprof heap profiles (gzipped protobuf or debug=1 text) to correlate with the trace; ordered by their own timestamps.",
        HelpName = "FILE",
        AllowMultipleArgumentsPerToken = true,
    };
    public static readonly Option<string[]> GoroutineProfile = new("--goroutine-profile")
    {
        Description = "pprof goroutine profiles (protobuf, debug=1 or debug=2 text).",
        HelpName = "FILE",
        AllowMultipleArgumentsPerToken = true,
    };
    public static readonly Option<string[]> Source = new("--source")
    {
        Description = "Where the program's Go sources are (repeatable): each suspect's line is quoted and its leak pattern read from the code. A recorded path is tried as it is, then its suffixes under each DIR (point DIR at the module root).",
        HelpName = "DIR",
    };
    public static readonly Option<string?> Pprof = new("--pprof") { Description = "Scrape URL/debug/pprof/heap and /goroutine while the trace streams.", HelpName = "URL" };
    public static readonly Option<string[]> WhatIf = new("--what-if")
    {
        Description = "Predict GC rate, GC cost and peak heap under another setting, e.g. GOGC=200, GOMEMLIMIT=512MiB, GOGC=off,GOMEMLIMIT=1GiB. Repeatable.",
        HelpName = "SETTING",
    };
    public static readonly Option<string?> PprofInterval = new("--pprof-interval") { Description = "How often --pprof scrapes (default 15s).", HelpName = "DURATION" };

    public static readonly Option<string?> MetricsListen = new("--metrics-listen")
    {
        Description = "Serve Prometheus metrics at http://ADDR/metrics while the pipe runs, e.g. 127.0.0.1:9464 or :9464 (every interface).",
        HelpName = "ADDR",
    };
    public static readonly Option<string[]> Label = new("--label") { Description = "A constant label on every metric, e.g. service=api. Repeatable.", HelpName = "KEY=VALUE" };
    public static readonly Option<string?> PushgatewayUrl = new("--pushgateway") { Description = "Push the final metrics to this Prometheus Pushgateway when the run ends (needs --job).", HelpName = "URL" };
    public static readonly Option<string?> Job = new("--job") { Description = "The Pushgateway job name.", HelpName = "NAME" };
    public static readonly Option<bool> PushRequired = new("--push-required") { Description = "Exit 2 when the push fails (default: a warning on stderr)." };

    public static RootCommand Build() => new(Examples)
    {
        Files, NoPassthrough, Json, Events, Csv, Png, Html, PngSize, FailOn, MinStw, Since, Until, Forced, Interval, Status,
        HeapProfile, GoroutineProfile, Source, Pprof, PprofInterval, WhatIf, MetricsListen, Label, PushgatewayUrl, Job, PushRequired,
    };

    private static (MetricsOptions? Options, string? Error) ValidateMetrics(ParseResult r)
    {
        try
        {
            var listen = r.GetValue(MetricsListen) is { } addr ? ListenAddress.Parse(addr) : null;
            var labels = ConstantLabels.Parse(r.GetValue(Label) ?? []);
            Uri? gateway = null;
            if (r.GetValue(PushgatewayUrl) is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out gateway) || gateway.Scheme is not ("http" or "https")))
                return (null, $"--pushgateway: '{url}' is not an http:// or https:// URL");
            var job = r.GetValue(Job);
            if (gateway is not null && string.IsNullOrEmpty(job)) return (null, "--pushgateway needs --job NAME");
            if (gateway is null && (job is not null || r.GetValue(PushRequired))) return (null, "--job and --push-required need --pushgateway URL");
            if (gateway is null && listen is null && labels.Count > 0) return (null, "--label needs --metrics-listen or --pushgateway");
            return (new MetricsOptions(listen, labels, gateway, job, r.GetValue(PushRequired)), null);
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>The options, or a one-line error for a value that makes no sense.</summary>
    public static (CliOptions? Options, string? Error) Validate(ParseResult r)
    {
        var inputs = r.GetValue(Files) is { Length: > 0 } f ? f : [Pipeline.InputOpener.StandardInput];
        if (inputs.Count(i => i == Pipeline.InputOpener.StandardInput) > 1) return (null, "standard input ('-') can be read only once");
        var json = r.GetValue(Json);
        var events = r.GetValue(Events);
        var csv = r.GetValue(Csv);
        if (json == CliOptions.Stdout && events == CliOptions.Stdout) return (null, "--json - and --events - cannot both write to stdout");
        if (csv == CliOptions.Stdout) return (null, "--csv needs a file path");
        var unknown = inputs.FirstOrDefault(i => i.StartsWith("--", StringComparison.Ordinal) && !File.Exists(i));
        if (unknown is not null) return (null, $"unknown option {unknown}");
        var charts = ChartOptions.Default;
        if (r.GetValue(PngSize) is { } size)
        {
            try
            {
                charts = charts.WithSize(ChartSize.Parse(size));
            }
            catch (FormatException e)
            {
                return (null, e.Message);
            }
        }
        List<FailCondition> failOn;
        CycleFilter filter;
        TimeSpan? interval = null;
        try
        {
            failOn = (r.GetValue(FailOn) ?? []).Select(FailCondition.ParseText).ToList();
            filter = new CycleFilter(
                r.GetValue(MinStw) is { } ms ? FailCondition.ParseDurationMs(ms, "--min-stw") : null,
                r.GetValue(Since) is { } since ? Quantity.ParseTraceSeconds(since, "--since") : null,
                r.GetValue(Until) is { } until ? Quantity.ParseTraceSeconds(until, "--until") : null,
                r.GetValue(Forced));
            if (r.GetValue(Interval) is { } iv) interval = TimeSpan.FromMilliseconds((double)FailCondition.ParseDurationMs(iv, "--interval"));
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
        if (interval is { } i && i < TimeSpan.FromSeconds(1)) return (null, "--interval must be at least 1s");
        Uri? pprof = null;
        if (r.GetValue(Pprof) is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out pprof) || pprof.Scheme is not ("http" or "https")))
            return (null, $"--pprof: '{url}' is not an http:// or https:// URL");
        var pprofInterval = Pipeline.PprofScraper.DefaultInterval;
        if (r.GetValue(PprofInterval) is { } pi)
        {
            try
            {
                pprofInterval = TimeSpan.FromMilliseconds((double)FailCondition.ParseDurationMs(pi, "--pprof-interval"));
            }
            catch (FormatException e)
            {
                return (null, e.Message);
            }
        }
        List<GcSetting> whatIf;
        try
        {
            whatIf = (r.GetValue(WhatIf) ?? []).Select(GcSetting.Parse).ToList();
        }
        catch (FormatException e)
        {
            return (null, $"--what-if {e.Message}");
        }
        var (metrics, metricsError) = ValidateMetrics(r);
        if (metrics is null) return (null, metricsError);
        var passthrough = !r.GetValue(NoPassthrough) && json != CliOptions.Stdout && events != CliOptions.Stdout;
        return (new CliOptions(inputs, passthrough, json, events, csv, r.GetValue(Png), charts)
        {
            FailOn = failOn,
            Filter = filter,
            Interval = interval,
            Status = r.GetValue(Status),
            HeapProfiles = r.GetValue(HeapProfile) ?? [],
            GoroutineProfiles = r.GetValue(GoroutineProfile) ?? [],
            SourceDirs = r.GetValue(Source) ?? [],
            PprofUrl = pprof,
            PprofInterval = pprofInterval,
            HtmlPath = r.GetValue(Html),
            CommandLine = ShellQuoted(Environment.GetCommandLineArgs()),
            WhatIf = whatIf,
            Metrics = metrics,
        }, null);
    }

    private static readonly SearchValues<char> ShellPlain =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./=:,@%+");

    /// <summary>"gctrace-pipe" and the arguments, each quoted for a POSIX shell where it needs it.</summary>
    private static string ShellQuoted(string[] commandLine)
    {
        // GetCommandLineArgs: [program or dll, args...]; under `dotnet x.dll` the dll comes first as well. A plain loop:
        // LINQ's generic virtual calls are resolved by the type loader on first use, ~0.3 ms of a native start.
        var quoted = new StringBuilder("gctrace-pipe");
        for (var i = 1; i < commandLine.Length; i++)
        {
            var a = commandLine[i];
            var plain = a.Length > 0 && a.AsSpan().IndexOfAnyExcept(ShellPlain) < 0;
            quoted.Append(' ').Append(plain ? a : "'" + a.Replace("'", "'\\''") + "'");
        }

        return quoted.ToString();
    }
}
