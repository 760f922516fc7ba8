// The one place that maps a run's outcome or failure to an exit code (0 ok, 1 --fail-on, 2 usage, input or output).
using GcTrace.Output;
using GcTrace.Pipeline;

namespace GcTrace.Cli;

internal static class ExitCodes
{
    public const int Ok = 0;
    public const int ConditionFailed = 1;
    public const int Usage = 2;

    // The output contract has one code for everything that stops a run being trusted: bad usage, unreadable input
    // and an output that could not be written share 2, under their own names here.
    public const int InputFailed = 2;
    public const int OutputFailed = 2;

    /// <summary>The exit code of a run that completed: a failed output beats a held --fail-on condition.</summary>
    public static int Of(TraceRunResult result, bool conditionHeld) =>
        result.Failures.Count > 0 ? OutputFailed : conditionHeld ? ConditionFailed : Ok;

    /// <summary>Returns the exit code for <paramref name="e"/> after printing at most one line.</summary>
    public static int Report(Exception e)
    {
        switch (e)
        {
            case OperationCanceledException:
                return Ok;
            case IOException io when OutputFiles.IsBrokenPipe(io):
                return Ok; // `| head -1`: the reader is gone, which is not an error
            case InputException:
                Console.Error.WriteLine($"gctrace-pipe: {e.Message}");
                return InputFailed;
            case OutputException:
                Console.Error.WriteLine($"gctrace-pipe: {e.Message}");
                return OutputFailed;
            case AggregateException { InnerExceptions.Count: > 0 } agg:
                return Report(agg.InnerExceptions[0]);
            default:
                Console.Error.WriteLine($"gctrace-pipe: {e.GetType().Name}: {e.Message}");
                return OutputFailed;
        }
    }
}
