// The text that begins each kind of line the Go runtime prints under gctrace, scavtrace, gcpacertrace and schedtrace
// (docs/gctrace-format.md): the one table the scanner, the line classifier, the grammar and the split-line repair read.
using System.Buffers;
using System.Text;

namespace GcTrace.Parsing;

/// <summary>The kinds of trace line, one per family of parser rules.</summary>
internal enum TraceLineKind
{
    None,
    Gc,
    GcForced,
    Scav,
    Scvg,
    Pacer,
    Sched,
    Scan,
}

/// <summary>A marker: the exact text a line of <paramref name="Kind"/> starts with.</summary>
internal sealed record TraceMarker(string Text, TraceLineKind Kind)
{
    /// <summary>The marker's ASCII bytes, for the byte-level scanner and parsers.</summary>
    public byte[] Bytes { get; } = Encoding.ASCII.GetBytes(Text);
}

/// <summary>
/// Every trace marker, and what the scanner derives from them: the 3-byte heads its vector pass tests and the bytes a
/// head can start with. No marker is a prefix of another, so a line's marker (and kind) is unique.
/// </summary>
internal static class TraceMarkers
{
    /// <summary>The gc summary line's marker, which the split-line repair also starts its templates with.</summary>
    public static readonly TraceMarker Gc = new("gc ", TraceLineKind.Gc);

    /// <summary>All markers. Adding a line kind starts here; the search and the classifiers follow.</summary>
    public static readonly TraceMarker[] All =
    [
        Gc,
        new("GC forced", TraceLineKind.GcForced),
        new("scav ", TraceLineKind.Scav),
        new("scvg", TraceLineKind.Scvg),
        new("forced scvg", TraceLineKind.Scvg),
        new("pacer: ", TraceLineKind.Pacer),
        new("SCHED ", TraceLineKind.Sched),
        new("scan: ", TraceLineKind.Scan),
    ];

    /// <summary>
    /// The vector search tests three bytes per position: enough to make app text rarely a candidate, and every marker
    /// is at least this long.
    /// </summary>
    public const int HeadLength = 3;

    /// <summary>
    /// The search's nibble tables give each head one bit of a byte, so there can be at most eight distinct heads.
    /// </summary>
    public const int MaxHeads = 8;

    /// <summary>
    /// The distinct first <see cref="HeadLength"/> bytes of the markers that contain no other marker. A marker that
    /// contains one ("forced scvg" holds "scvg") is found through it, and the scanner backs up to the line start; a head
    /// of its own ("for") would stop the search in ordinary English text.
    /// </summary>
    public static readonly byte[][] Heads = HeadsOf(All);

    /// <summary>The bytes a head starts with: the scalar search's first-byte filter.</summary>
    public static readonly SearchValues<byte> HeadStarts = SearchValues.Create(Heads.Select(h => h[0]).Distinct().ToArray());

    // The markers by their first byte, so that classifying a line compares one to three markers, not all of them.
    private static readonly TraceMarker[][] ByFirstByte = Enumerable.Range(0, 256)
        .Select(b => All.Where(m => m.Bytes[0] == b).ToArray())
        .ToArray();

    /// <summary>The kind of line <paramref name="text"/> starts with, or <see cref="TraceLineKind.None"/>.</summary>
    public static TraceLineKind KindAt(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty) return TraceLineKind.None;
        foreach (var m in ByFirstByte[text[0]])
            if (text.StartsWith(m.Bytes)) return m.Kind;
        return TraceLineKind.None;
    }

    /// <summary><see cref="KindAt(ReadOnlySpan{byte})"/> for decoded text.</summary>
    public static TraceLineKind KindAt(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text[0] > 0xFF) return TraceLineKind.None;
        foreach (var m in ByFirstByte[text[0]])
            if (text.StartsWith(m.Text, StringComparison.Ordinal)) return m.Kind;
        return TraceLineKind.None;
    }

    /// <summary>True when <paramref name="text"/> starts with any marker.</summary>
    public static bool StartsWithAny(ReadOnlySpan<byte> text) => KindAt(text) != TraceLineKind.None;

    /// <summary>True when <paramref name="text"/> begins like a gc line (a bare <c>gc </c> too).</summary>
    public static bool StartsWithGc(ReadOnlySpan<byte> text) => text.StartsWith(Gc.Bytes);

    private static byte[][] HeadsOf(TraceMarker[] markers)
    {
        if (markers.Any(m => m.Bytes.Length < HeadLength || m.Bytes.Any(b => b > 0x7F)))
            throw new InvalidOperationException($"every trace marker is ASCII and at least {HeadLength} bytes long");
        if (markers.Any(m => markers.Any(o => o != m && o.Text.StartsWith(m.Text, StringComparison.Ordinal))))
            throw new InvalidOperationException("a trace marker is a prefix of another, so a line's kind would be ambiguous");
        var heads = markers
            .Where(m => !markers.Any(o => o != m && m.Text.Contains(o.Text, StringComparison.Ordinal)))
            .Select(m => m.Text[..HeadLength])
            .Distinct(StringComparer.Ordinal)
            .Select(Encoding.ASCII.GetBytes)
            .ToArray();
        if (heads.Length > MaxHeads)
            throw new InvalidOperationException($"the marker search tells at most {MaxHeads} heads apart, not {heads.Length}");
        return heads;
    }
}
