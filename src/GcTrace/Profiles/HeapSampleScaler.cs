// HeapSampleScaler: undoes heap sampling for legacy text records, exactly as runtime/pprof and pprof/profile do.
namespace GcTrace.Profiles;

internal static class HeapSampleScaler
{
    /// <summary>scaleHeapSample (runtime/pprof/protomem.go, pprof legacy_profile.go), spec section 4.3. Apply per record
    /// and per (count, size) pair, never to totals: the scale depends on the record's average object size.</summary>
    public static (long Count, long Size) Scale(long count, long size, long rate)
    {
        if (count == 0 || size == 0)
        {
            return (0, 0);
        }

        if (rate <= 1)
        {
            // rate 1 means every allocation was recorded; below 1 the rate is unknown.
            return (count, size);
        }

        var avgSize = (double)size / count;
        var scale = 1 / (1 - Math.Exp(-avgSize / rate));
        // Go converts with int64(...), which truncates toward zero.
        return ((long)(count * scale), (long)(size * scale));
    }
}
