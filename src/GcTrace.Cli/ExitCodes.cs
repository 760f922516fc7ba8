// The one place that maps failures to exit codes and one-line messages: 0 ok, 1 --fail-on, 2 usage or unreadable input.
using GcTrace.Pipeline;

namespace GcTrace.Cli;

internal static class ExitCodes
{
    /// <summary>Returns the exit code for <paramref name="e"/> after printing at most one line.</summary>
    public static int Report(Exception e)
    {
        switch (e)
        {
            case OperationCanceledException:
                return Runner.Ok;
            case IOException io when IsBrokenPipe(io):
                return Runner.Ok; // `| head -1`: the reader is gone, which is not an error
            case InputException or OutputException:
                Console.Error.WriteLine($"gctrace-pipe: {e.Message}");
                return Runner.Usage;
            case AggregateException { InnerExceptions.Count: > 0 } agg:
                return Report(agg.InnerExceptions[0]);
            default:
                Console.Error.WriteLine($"gctrace-pipe: {e.GetType().Name}: {e.Message}");
                return Runner.Usage;
        }
    }

    // EPIPE surfaces as an IOException with HResult 32 (errno) on Linux.
    public static bool IsBrokenPipe(IOException e) =>
        (e.HResult & 0xFFFF) == 32 || e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);
}
