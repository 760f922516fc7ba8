// Finds the first trace marker in a chunk in one vectorised pass, instead of one substring search per marker.
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace GcTrace.Parsing;

/// <summary>
/// Every marker begins with one of the 3-byte heads of <see cref="TraceMarkers.Heads"/>. A vector pass tests those heads
/// at 16 or 32 positions at a time and the rare hits are checked against the whole markers. Searching per marker with
/// <c>IndexOf(marker)</c> anchors on the first and last byte only, which app text such as "request 123 handled" matches
/// all the time ('s' ... ' '), so it would cost as much as the rest of the work on a mixed log.
/// </summary>
/// <remarks>
/// The heads are tested with nibble tables (the "Teddy" filter of Hyperscan): each head owns one bit; for each of the
/// three positions a byte's low nibble and its high nibble each select, by a shuffle, the heads that have a byte with that
/// nibble there. ANDing the six lookups leaves a head's bit set exactly where the head starts, whatever the heads are, in
/// about as many vector operations as compares hand-written for one fixed set of heads.
/// </remarks>
internal static class MarkerSearch
{
    private static readonly Vector128<byte> Low0 = Table(0, low: true), High0 = Table(0, low: false);
    private static readonly Vector128<byte> Low1 = Table(1, low: true), High1 = Table(1, low: false);
    private static readonly Vector128<byte> Low2 = Table(2, low: true), High2 = Table(2, low: false);

    /// <summary>The smallest i such that <paramref name="s"/>[i..] starts with a marker, or -1.</summary>
    public static int IndexOfAny(ReadOnlySpan<byte> s) => IndexOfAny(s, out _);

