// An output destination that cannot be written (full disk, bad path): reported as one line, exit 2.
namespace GcTrace.Cli;

/// <summary>An output that cannot be written: the message names the option and path.</summary>
internal sealed class OutputException(string message, Exception inner) : Exception(message, inner);
