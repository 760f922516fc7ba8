// What grew between profile snapshots: per function, per allocation stack, per goroutine site. Pure: a snapshot in,
// numbers out; the store that collects the snapshots is Profiles/ProfileStore.
using GcTrace.Profiles;

namespace GcTrace.Diagnosis;

public static class ProfileGrowth
{
    /// <summary>Seconds from the first kept heap snapshot to the last; 0 without timestamps.</summary>
    public static double HeapSpanS(ProfileSnapshot snapshot)
    {
        var kept = snapshot.Heaps;
        return kept.Count >= 2 && kept[0].Time is { } a && kept[^1].Time is { } b ? (b - a).TotalSeconds : 0;
    }

    /// <summary>Total inuse_space of each kept heap snapshot, in time order.</summary>
    public static IReadOnlyList<long> InuseTotals(ProfileSnapshot snapshot) => snapshot.Heaps.Select(p => Total(p, Inuse(p))).ToList();

    /// <summary>Total goroutines per snapshot, in time order.</summary>
    public static IReadOnlyList<long> GoroutineTotals(ProfileSnapshot snapshot) =>
        snapshot.Goroutines.Select(p => Total(p, SampleIndex.Resolve(p, "goroutine"))).ToList();

    /// <summary>Flat and cum inuse_space growth per function, largest flat growth first.</summary>
    public static IReadOnlyList<FunctionGrowth> FunctionGrowth(ProfileSnapshot snapshot)
    {
        var kept = snapshot.Heaps;
        if (kept.Count < 2)
        {
            return [];
        }

        // pprof's own per-function aggregation (flat: the leaf frame; cum: once per sample per function).
        var tables = kept.Select(p => TopTable.Compute(p, Inuse(p)).Rows).ToList();
        var flats = tables.Select(rows => rows.ToDictionary(r => r.Name, r => r.Flat, StringComparer.Ordinal)).ToList();
        var cums = tables.Select(rows => rows.ToDictionary(r => r.Name, r => r.Cum, StringComparer.Ordinal)).ToList();
        var times = Seconds(kept);
        var names = flats.SelectMany(f => f.Keys).Concat(cums.SelectMany(c => c.Keys)).Distinct(StringComparer.Ordinal);
        return names
            .Select(n => new FunctionGrowth(
                n,
                flats[^1].GetValueOrDefault(n) - flats[0].GetValueOrDefault(n),
                cums[^1].GetValueOrDefault(n) - cums[0].GetValueOrDefault(n),
                Slope(times, flats.Select(f => (double)f.GetValueOrDefault(n)).ToList())))
            .OrderByDescending(g => g.FlatGrowthBytes)
            .ThenBy(g => g.Function, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>inuse and alloc growth per allocation stack between the first and last kept heap snapshot.</summary>
    public static IReadOnlyList<StackGrowth> StackGrowth(ProfileSnapshot snapshot)
    {
        var kept = snapshot.Heaps;
        if (kept.Count < 2)
        {
            return [];
        }

        var first = PerStack(kept[0]);
        var last = PerStack(kept[^1]);
        var sizes = BlockSizes(kept[^1]);
        return last.Keys.Concat(first.Keys).Distinct(StringComparer.Ordinal)
            .Select(k =>
            {
                var a = first.GetValueOrDefault(k);
                var b = last.GetValueOrDefault(k);
                var stack = (b.Stack ?? a.Stack)!;
                return new StackGrowth(stack, b.Inuse - a.Inuse, b.Alloc - a.Alloc, sizes.GetValueOrDefault(k));
            })
            .ToList();
    }

    // Per stack: each sampled object size ("bytes" label) with its in-use bytes, smallest first; only sizes that
    // were allocated at all (alloc_objects > 0, or in use when the profile has no alloc columns).
    private static Dictionary<string, IReadOnlyList<BlockSize>> BlockSizes(Profile p)
    {
        var inuse = Inuse(p);
        var alloc = Alloc(p);
        var map = new Dictionary<string, Dictionary<long, long>>(StringComparer.Ordinal);
        foreach (var s in p.Samples)
        {
            if (!s.NumLabels.TryGetValue("bytes", out var b) || b.Count == 0 || b[0] <= 0
                || (alloc is { } a ? s.Values[a] : s.Values[inuse]) <= 0)
            {
                continue;
            }

            var key = ProfileStore.StackKey(s.Stack);
            if (!map.TryGetValue(key, out var bySize))
            {
                map[key] = bySize = [];
            }

            bySize[b[0]] = bySize.GetValueOrDefault(b[0]) + s.Values[inuse];
        }

        return map.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<BlockSize>)kv.Value.OrderBy(e => e.Key).Select(e => new BlockSize(e.Key, e.Value)).ToList(),
            StringComparer.Ordinal);
    }

    /// <summary>Goroutine counts per site and wait state, first and last snapshot, largest growth first.</summary>
    public static IReadOnlyList<GoroutineGrowth> GoroutineGrowth(ProfileSnapshot snapshot) => GoroutineGrowth(snapshot, warmUpShare: 0);

    /// <summary>
    /// In-use bytes per key (for example the function a stack is blamed on) in every kept heap snapshot, as (seconds
    /// after the first kept snapshot, bytes) in time order; a key absent from a snapshot has 0 there; a null key skips
    /// the sample. A trend over all snapshots, not two end points, is what tells lasting growth from warm-up and bursts.
    /// </summary>
    public static IReadOnlyDictionary<string, List<(double T, double V)>> InuseSeries(ProfileSnapshot snapshot, Func<IReadOnlyList<StackFrame>, string?> key)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(key);
        var kept = snapshot.Heaps;
        var result = new Dictionary<string, List<(double T, double V)>>(StringComparer.Ordinal);
        if (kept.Count == 0)
        {
            return result;
        }

