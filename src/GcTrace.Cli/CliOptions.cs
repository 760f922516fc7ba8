// The validated options of one run, independent of how they were spelled on the command line.
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Output.Charts;
using GcTrace.Tuning;
using GcTrace.Output.Monitoring;

namespace GcTrace.Cli;

internal sealed record CliOptions(
    IReadOnlyList<string> Inputs,
    bool Passthrough,
    string? JsonPath,
    string? EventsPath,
    string? CsvPath,
    string? PngDir,
    ChartOptions Charts)
{
    public const string Stdout = "-";

    public IReadOnlyList<FailCondition> FailOn { get; init; } = [];

    public CycleFilter Filter { get; init; } = CycleFilter.None;

    public TimeSpan? Interval { get; init; }

    public StatusMode Status { get; init; } = StatusMode.Auto;

    public IReadOnlyList<string> HeapProfiles { get; init; } = [];

    public IReadOnlyList<string> GoroutineProfiles { get; init; } = [];

    public Uri? PprofUrl { get; init; }

    public TimeSpan PprofInterval { get; init; } = Pipeline.PprofScraper.DefaultInterval;

    public MetricsOptions Metrics { get; init; } = new(null, new Dictionary<string, string>(), null, null, false);

    /// <summary>--html: the self-contained HTML report's path.</summary>
    public string? HtmlPath { get; init; }

    /// <summary>The command line as typed (shell-quoted), shown in the HTML report so it can be run again.</summary>
    public string CommandLine { get; init; } = "gctrace-pipe";

    public IReadOnlyList<GcSetting> WhatIf { get; init; } = [];

    public bool ReadsStandardInput => Inputs.Contains(Pipeline.InputOpener.StandardInput);
}
