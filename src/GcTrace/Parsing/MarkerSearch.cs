// Finds the first trace marker in a chunk in one vectorised pass, instead of one substring search per marker.
using System.Numerics;
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
    private static readonly byte[][] Markers = TraceLineParser.Markers;

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
            // Two vectors per step and one branch on their joined masks: hits are rare, so the loop is bound by the
            // compares, and the second vector's work overlaps the first's.
            for (; i <= s.Length - (2 * Vector128<byte>.Count) - 2; i += 2 * Vector128<byte>.Count)
            {
                var a0 = Vector128.LoadUnsafe(ref start, (nuint)i);
                var b0 = Vector128.LoadUnsafe(ref start, (nuint)(i + 16));
                var lo = Heads(a0, Vector128.LoadUnsafe(ref start, (nuint)(i + 1)),
                    Vector128.LoadUnsafe(ref start, (nuint)(i + 2))).ExtractMostSignificantBits();
                var hi = Heads(b0, Vector128.LoadUnsafe(ref start, (nuint)(i + 17)),
                    Vector128.LoadUnsafe(ref start, (nuint)(i + 18))).ExtractMostSignificantBits();
                var lines = Vector128.Equals(a0, Vector128.Create((byte)'\n')).ExtractMostSignificantBits()
                    | (Vector128.Equals(b0, Vector128.Create((byte)'\n')).ExtractMostSignificantBits() << 16);
                var bits = lo | (hi << 16);
                if (bits != 0 && Check(s, i, bits) is var at and >= 0)
                {
                    newlines = nl + LinesBelow(lines, at - i);
                    return at;
                }
                nl += BitOperations.PopCount(lines);
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
            if (s[i] is (byte)'g' or (byte)'G' or (byte)'s' or (byte)'S' or (byte)'p' && IsMarkerAt(s, i))
            {
                newlines = nl;
                return i;
            }
            if (s[i] == (byte)'\n') nl++;
        }
        newlines = nl;
        return -1;
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
    private static int Check(ReadOnlySpan<byte> s, int i, uint bits)
    {
        for (; bits != 0; bits &= bits - 1)
        {
            var at = i + BitOperations.TrailingZeroCount(bits);
            if (IsMarkerAt(s, at)) return at;
        }
        return -1;
    }

    private static bool IsMarkerAt(ReadOnlySpan<byte> s, int at)
    {
        var rest = s[at..];
        foreach (var m in Markers)
            if (rest.StartsWith(m)) return true;
        return false;
    }
}
