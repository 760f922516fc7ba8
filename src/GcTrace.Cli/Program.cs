// Entry point of gctrace-pipe: parse the command line, run, map failures to exit codes. Wiring only.
using System.CommandLine;
using GcTrace.Cli;

var root = CommandLine.Build();
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    Console.Error.WriteLine($"gctrace-pipe: {OptionChecks.Plain(parsed.Errors[0].Message)} (see gctrace-pipe --help)");
    return ExitCodes.Usage;
}
if (parsed.Action is not null && parsed.CommandResult.Command == root && parsed.Tokens.Any(t => CommandLine.IsInformational(t.Value)))
    return parsed.Invoke();

Avx2Twin.ReplaceProcessIfFaster(args, parsed.GetValue(CommandLine.Files) ?? []);

var (options, error) = CommandLine.Validate(parsed);
if (options is null)
{
    Console.Error.WriteLine($"gctrace-pipe: {error}");
    return ExitCodes.Usage;
}

// SIGINT/SIGTERM/SIGHUP (and SIGQUIT after a grace) stop reading; what was read is analysed and every output written.
using var stop = new StopSignals();
try
{
    return await Runner.RunAsync(options, stop.Token);
}
catch (Exception e)
{
    return ExitCodes.Report(e);
}
