// Charts cannot be drawn on this machine: a native library SkiaSharp needs is missing or unloadable.
namespace GcTrace.Output.Charts;

/// <summary>
/// The charts output failed before any file was written; the message names the library (one sentence). An
/// <see cref="IOException"/>, like any other output that cannot be written: the run's other outputs still complete.
/// </summary>
public sealed class ChartLibraryException(string message) : IOException(message);
