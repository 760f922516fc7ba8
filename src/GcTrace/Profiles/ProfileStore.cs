// Heap and goroutine profiles of one program as they arrive (files, a scraper), handed out as consistent snapshots.
namespace GcTrace.Profiles;

/// <summary>
/// Snapshots are ordered by their own timestamps (files can be given in any order; a scraper can be late), falling
/// back to arrival order for formats without a time. A heap profile equal to the previous one is dropped: the heap
/// profile only changes at a GC (runtime/mprof.go publishes a cycle's data when the next one ends), so an identical
/// copy adds no information but would flatten a slope. Thread-safe: the scraper adds while the trace streams.
/// </summary>
public sealed class ProfileStore
{
    private readonly Lock gate = new();
    private readonly List<(DateTimeOffset? Time, long Order, Profile Profile)> heaps = [];
    private readonly List<(DateTimeOffset? Time, long Order, Profile Profile)> goroutines = [];
    private long order;

    /// <summary>How --pprof scraping went, when it was asked for; the verdict then does not suggest asking for it.</summary>
    public ScrapeTally? Scrapes { get; set; }

    /// <summary>Adds a heap profile (has inuse_space) or a goroutine profile (has goroutine), by its sample types.</summary>
    public void Add(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.SampleTypes.Any(t => t.Type is "inuse_space" or "space"))
        {
            AddHeap(profile);
        }
        else if (profile.SampleTypes.Any(t => t.Type == "goroutine"))
        {
            AddGoroutine(profile);
        }
        else
        {
            throw new ArgumentException($"{profile.SourceName} is neither a heap nor a goroutine profile", nameof(profile));
        }
    }

    public void AddHeap(Profile profile)
    {
        lock (gate)
        {
            heaps.Add((profile.Time, order++, profile));
        }
    }

    public void AddGoroutine(Profile profile)
    {
        lock (gate)
        {
            goroutines.Add((profile.Time, order++, profile));
        }
    }

    /// <summary>What has arrived so far, ordered, with repeated heap profiles dropped.</summary>
    public ProfileSnapshot Snapshot()
    {
        List<(DateTimeOffset? Time, long Order, Profile Profile)> h, g;
        lock (gate)
        {
            (h, g) = ([.. heaps], [.. goroutines]);
        }

        var (kept, skipped) = Distinct(Ordered(h));
        return new ProfileSnapshot(kept, Ordered(g), skipped);
    }

    // A stable order by (time, arrival), sorted in place: under Native AOT, LINQ's OrderBy over these tuples makes the
    // type loader build generic code at run time, about a millisecond of every start.
    private static List<Profile> Ordered(List<(DateTimeOffset? Time, long Order, Profile Profile)> list)
    {
        list.Sort((a, b) =>
        {
            var byTime = (a.Time ?? DateTimeOffset.MinValue).CompareTo(b.Time ?? DateTimeOffset.MinValue);
            return byTime != 0 ? byTime : a.Order.CompareTo(b.Order);
        });
        return list.ConvertAll(e => e.Profile);
    }

    private static (List<Profile> Kept, int Skipped) Distinct(List<Profile> ordered)
    {
        var kept = new List<Profile>();
        string? previous = null;
        var skipped = 0;
        foreach (var p in ordered)
        {
            var print = Fingerprint(p);
            if (print == previous)
            {
                skipped++;
                continue;
            }

            kept.Add(p);
            previous = print;
        }

        return (kept, skipped);
    }

    // Values by stack, ignoring the timestamp: two snapshots with no GC in between differ only in their time.
    private static string Fingerprint(Profile p) => string.Join(
        '\n',
        p.Samples.Select(s => string.Join(',', s.Values) + "@" + StackKey(s.Stack)).Order(StringComparer.Ordinal));

    /// <summary>The key that groups samples of one call stack: the function names, leaf first.</summary>
    public static string StackKey(IReadOnlyList<StackFrame> stack) => string.Join(';', stack.Select(f => f.Function));
}
