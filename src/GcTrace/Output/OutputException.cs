// An output destination that cannot be written (full disk, bad path): reported as one line naming the option and path.
namespace GcTrace.Output;

/// <param name="option">The option that asked for the output ("--csv"), so a failure can be matched to its sink.</param>
public sealed class OutputException(string option, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>For an output that is not opened by option and path (a push): the message says which.</summary>
    public OutputException(string message, Exception? inner)
        : this("", message, inner)
    {
    }

    public string Option { get; } = option;
}
