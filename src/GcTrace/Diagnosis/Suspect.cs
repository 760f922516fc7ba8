// One allocation site the diagnosis blames, with the pattern it matches.
using GcTrace.Events;

namespace GcTrace.Diagnosis;

/// <param name="Function">The function (from a profile) whose memory grows.</param>
/// <param name="Pattern">The leak pattern its stack or wait state matches.</param>
/// <param name="GrowthBytes">How much its in-use memory grew across the profiles.</param>
public sealed record Suspect(string Function, SuspectPattern Pattern, long GrowthBytes)
{
    /// <summary>Where the memory grows (heap) or the goroutines are parked, with the line's code when the source was
    /// found; null when the profiles do not place it.</summary>
    public SuspectSite? Site { get; init; }

    /// <summary>The program's own frames from the root down to the site.</summary>
    public IReadOnlyList<SiteFrame> Path { get; init; } = [];

    /// <summary>Goroutine suspects: the `go` statement that started them, when the profile or the code shows it.</summary>
    public SiteFrame? CreatedBy { get; init; }

    /// <summary>The sentence from the code that decided the pattern, e.g. "cache.go:42 `cache[id] = result` assigns
    /// into the package-level map `cache`, which nothing deletes from"; null when the code was not read.</summary>
    public string? Evidence { get; init; }

    /// <summary>Growth per line of the suspect's function, for a `pprof -list`-like listing (HTML report); not in the
    /// JSON summary.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<LineGrowth> Lines { get; init; } = [];
}
