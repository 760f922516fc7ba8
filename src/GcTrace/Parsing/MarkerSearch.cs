// Finds the first trace marker in a chunk in one vectorised pass, instead of one substring search per marker.
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GcTrace.Parsing;

/// <summary>
/// Every marker begins with one of six 3-byte heads ("gc ", "GC ", "sca", "scv", "SCH", "pac"; "forced scvg" contains
/// "scvg"). A vector pass tests those heads at 16 or 32 positions at a time and the rare hits are checked against the whole
/// markers. Searching per marker with <c>IndexOf(marker)</c> anchors on the first and last byte only, which app text such
/// as "request 123 handled" matches all the time ('s' ... ' '): it took half the time of a mixed log.
/// </summary>
internal static class MarkerSearch
{
    /// <summary>The smallest i such that <paramref name="s"/>[i..] starts with a marker, or -1.</summary>
    public static int IndexOfAny(ReadOnlySpan<byte> s) => IndexOfAny(s, out _);

    /// <summary>
    /// The smallest i such that <paramref name="s"/>[i..] starts with a marker, or -1; <paramref name="newlines"/> is the
    /// number of '\n' before it (in all of <paramref name="s"/> when there is none). Counting in the same pass spares the
    /// scanner a second read of every application byte; measured neutral end to end (docs/benchmarks.md), as the bytes
    /// were still in cache for the separate <c>Count</c> pass.
    /// </summary>
    public static int IndexOfAny(ReadOnlySpan<byte> s, out long newlines)
    {
        var i = 0;
        long nl = 0;
        ref var start = ref MemoryMarshal.GetReference(s);
        // In runs of gc lines every search starts on a marker: answer that without the setup of a 64-byte step, whose
        // work (and the recount on a hit) made the gc-only log 25% slower. Same test as the byte loop at the end.
        if (s.Length > 0 && s[0] is (byte)'g' or (byte)'G' or (byte)'s' or (byte)'S' or (byte)'p' && TraceLineParser.StartsWithMarker(s))
        {
            newlines = 0;
            return 0;
        }
        // Native AOT compiles for the x64 baseline, where only the 128-bit path is accelerated. Gating on Avx2.IsSupported
        // would not help: ILC checks SSE4.x/POPCNT at run time but folds AVX/AVX2 to false (docs/benchmarks.md).
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= s.Length - Vector256<byte>.Count - 2; i += Vector256<byte>.Count)
            {
                var v0 = Vector256.LoadUnsafe(ref start, (nuint)i);
                var bits = Heads(v0, Vector256.LoadUnsafe(ref start, (nuint)(i + 1)),
                    Vector256.LoadUnsafe(ref start, (nuint)(i + 2))).ExtractMostSignificantBits();
                var lines = Vector256.Equals(v0, Vector256.Create((byte)'\n')).ExtractMostSignificantBits();
                if (bits != 0 && Check(s, i, bits) is var at and >= 0)
                {
                    newlines = nl + LinesBelow(lines, at - i);
                    return at;
                }
                nl += BitOperations.PopCount(lines);
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            // Four vectors (64 bytes) per step and one branch on their joined head masks: hits are rare, so the loop is
            // bound by the vector ops, and one movemask + test per 64 bytes replaces four. Newlines are counted without
            // a movemask/popcount per vector: a compare yields 0xFF (-1) per '\n' lane, so subtracting it adds 1 to that
            // lane's byte counter. A lane gains at most 4 per step, so the counters are summed into nl every 63 steps,
            // before a byte can wrap (63 * 4 = 252 <= 255).
            const int Step = 4 * 16;
            var newline = Vector128.Create((byte)'\n');
            while (i <= s.Length - Step - 2)
            {
                var counts = Vector128<byte>.Zero;
                var stop = i + Math.Min(s.Length - Step - 2 - i, (63 - 1) * Step); // the last start of this run of 63 steps
                for (; i <= stop; i += Step)
                {
                    // Each vector is folded into `any` and `counts` as soon as it is loaded: keeping the four vectors
                    // and their masks alive until the branch spilled them to the stack (16 xmm registers).
                    ref var p = ref Unsafe.Add(ref start, i);
                    var v = Vector128.LoadUnsafe(ref p);
                    counts -= Vector128.Equals(v, newline);
                    var any = FoldedHeads(v, Vector128.LoadUnsafe(ref p, 1), Vector128.LoadUnsafe(ref p, 2));
                    v = Vector128.LoadUnsafe(ref p, 16);
                    counts -= Vector128.Equals(v, newline);
                    any |= FoldedHeads(v, Vector128.LoadUnsafe(ref p, 17), Vector128.LoadUnsafe(ref p, 18));
                    v = Vector128.LoadUnsafe(ref p, 32);
                    counts -= Vector128.Equals(v, newline);
                    any |= FoldedHeads(v, Vector128.LoadUnsafe(ref p, 33), Vector128.LoadUnsafe(ref p, 34));
                    v = Vector128.LoadUnsafe(ref p, 48);
                    counts -= Vector128.Equals(v, newline);
                    any |= FoldedHeads(v, Vector128.LoadUnsafe(ref p, 49), Vector128.LoadUnsafe(ref p, 50));
                    if (any != Vector128<byte>.Zero && Check(s, i, BlockHeads(ref p)) is var at and >= 0)
                    {
                        // Rare: the counters already hold the whole block; take back its newlines from the marker on.
                        newlines = nl + Sum(counts) - s[at..(i + Step)].Count((byte)'\n');
                        return at;
                    }
                }
                nl += Sum(counts);
            }

            for (; i <= s.Length - Vector128<byte>.Count - 2; i += Vector128<byte>.Count)
            {
                var v0 = Vector128.LoadUnsafe(ref start, (nuint)i);
                var bits = Heads(v0, Vector128.LoadUnsafe(ref start, (nuint)(i + 1)),
                    Vector128.LoadUnsafe(ref start, (nuint)(i + 2))).ExtractMostSignificantBits();
                var lines = Vector128.Equals(v0, Vector128.Create((byte)'\n')).ExtractMostSignificantBits();
                if (bits != 0 && Check(s, i, bits) is var at and >= 0)
                {
                    newlines = nl + LinesBelow(lines, at - i);
                    return at;
                }
                nl += BitOperations.PopCount(lines);
            }
        }
        for (; i < s.Length; i++)
        {
            if (s[i] is (byte)'g' or (byte)'G' or (byte)'s' or (byte)'S' or (byte)'p' && TraceLineParser.StartsWithMarker(s[i..]))
            {
                newlines = nl;
                return i;
            }
            if (s[i] == (byte)'\n') nl++;
        }
        newlines = nl;
        return -1;
    }

    // The head candidates of the 64 bytes at p as a bit mask (bit k: byte k), recomputed on a hit only.
    private static ulong BlockHeads(ref byte p)
    {
        ulong bits = 0;
        for (var k = 0; k < 64; k += 16)
            bits |= (ulong)FoldedHeads(Vector128.LoadUnsafe(ref p, (nuint)k), Vector128.LoadUnsafe(ref p, (nuint)k + 1),
                Vector128.LoadUnsafe(ref p, (nuint)k + 2)).ExtractMostSignificantBits() << k;
        return bits;
    }

    // The sum of the 16 per-lane newline counters (each <= 252, so the widened sum cannot overflow).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Sum(Vector128<byte> counts)
    {
        var (lo, hi) = Vector128.Widen(counts);
        return Vector128.Sum(lo + hi);
    }

    /// <summary>
    /// A superset of <see cref="Heads(Vector128{byte},Vector128{byte},Vector128{byte})"/> for fewer ops: OR-ing 0x20
    /// folds ASCII case, so "gc "/"GC " share one test and "sca"/"scv"/"SCH" another ("pac" stays exact). The extra
    /// candidates ("Gc ", "sCh", a NUL after "gc", ...) are rare and rejected by <see cref="Check(ReadOnlySpan{byte},int,ulong)"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> FoldedHeads(Vector128<byte> v0, Vector128<byte> v1, Vector128<byte> v2)
    {
        var lower = Vector128.Create((byte)0x20);
        var x0 = v0 | lower;
        var x2 = v2 | lower;
        var sc = Vector128.Equals(x0, Vector128.Create((byte)'s'))
            & (Vector128.Equals(x2, Vector128.Create((byte)'a')) | Vector128.Equals(x2, Vector128.Create((byte)'v'))
                | Vector128.Equals(x2, Vector128.Create((byte)'h')));
        var gc = Vector128.Equals(x0, Vector128.Create((byte)'g')) & Vector128.Equals(v2, Vector128.Create((byte)' '));
        return (Vector128.Equals(v1 | lower, Vector128.Create((byte)'c')) & (sc | gc))
            | (Vector128.Equals(v0, Vector128.Create((byte)'p')) & Vector128.Equals(v1, Vector128.Create((byte)'a'))
                & Vector128.Equals(v2, Vector128.Create((byte)'c')));
    }

    // Newlines among the first n bytes of a step, from the step's newline mask.
    private static int LinesBelow(uint lines, int n) => BitOperations.PopCount(lines & (uint)((1UL << n) - 1));

    // Inlined: as a call, returning the mask vector through memory cost as much as the compares.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Heads(Vector256<byte> v0, Vector256<byte> v1, Vector256<byte> v2)
    {
        var c1 = Vector256.Equals(v1, Vector256.Create((byte)'c'));
        var gc = (Vector256.Equals(v0, Vector256.Create((byte)'g')) & c1)
            | (Vector256.Equals(v0, Vector256.Create((byte)'G')) & Vector256.Equals(v1, Vector256.Create((byte)'C')));
        return (gc & Vector256.Equals(v2, Vector256.Create((byte)' ')))
            | (Vector256.Equals(v0, Vector256.Create((byte)'s')) & c1
                & (Vector256.Equals(v2, Vector256.Create((byte)'a')) | Vector256.Equals(v2, Vector256.Create((byte)'v'))))
            | (Vector256.Equals(v0, Vector256.Create((byte)'S')) & Vector256.Equals(v1, Vector256.Create((byte)'C'))
                & Vector256.Equals(v2, Vector256.Create((byte)'H')))
            | (Vector256.Equals(v0, Vector256.Create((byte)'p')) & Vector256.Equals(v1, Vector256.Create((byte)'a'))
                & Vector256.Equals(v2, Vector256.Create((byte)'c')));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Heads(Vector128<byte> v0, Vector128<byte> v1, Vector128<byte> v2)
    {
        var c1 = Vector128.Equals(v1, Vector128.Create((byte)'c'));
        var gc = (Vector128.Equals(v0, Vector128.Create((byte)'g')) & c1)
            | (Vector128.Equals(v0, Vector128.Create((byte)'G')) & Vector128.Equals(v1, Vector128.Create((byte)'C')));
        return (gc & Vector128.Equals(v2, Vector128.Create((byte)' ')))
            | (Vector128.Equals(v0, Vector128.Create((byte)'s')) & c1
                & (Vector128.Equals(v2, Vector128.Create((byte)'a')) | Vector128.Equals(v2, Vector128.Create((byte)'v'))))
            | (Vector128.Equals(v0, Vector128.Create((byte)'S')) & Vector128.Equals(v1, Vector128.Create((byte)'C'))
                & Vector128.Equals(v2, Vector128.Create((byte)'H')))
            | (Vector128.Equals(v0, Vector128.Create((byte)'p')) & Vector128.Equals(v1, Vector128.Create((byte)'a'))
                & Vector128.Equals(v2, Vector128.Create((byte)'c')));
    }

    // The first head hit in the vector at i that is a whole marker, or -1.
    private static int Check(ReadOnlySpan<byte> s, int i, uint bits) => Check(s, i, (ulong)bits);

    private static int Check(ReadOnlySpan<byte> s, int i, ulong bits)
    {
        for (; bits != 0; bits &= bits - 1)
        {
            var at = i + BitOperations.TrailingZeroCount(bits);
            if (TraceLineParser.StartsWithMarker(s[at..])) return at;
        }
        return -1;
    }
}
