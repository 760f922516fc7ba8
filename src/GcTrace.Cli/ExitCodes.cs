// The one place that maps a run's outcome or failure to an exit code (0 ok, 1 --fail-on, 2 usage or input, 3 output).
using GcTrace.Output;
using GcTrace.Pipeline;

namespace GcTrace.Cli;

internal static class ExitCodes
{
    public const int Ok = 0;
    public const int ConditionFailed = 1;
    public const int Usage = 2;

    // Bad usage and unreadable input stop a run before it is worth anything; a failed output leaves a run whose report
    // was printed and whose other outputs were written, which a script must be able to tell apart.
    public const int InputFailed = 2;
    public const int OutputFailed = 3;

    /// <summary>The exit code of a run that completed: a failed output beats a held --fail-on condition.</summary>
    public static int Of(bool outputFailed, bool conditionHeld) =>
        outputFailed ? OutputFailed : conditionHeld ? ConditionFailed : Ok;

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
                // Unexpected: the run did not complete, so nothing it wrote can be trusted.
                Console.Error.WriteLine($"gctrace-pipe: {e.GetType().Name}: {e.Message}");
                return Usage;
        }
    }
}
