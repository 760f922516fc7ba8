// The numbers the verdict's reasons quote, so that a reader (and a test) can check every sentence against them.
namespace GcTrace.Diagnosis;

/// <summary>
/// Written as <c>verdict.evidence</c>. Trace numbers are after warm-up (from <see cref="WarmUpEndS"/> on): the floor is
/// the smallest live heap per window of the heap envelope, what survives every collection there. Profile numbers are
/// after the profiles' own warm-up. Null where the input does not allow the number (too few cycles, no profiles).
/// </summary>
public sealed record VerdictEvidence
{
    /// <summary>Elapsed trace seconds where warm-up ends and the trend is judged from.</summary>
    public double? WarmUpEndS { get; init; }

    /// <summary>The floor of the first envelope window, before warm-up (MB).</summary>
    public long? FloorMbStart { get; init; }

    /// <summary>The floor at the first and last window after warm-up, and its lowest and highest value there (MB).</summary>
    public long? FloorMbFirst { get; init; }

    public long? FloorMbLast { get; init; }

    public long? FloorMbMin { get; init; }

    public long? FloorMbMax { get; init; }

    /// <summary>How much the floor grew after warm-up: Theil-Sen slope times the judged span (MB).</summary>
    public double? FloorGrowthMb { get; init; }

    /// <summary>Seconds the floor was judged over (first to last window after warm-up).</summary>
    public double? FloorSpanS { get; init; }

    /// <summary>Envelope windows after warm-up, and how many steps between them went up and down.</summary>
    public int? FloorWindows { get; init; }

    public int? FloorRises { get; init; }

    public int? FloorFalls { get; init; }

    /// <summary>Share of the floor's movement after warm-up (rises and falls weighed by size) that went up.</summary>
    public double? FloorUpShare { get; init; }

    /// <summary>The heap goal's floor (smallest goal per window) after warm-up, when it is judged (inferred GOGC of at
    /// least <see cref="DiagnosisOptions.MinGoalResolutionGogc"/>, no memory-limit signs): its first and last value (MB),
    /// growth by its robust slope (MB), windows, rises and falls, and share of its movement upward.</summary>
    public long? GoalFloorMbFirst { get; init; }

    public long? GoalFloorMbLast { get; init; }

    public double? GoalFloorGrowthMb { get; init; }

    public int? GoalFloorWindows { get; init; }

    public int? GoalFloorRises { get; init; }

    public int? GoalFloorFalls { get; init; }

    public double? GoalFloorUpShare { get; init; }

    /// <summary>What the goal floor's growth means for the live heap: the growth divided by (1 + GOGC/100) (MB).</summary>
    public double? GoalLiveGrowthMb { get; init; }

    /// <summary>Longest run of consecutive GC CPU windows whose cost was at or above the pressure threshold.</summary>
    public int? CostWindowsAtThreshold { get; init; }

    /// <summary>Distinct heap and goroutine snapshots, and how many of each came after the profiles' warm-up.</summary>
    public int? HeapSnapshots { get; init; }

    public int? HeapSnapshotsAfterWarmUp { get; init; }

    public int? GoroutineSnapshots { get; init; }

    public int? GoroutineSnapshotsAfterWarmUp { get; init; }

    /// <summary>Seconds from the first to the last heap snapshot, and where the profiles' warm-up ends (seconds after
    /// the first snapshot).</summary>
    public double? ProfileSpanS { get; init; }

    public double? ProfileWarmUpEndS { get; init; }

    /// <summary>The smallest in-use growth the heap profiles resolve at one site (bytes): <see cref="DiagnosisOptions.NoiseSamples"/>
    /// samples of the profiles' sampling period, at least <see cref="DiagnosisOptions.MinHeapGrowthBytes"/>.</summary>
    public long? ProfileNoiseBytes { get; init; }

    /// <summary>The top growing goroutine group (same creator, same wait state) after warm-up: its count at the first
    /// and last snapshot, and how often it rose and fell in between.</summary>
    public long? GroupFirst { get; init; }

    public long? GroupLast { get; init; }

    public int? GroupRises { get; init; }

    public int? GroupFalls { get; init; }

    /// <summary>The site whose in-use memory grew most after warm-up: growth by the robust slope (bytes), and how
    /// often it rose and fell between snapshots.</summary>
    public long? SiteGrowthBytes { get; init; }

    public int? SiteRises { get; init; }

    public int? SiteFalls { get; init; }

    /// <summary>The growth that site had to clear to count (bytes): <see cref="ProfileNoiseBytes"/>, or its own sampling
    /// noise when larger (<see cref="DiagnosisOptions.SiteNoiseSigmas"/> standard deviations of a sampled count).</summary>
    public long? SiteNoiseBytes { get; init; }

    /// <summary>The most retained growth a flat trace can hide after warm-up (bytes): the floor's growth plus the growth
    /// it cannot resolve. A site whose growth less its noise exceeds it is turnover, not memory kept; null when the
    /// trace judged no trend or saw lasting growth.</summary>
    public long? TraceBoundBytes { get; init; }
}
