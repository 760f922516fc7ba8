// SuspectLocation: where a suspect's memory comes from: its site, the user-code path to it, and for goroutines
// the `go` statement that started them.
namespace GcTrace.Diagnosis;

/// <param name="Site">Heap suspects: the line of the function whose in-use growth is largest (pprof -top -lines
/// -base ranks it first for the function). Goroutine suspects: the line where the goroutines are parked.</param>
/// <param name="Path">The program's own frames from the root down to the site (runtime and standard-library frames
/// left out).</param>
/// <param name="CreatedBy">Goroutine suspects: the `created by` frame when the profile records it (debug=2 dumps),
/// else null (the code reader can still find the `go` statement).</param>
/// <param name="Lines">Growth per line of the suspect's function(s), for a `pprof -list`-like listing.</param>
public sealed record SuspectLocation(SiteFrame Site, IReadOnlyList<SiteFrame> Path, SiteFrame? CreatedBy, IReadOnlyList<LineGrowth> Lines);
