// The leak-sites chart's data: inuse_space of the top suspect functions in each heap snapshot.
using GcTrace.Profiles;

namespace GcTrace.Output.Charts;

public static class LeakSiteSeries
{
    /// <summary>
    /// For each function, its flat inuse_space per snapshot, at the snapshot's time in seconds after the first one
    /// shifted to <paramref name="originS"/> (the trace time of the first cycle), so the chart shares the trace's axis.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<LeakSample>> From(IReadOnlyList<Profile> heaps, IEnumerable<string> functions, double originS)
    {
        var names = functions.Distinct().ToList();
        var result = names.ToDictionary(n => n, _ => new List<LeakSample>());
        var first = heaps.Select(h => h.Time).FirstOrDefault(t => t is not null);
        foreach (var heap in heaps)
        {
            var t = originS + (heap.Time is { } time && first is { } f ? (time - f).TotalSeconds : 0);
            var rows = TopTable.Compute(heap, "inuse_space").Rows.ToDictionary(r => r.Name, r => r.Flat);
            foreach (var n in names) result[n].Add(new LeakSample(t, rows.GetValueOrDefault(n)));
        }
        return result.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<LeakSample>)kv.Value);
    }
}
