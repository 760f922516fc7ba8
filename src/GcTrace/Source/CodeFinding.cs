// CodeFinding: what the code at or around a site says, with the sentence that shows it.
using GcTrace.Events;

namespace GcTrace.Source;

/// <param name="Pattern">The pattern the statement has the shape of.</param>
/// <param name="Holds">True when the code shows the pattern (no delete, no Stop, no Close...); false for its
/// look-alike that is not one (a map with eviction, a stopped ticker), so a reader can say why it is not.</param>
/// <param name="File">The file as found (full path).</param>
/// <param name="Line">1-based line of the statement.</param>
/// <param name="Code">The statement's line, trimmed.</param>
/// <param name="Evidence">"cache.go:42 `cache[id] = result` assigns into the package-level map `cache`, which
/// nothing deletes from".</param>
public sealed record CodeFinding(SuspectPattern Pattern, bool Holds, string File, int Line, string Code, string Evidence);
