// CodeFrame: one user frame of a call path as a profile records it: function, file, line.
namespace GcTrace.Source;

public sealed record CodeFrame(string Function, string File, long Line);
