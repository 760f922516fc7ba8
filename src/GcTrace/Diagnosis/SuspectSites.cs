// SuspectSites: the file:line of each suspect and the call path down to it, from the profiles alone.
using GcTrace.Profiles;

namespace GcTrace.Diagnosis;
/// <summary>
/// Growth is measured per line as `go tool pprof -lines -base FIRST LAST` does: last snapshot minus first, keyed by
/// function and file:line. A heap suspect is the user function a stack is blamed on (its leaf-most frame of the
/// program's own code, a func literal counted for the function that declares it); its site is the line of that frame
/// with the most growth, summed over stacks. When the frame is the stack's leaf, that is the line pprof ranks first
/// by flat for the function; when a library call below it allocated (bufio.NewReaderSize, time.NewTimer), it is the
/// call's line, which pprof ranks first by cum. A goroutine suspect's site is the line its goroutines are parked at:
/// the leaf-most frame of the program's own code in the stack whose count grew the most.
/// </summary>
public static class SuspectSites
{
    /// <summary>Locations of every function blamed for heap growth between the first and last kept heap snapshot.</summary>
    public static IReadOnlyDictionary<string, SuspectLocation> Heap(ProfileSnapshot series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var kept = series.Heaps;
        var result = new Dictionary<string, SuspectLocation>(StringComparer.Ordinal);
        if (kept.Count < 2)
        {
            return result;
        }

        var sites = new Dictionary<(string Blamed, string File, long Line), long>();
        var best = new Dictionary<(string Blamed, string File, long Line), (long Value, IReadOnlyList<StackFrame> Stack)>();
        var lines = new Dictionary<string, Dictionary<(string File, long Line), (long Flat, long Cum)>>(StringComparer.Ordinal);
        foreach (var (profile, sign) in new[] { (kept[0], -1L), (kept[^1], 1L) })
        {
            var inuse = ProfileGrowth.Inuse(profile);
            foreach (var sample in profile.Samples)
            {
                var stack = sample.Stack;
                var user = Frames.UserFrameIndex(stack);
                if (user < 0 || Frames.IsProfilerOwn(stack))
                {
                    continue;
                }

                var value = sign * sample.Values[inuse];
                var blamed = Frames.Blamed(stack, user);
                var key = (blamed, stack[user].File, stack[user].Line);
                sites[key] = sites.GetValueOrDefault(key) + value;
                if (sign > 0 && (!best.TryGetValue(key, out var b) || value > b.Value))
                {
                    best[key] = (value, stack);
                }

                AddLines(lines, blamed, stack, value);
            }
        }

        foreach (var group in sites.GroupBy(kv => kv.Key.Blamed, StringComparer.Ordinal))
        {
            var top = group.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Line).First().Key;
            var stack = best.TryGetValue(top, out var b) ? b.Stack : null;
            var site = new SiteFrame(stack is null ? group.Key : stack[Frames.UserFrameIndex(stack)].Function, top.File, top.Line);
            result[group.Key] = new SuspectLocation(site, stack is null ? [site] : UserPath(stack), null, Listing(lines, group.Key));
        }

        return result;
    }

    /// <summary>The location of one growing goroutine group: where it is parked, the user path, its creator.</summary>
    public static SuspectLocation Goroutine(GoroutineGrowth growth, ProfileSnapshot? series = null)
    {
        ArgumentNullException.ThrowIfNull(growth);
        var stack = growth.Stack;
        var user = Frames.UserFrameIndex(stack);
        var leaf = user >= 0 ? stack[user] : stack.Count > 0 ? stack[0] : new StackFrame(growth.Site, string.Empty, 0, false);
        var site = new SiteFrame(leaf.Function, leaf.File, leaf.Line);
        var creator = series is null ? null : Creator(series, growth);
        return new SuspectLocation(site, user >= 0 ? UserPath(stack) : [site], creator, []);
    }

    /// <summary>The program's own frames of a stack, root first, each once (an inlined frame keeps its own line).</summary>
    public static IReadOnlyList<SiteFrame> UserPath(IReadOnlyList<StackFrame> stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var path = new List<SiteFrame>();
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            if (!Frames.IsStd(stack[i].Function))
            {
                path.Add(new SiteFrame(stack[i].Function, stack[i].File, stack[i].Line));
            }
        }

        return path;
    }

    // Per line of the blamed function (and its literals): flat when the line is the leaf, cum once per sample.
    private static void AddLines(Dictionary<string, Dictionary<(string File, long Line), (long Flat, long Cum)>> lines, string blamed, IReadOnlyList<StackFrame> stack, long value)
    {
        if (!lines.TryGetValue(blamed, out var map))
        {
            lines[blamed] = map = [];
        }

        var seen = new HashSet<(string, long)>();
        for (var i = 0; i < stack.Count; i++)
        {
            if (Frames.Blamed(stack, i) != blamed || !seen.Add((stack[i].File, stack[i].Line)))
            {
                continue;
            }

            var e = map.GetValueOrDefault((stack[i].File, stack[i].Line));
            map[(stack[i].File, stack[i].Line)] = (e.Flat + (i == 0 ? value : 0), e.Cum + value);
        }
    }

    private static IReadOnlyList<LineGrowth> Listing(Dictionary<string, Dictionary<(string File, long Line), (long Flat, long Cum)>> lines, string blamed) =>
        lines.TryGetValue(blamed, out var map)
            ? map.Select(kv => new LineGrowth(kv.Key.File, kv.Key.Line, kv.Value.Flat, kv.Value.Cum))
                .OrderBy(l => l.File, StringComparer.Ordinal).ThenBy(l => l.Line).ToList()
            : [];

    // The `created by` frame a debug=2 dump records for goroutines parked in this group's stack.
    private static SiteFrame? Creator(ProfileSnapshot series, GoroutineGrowth growth)
    {
        var kept = series.Goroutines;
        for (var i = kept.Count - 1; i >= 0; i--)
        {
            var match = kept[i].Samples.FirstOrDefault(s => s.Creator is not null && SameStack(s.Stack, growth.Stack));
            if (match?.Creator is { } c)
            {
                return new SiteFrame(c.Function, c.File, c.Line);
            }
        }

        return null;
    }

    private static bool SameStack(IReadOnlyList<StackFrame> a, IReadOnlyList<StackFrame> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Function == p.Second.Function);
}
