// LineGrowth: in-use growth at one line of a suspect's function, as `pprof -list -base` shows it per line.
namespace GcTrace.Diagnosis;

/// <param name="FlatBytes">Growth of memory allocated at the line itself (the line is the stack's leaf).</param>
/// <param name="CumBytes">Growth of memory allocated at the line or below it (calls made from the line).</param>
public sealed record LineGrowth(string File, long Line, long FlatBytes, long CumBytes);