    /// <summary>
    /// The smallest i such that <paramref name="s"/>[i..] starts with a marker, or -1; <paramref name="newlines"/> is the
    /// number of '\n' before it (in all of <paramref name="s"/> when there is none). Counting in the same pass spares the
    /// scanner a second read of every application byte.
    /// </summary>
    public static int IndexOfAny(ReadOnlySpan<byte> s, out long newlines)
    {
        var i = 0;
        long nl = 0;
        ref var start = ref MemoryMarshal.GetReference(s);
        // In runs of gc lines every search starts on a marker: answer that without the setup of a 64-byte step, whose
        // work (and the recount on a hit) costs a gc-only log about a quarter of its time. Same test as the byte loop at the end.
        if (s.Length > 0 && IsHeadStart(s[0]) && TraceMarkers.StartsWithAny(s))
        {
            newlines = 0;
            return 0;
        }
        // Native AOT for the x64 baseline folds Vector256 acceleration (and AVX2) to false, so the 128-bit path runs there;
        // a build for x86-64-v3 takes the 256-bit one (docs/benchmarks.md). Where Vector256 is accelerated on x64, AVX2
        // is there, and its per-lane byte shuffle is the lookup the nibble tables need.
        if (Vector256.IsHardwareAccelerated && Avx2.IsSupported)
        {
            var nibble = Vector256.Create((byte)0x0F);
            var (l0, h0) = (Vector256.Create(Low0, Low0), Vector256.Create(High0, High0));
            var (l1, h1) = (Vector256.Create(Low1, Low1), Vector256.Create(High1, High1));
            var (l2, h2) = (Vector256.Create(Low2, Low2), Vector256.Create(High2, High2));
            for (; i <= s.Length - Vector256<byte>.Count - 2; i += Vector256<byte>.Count)
            {
                var v0 = Vector256.LoadUnsafe(ref start, (nuint)i);
                var heads = Lookup(v0, l0, h0, nibble) & Lookup(Vector256.LoadUnsafe(ref start, (nuint)(i + 1)), l1, h1, nibble)
                    & Lookup(Vector256.LoadUnsafe(ref start, (nuint)(i + 2)), l2, h2, nibble);
                var bits = ~Vector256.Equals(heads, Vector256<byte>.Zero).ExtractMostSignificantBits();
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
            // The byte shuffle is SSSE3 on x64 (checked at run time by a Native AOT build for the baseline, which has only
            // SSE2) and TBL on Arm64; each gets its own copy of the loop, so the choice is made once per search.
            var at = Ssse3.IsSupported ? Search128<Ssse3Lookup>(s, ref i, ref nl)
                : AdvSimd.Arm64.IsSupported ? Search128<Arm64Lookup>(s, ref i, ref nl)
                : Search128<PortableLookup>(s, ref i, ref nl);
            if (at >= 0)
            {
                newlines = nl;
                return at;
            }
        }
        for (; i < s.Length; i++)
        {
            if (IsHeadStart(s[i]) && TraceMarkers.StartsWithAny(s[i..]))
            {
                newlines = nl;
                return i;
            }
            if (s[i] == (byte)'\n') nl++;
        }
        newlines = nl;
        return -1;
    }

    // The 128-bit search from i on: the first marker's position, with nl advanced by the newlines before it, or -1 with
    // i and nl advanced past what it searched (the byte loop does the rest).
    private static int Search128<T>(ReadOnlySpan<byte> s, ref int from, ref long lines) where T : struct, ITableLookup
    {
        // Locals, not the refs, in the loops: a ref parameter would be read and written through memory each step.
        var i = from;
        var nl = lines;
        ref var start = ref MemoryMarshal.GetReference(s);
        // Four vectors (64 bytes) per step and one branch on their joined head masks: hits are rare, so the loop is
        // bound by the vector ops, and one movemask + test per 64 bytes replaces four. Newlines are counted without
        // a movemask/popcount per vector: a compare yields 0xFF (-1) per '\n' lane, so subtracting it adds 1 to that
        // lane's byte counter. A lane gains at most 4 per step, so the counters are summed into nl every 63 steps,
        // before a byte can wrap (63 * 4 = 252 <= 255).
        const int Step = 4 * 16;
        var newline = Vector128.Create((byte)'\n');
        var nibble = Vector128.Create((byte)0x0F);
        var (l0, h0, l1, h1, l2, h2) = (Low0, High0, Low1, High1, Low2, High2);
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
                var any = Heads<T>(v, Vector128.LoadUnsafe(ref p, 1), Vector128.LoadUnsafe(ref p, 2), l0, h0, l1, h1, l2, h2, nibble);
                v = Vector128.LoadUnsafe(ref p, 16);
                counts -= Vector128.Equals(v, newline);
                any |= Heads<T>(v, Vector128.LoadUnsafe(ref p, 17), Vector128.LoadUnsafe(ref p, 18), l0, h0, l1, h1, l2, h2, nibble);
                v = Vector128.LoadUnsafe(ref p, 32);
                counts -= Vector128.Equals(v, newline);
                any |= Heads<T>(v, Vector128.LoadUnsafe(ref p, 33), Vector128.LoadUnsafe(ref p, 34), l0, h0, l1, h1, l2, h2, nibble);
                v = Vector128.LoadUnsafe(ref p, 48);
                counts -= Vector128.Equals(v, newline);
                any |= Heads<T>(v, Vector128.LoadUnsafe(ref p, 49), Vector128.LoadUnsafe(ref p, 50), l0, h0, l1, h1, l2, h2, nibble);
                if (any != Vector128<byte>.Zero && Check(s, i, BlockHeads<T>(ref p)) is var at and >= 0)
                {
                    // Rare: the counters already hold the whole block; take back its newlines from the marker on.
                    lines = nl + Sum(counts) - s[at..(i + Step)].Count((byte)'\n');
                    return at;
                }
            }
            nl += Sum(counts);
        }

