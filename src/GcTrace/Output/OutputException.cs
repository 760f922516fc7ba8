// An output destination that cannot be written (full disk, bad path): reported as one line naming the option and path.
namespace GcTrace.Output;

public sealed class OutputException(string message, Exception inner) : Exception(message, inner);
