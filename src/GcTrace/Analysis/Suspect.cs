// One allocation site the diagnosis blames, with the pattern it matches.
namespace GcTrace.Analysis;

/// <param name="Function">The function (from a profile) whose memory grows.</param>
/// <param name="Pattern">One of <see cref="SuspectPatterns"/>.</param>
/// <param name="GrowthBytes">How much its in-use memory grew across the profiles.</param>
public sealed record Suspect(string Function, string Pattern, long GrowthBytes);
