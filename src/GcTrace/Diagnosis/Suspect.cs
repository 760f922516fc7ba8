// One allocation site the diagnosis blames, with the pattern it matches.
namespace GcTrace.Diagnosis;

/// <param name="Function">The function (from a profile) whose memory grows.</param>
/// <param name="Pattern">The leak pattern its stack or wait state matches.</param>
/// <param name="GrowthBytes">How much its in-use memory grew across the profiles.</param>
public sealed record Suspect(string Function, SuspectPattern Pattern, long GrowthBytes);
