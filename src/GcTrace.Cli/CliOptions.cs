// The validated options of one run, independent of how they were spelled on the command line.
using GcTrace.Output.Charts;

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

    public bool ReadsStandardInput => Inputs.Contains(Pipeline.InputOpener.StandardInput);
}
