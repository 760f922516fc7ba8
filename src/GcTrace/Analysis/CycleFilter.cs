// --min-stw, --since/--until and --forced: which gc cycles the analysis and the outputs look at.
using GcTrace.Events;

namespace GcTrace.Analysis;

public enum ForcedFilter
{
    All,
    Only,
    Exclude,
}

/// <summary>Times are trace seconds (the runtime's @S). Input line counts are never filtered: they account for the input.</summary>
public sealed record CycleFilter(decimal? MinStwMs = null, decimal? SinceS = null, decimal? UntilS = null, ForcedFilter Forced = ForcedFilter.All)
{
    public static CycleFilter None { get; } = new();

    public bool IsNone => this == None;

    public bool Accepts(GcCycle c) =>
        (MinStwMs is null || c.StwTotalMs >= MinStwMs)
        && (SinceS is null || c.StartS >= SinceS)
        && (UntilS is null || c.StartS <= UntilS)
        && (Forced == ForcedFilter.All || c.Forced == (Forced == ForcedFilter.Only));
}