        var times = Seconds(kept);
        for (var i = 0; i < kept.Count; i++)
        {
            var inuse = Inuse(kept[i]);
            foreach (var sample in kept[i].Samples)
            {
                if (key(sample.Stack) is not { } k)
                {
                    continue;
                }

                if (!result.TryGetValue(k, out var list))
                {
                    result[k] = list = kept.Select((_, j) => (times[j], 0.0)).ToList();
                }

                list[i] = (times[i], list[i].V + sample.Values[inuse]);
            }
        }

        return result;
    }

    /// <summary>Seconds from the first kept heap snapshot to each kept one (their index without timestamps).</summary>
    public static IReadOnlyList<double> HeapTimes(ProfileSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Heaps.Count == 0 ? [] : Seconds(snapshot.Heaps);
    }

    /// <summary>
    /// Goroutine counts per site and wait state across every snapshot, judged after the first
    /// <paramref name="warmUpShare"/> of the snapshots' time span: <see cref="GoroutineGrowth.First"/> is the count at
    /// the first snapshot after warm-up, <see cref="GoroutineGrowth.Last"/> at the last, and
    /// <see cref="GoroutineGrowth.Trend"/> says how it moved in between. Largest growth first.
    /// </summary>
    public static IReadOnlyList<GoroutineGrowth> GoroutineGrowth(ProfileSnapshot snapshot, double warmUpShare)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var kept = snapshot.Goroutines;
        if (kept.Count < 2)
        {
            return [];
        }

        var times = Seconds(kept);
        var groups = kept.Select(GoroutineGroups).ToList();
        var cut = times[0] + (warmUpShare * (times[^1] - times[0]));
        var judged = Enumerable.Range(0, kept.Count).Where(i => times[i] >= cut).ToList();
        return groups.SelectMany(g => g.Keys).Distinct()
            .Select(k =>
            {
                var points = judged.Select(i => (times[i], (double)groups[i].GetValueOrDefault(k).Count)).ToList();
                var stack = groups.Select(g => g.GetValueOrDefault(k).Stack).Last(st => st is not null)!;
                var first = groups[judged[0]].GetValueOrDefault(k).Count;
                var last = groups[^1].GetValueOrDefault(k).Count;
                return new GoroutineGrowth(k.Site, k.Wait, stack, first, last) { Trend = Trend.Of(points) };
            })
            .OrderByDescending(g => g.Growth)
            .ThenBy(g => g.Site, StringComparer.Ordinal)
            .ToList();
    }

    internal static int Inuse(Profile p) => SampleIndex.Resolve(p, "inuse_space");

    internal static int? Alloc(Profile p) =>
        p.SampleTypes.Any(t => t.Type is "alloc_space") ? SampleIndex.Resolve(p, "alloc_space") : null;

    private static long Total(Profile p, int index) => p.Samples.Sum(s => s.Values[index]);

    private static Dictionary<string, (IReadOnlyList<StackFrame>? Stack, long Inuse, long Alloc)> PerStack(Profile p)
    {
        var inuse = Inuse(p);
        var alloc = Alloc(p);
        var map = new Dictionary<string, (IReadOnlyList<StackFrame>? Stack, long Inuse, long Alloc)>(StringComparer.Ordinal);
        foreach (var s in p.Samples)
        {
            var key = ProfileStore.StackKey(s.Stack);
            var e = map.GetValueOrDefault(key);
            map[key] = (s.Stack, e.Inuse + s.Values[inuse], e.Alloc + (alloc is { } a ? s.Values[a] : 0));
        }

        return map;
    }

    private static Dictionary<(string Site, string Wait), (IReadOnlyList<StackFrame>? Stack, long Count)> GoroutineGroups(Profile p)
    {
        var index = SampleIndex.Resolve(p, "goroutine");
        var map = new Dictionary<(string, string), (IReadOnlyList<StackFrame>?, long)>();
        foreach (var s in p.Samples)
        {
            var key = (Site(s), s.WaitState ?? WaitStateClassifier.Classify(s.Stack, runtimeFramesShown: true));
            var e = map.GetValueOrDefault(key);
            map[key] = (s.Stack, e.Item2 + s.Values[index]);
        }

        return map;
    }

    private static string Site(ProfileSample s)
    {
        if (s.CreatedBy is { Length: > 0 } created)
        {
            return created;
        }

        var user = Frames.UserFrameIndex(s.Stack);
        if (user >= 0)
        {
            return s.Stack[user].Function;
        }

        // All standard library: the entry function (e.g. net/http.(*persistConn).readLoop) says whose goroutine it is.
        for (var i = s.Stack.Count - 1; i >= 0; i--)
        {
            var f = s.Stack[i].Function;
            if (f.Length != 0 && !f.StartsWith("runtime.", StringComparison.Ordinal))
            {
                return f;
            }
        }

        return GoroutineSummary.RuntimeOnly;
    }

    private static List<double> Seconds(IReadOnlyList<Profile> kept)
    {
        var t0 = kept[0].Time;
        return kept.Select((p, i) => t0 is { } a && p.Time is { } b ? (b - a).TotalSeconds : i).ToList();
    }

    private static double Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }

        return sxx == 0 ? 0 : sxy / sxx;
    }
}