        for (; i <= s.Length - Vector128<byte>.Count - 2; i += Vector128<byte>.Count)
        {
            var v0 = Vector128.LoadUnsafe(ref start, (nuint)i);
            var heads = Heads<T>(v0, Vector128.LoadUnsafe(ref start, (nuint)(i + 1)), Vector128.LoadUnsafe(ref start, (nuint)(i + 2)),
                l0, h0, l1, h1, l2, h2, nibble);
            var bits = ~Vector128.Equals(heads, Vector128<byte>.Zero).ExtractMostSignificantBits() & 0xFFFF;
            var newlines = Vector128.Equals(v0, Vector128.Create((byte)'\n')).ExtractMostSignificantBits();
            if (bits != 0 && Check(s, i, bits) is var at and >= 0)
            {
                lines = nl + LinesBelow(newlines, at - i);
                return at;
            }
            nl += BitOperations.PopCount(newlines);
        }
        from = i;
        lines = nl;
        return -1;
    }

    // The head candidates of the 64 bytes at p as a bit mask (bit k: byte k), recomputed on a hit only.
    private static ulong BlockHeads<T>(ref byte p) where T : struct, ITableLookup
    {
        var nibble = Vector128.Create((byte)0x0F);
        ulong bits = 0;
        for (var k = 0; k < 64; k += 16)
        {
            var heads = Heads<T>(Vector128.LoadUnsafe(ref p, (nuint)k), Vector128.LoadUnsafe(ref p, (nuint)k + 1),
                Vector128.LoadUnsafe(ref p, (nuint)k + 2), Low0, High0, Low1, High1, Low2, High2, nibble);
            bits |= (ulong)(~Vector128.Equals(heads, Vector128<byte>.Zero).ExtractMostSignificantBits() & 0xFFFF) << k;
        }
        return bits;
    }

    // The sum of the 16 per-lane newline counters (each <= 252, so the widened sum cannot overflow).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Sum(Vector128<byte> counts)
    {
        var (lo, hi) = Vector128.Widen(counts);
        return Vector128.Sum(lo + hi);
    }

    // Newlines among the first n bytes of a step, from the step's newline mask.
    private static int LinesBelow(uint lines, int n) => BitOperations.PopCount(lines & (uint)((1UL << n) - 1));

    private static bool IsHeadStart(byte b) => TraceMarkers.HeadStarts.Contains(b);

    // Per lane, the heads (one bit each) that start there: v0, v1, v2 are the bytes at offsets 0, 1 and 2. Inlined, with
    // the tables in locals: as a call, returning the mask vector through memory cost as much as the lookups.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Heads<T>(Vector128<byte> v0, Vector128<byte> v1, Vector128<byte> v2, Vector128<byte> l0,
        Vector128<byte> h0, Vector128<byte> l1, Vector128<byte> h1, Vector128<byte> l2, Vector128<byte> h2, Vector128<byte> nibble)
        where T : struct, ITableLookup =>
        Lookup<T>(v0, l0, h0, nibble) & Lookup<T>(v1, l1, h1, nibble) & Lookup<T>(v2, l2, h2, nibble);

    // The heads whose byte at this position is v: the low nibble's heads AND the high nibble's heads.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Lookup<T>(Vector128<byte> v, Vector128<byte> low, Vector128<byte> high, Vector128<byte> nibble)
        where T : struct, ITableLookup =>
        T.Shuffle(low, v & nibble) & T.Shuffle(high, Vector128.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & nibble);

    // A 16-entry byte table lookup (indices 0-15), by whichever instruction the machine has.
    private interface ITableLookup
    {
        static abstract Vector128<byte> Shuffle(Vector128<byte> table, Vector128<byte> indices);
    }

    private readonly struct Ssse3Lookup : ITableLookup
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<byte> Shuffle(Vector128<byte> table, Vector128<byte> indices) => Ssse3.Shuffle(table, indices);
    }

    private readonly struct Arm64Lookup : ITableLookup
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<byte> Shuffle(Vector128<byte> table, Vector128<byte> indices) => AdvSimd.Arm64.VectorTableLookup(table, indices);
    }

    // Neither instruction: correct, not fast (Vector128 is accelerated on every other platform .NET runs on).
    private readonly struct PortableLookup : ITableLookup
    {
        public static Vector128<byte> Shuffle(Vector128<byte> table, Vector128<byte> indices) => Vector128.ShuffleNative(table, indices);
    }

    // AVX2's shuffle looks up within each 128-bit lane, so the 256-bit tables hold the 128-bit table twice.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Lookup(Vector256<byte> v, Vector256<byte> low, Vector256<byte> high, Vector256<byte> nibble) =>
        Avx2.Shuffle(low, v & nibble) & Avx2.Shuffle(high, Vector256.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & nibble);

    // The nibble table of one head position: entry n has bit k set when head k's byte there has n as its low (or high) nibble.
    private static Vector128<byte> Table(int position, bool low)
    {
        Span<byte> table = stackalloc byte[16];
        for (var k = 0; k < TraceMarkers.Heads.Length; k++)
        {
            var b = TraceMarkers.Heads[k][position];
            table[low ? b & 0x0F : b >> 4] |= (byte)(1 << k);
        }
        return Vector128.Create((ReadOnlySpan<byte>)table);
    }

    // The first head hit in the vector at i that is a whole marker, or -1.
    private static int Check(ReadOnlySpan<byte> s, int i, uint bits) => Check(s, i, (ulong)bits);

    private static int Check(ReadOnlySpan<byte> s, int i, ulong bits)
    {
        for (; bits != 0; bits &= bits - 1)
        {
            var at = i + BitOperations.TrailingZeroCount(bits);
            if (TraceMarkers.StartsWithAny(s[at..])) return at;
        }
        return -1;
    }
}
