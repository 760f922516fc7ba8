// The outputs that failed in this run: each reported once, when it fails, with its option and path; all named at the end.
using GcTrace.Output;
using GcTrace.Output.Charts;
using GcTrace.Pipeline;

namespace GcTrace.Cli;

/// <summary>
/// A failed output never stops the run: it is reported here (thread-safe: sinks fail on their own tasks) and the exit
/// code says so (<see cref="ExitCodes.OutputFailed"/>). Sinks are known by their short name ("csv"); the user knows them
/// by option and path ("--csv out/c.csv"), so that is how every message names them.
/// </summary>
internal sealed class FailedOutputs
{
    private readonly Dictionary<string, string> labels = new(StringComparer.Ordinal);
    private readonly List<string> failed = [];
    private readonly Lock gate = new();

    public bool Any
    {
        get
        {
            lock (gate) return failed.Count > 0;
        }
    }

    /// <summary>Opens <paramref name="path"/> for <paramref name="option"/>, or reports why not and returns null.</summary>
    public Stream? Open(OutputFiles files, string? path, string option) =>
        Try(path, option, () => files.Open(path!, option));

    /// <summary>The opener for a directory of files (--png), or null after reporting why it cannot be made.</summary>
    public Func<string, Stream>? OpenDirectory(OutputFiles files, string? dir, string option) =>
        Try(dir, option, () => files.Directory(dir!, option));

    public void Report(SinkFailure failure)
    {
        string label;
        lock (gate) label = labels.TryGetValue(failure.Sink, out var known) ? known : "--" + failure.Sink;
        var option = label.Split(' ')[0];
        // A write that failed (a full disk) surfaces as .NET's text; the user gets the same plain words as at opening.
        // (Our own IOExceptions, a stalled output or a missing chart library, already say what happened.)
        var fromSystem = failure.Error is (IOException and not OutputStalledException and not ChartLibraryException) or UnauthorizedAccessException;
        var message = fromSystem && label.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space
            ? $"{label}: {OutputPathProblem.Explain(failure.Error, label[(space + 1)..])}"
            : failure.Error.Message;
        Record(label, message.StartsWith(option, StringComparison.Ordinal) ? message : $"{label}: {message}");
    }

    /// <summary>One line naming every output that failed, after the report.</summary>
    public void Summarize()
    {
        lock (gate)
        {
            if (failed.Count > 0) Console.Error.WriteLine($"gctrace-pipe: {failed.Count} {(failed.Count == 1 ? "output" : "outputs")} failed: {string.Join(", ", failed)}");
        }
    }

    private T? Try<T>(string? path, string option, Func<T> open)
        where T : class
    {
        if (path is null) return null;
        var label = $"{option} {path}";
        lock (gate) labels[option.TrimStart('-')] = label;
        try
        {
            return open();
        }
        catch (OutputException e)
        {
            Record(label, e.Message);
            return null;
        }
    }

    private void Record(string label, string message)
    {
        lock (gate)
        {
            if (failed.Contains(label)) return;
            failed.Add(label);
            Console.Error.WriteLine($"gctrace-pipe: {message}");
        }
    }
}
