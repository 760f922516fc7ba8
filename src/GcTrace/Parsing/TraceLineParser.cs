// Turns one input line (bytes, line end removed) into a trace event, or says it is an application line.
using System.Text;
using GcTrace.Events;

namespace GcTrace.Parsing;

/// <summary>
/// Finds where the trace text starts (at column 0, or after a prefix such as a timestamp or a container log prefix
/// <c>2026-11-26T14:31:55.026Z stderr F </c>), then parses it: gc lines through <see cref="FastGcLineParser"/> first,
/// other kinds through <see cref="FastTraceLineParser"/>, and every declined line through <see cref="TraceGrammar"/>.
/// </summary>
public static class TraceLineParser
{
    /// <summary>Byte strings that start every trace line kind; a line without any of them is application output.</summary>
    internal static readonly byte[][] Markers =
    [
        "gc "u8.ToArray(), "GC forced"u8.ToArray(), "scav "u8.ToArray(), "scvg"u8.ToArray(), "forced scvg"u8.ToArray(),
        "pacer: "u8.ToArray(), "SCHED "u8.ToArray(), "scan: "u8.ToArray(),
    ];

    /// <summary>The event for <paramref name="line"/>, or null when the line is not (whole) trace output.</summary>
    public static TraceEvent? TryParse(ReadOnlySpan<byte> line, long lineNumber)
    {
        line = TrimCarriageReturn(line);
        var parsed = TryParseAt(line, lineNumber);
        if (parsed is not null) return parsed;
        // A prefix: try each marker that starts after whitespace, leftmost first.
        for (var start = NextMarkerAfterSpace(line, 1); start > 0; start = NextMarkerAfterSpace(line, start + 1))
        {
            parsed = TryParseAt(line[start..], lineNumber);
            if (parsed is not null) return parsed;
        }
        return null;
    }

    /// <summary>Parses a line whose trace text starts at column 0.</summary>
    public static TraceEvent? TryParseAt(ReadOnlySpan<byte> text, long lineNumber)
    {
        if (text.Length < 4) return null;
        if (text[0] == (byte)'g' && text[1] == (byte)'c' && text[2] == (byte)' ')
        {
            var fast = FastGcLineParser.TryParse(text, lineNumber);
            if (fast is not null) return fast;
        }
        else
        {
            // The fast path checks its own markers, so a trace line costs no marker loop; the loop only keeps app text
            // from the grammar.
            var fast = FastTraceLineParser.TryParse(text, lineNumber);
            if (fast is not null) return fast;
            if (!StartsWithMarker(text)) return null;
        }
        return TraceGrammar.TryParse(Decode(text), lineNumber);
    }

    /// <summary>
    /// True when <paramref name="line"/> (line end removed) has the shape of a whole trace line, at column 0 or after a
    /// prefix, but a number in it cannot be represented (<see cref="TraceLimits"/>), so it parses as nothing. Such a line
    /// is counted as unrecognized and passed through.
    /// </summary>
    public static bool IsUnrepresentable(ReadOnlySpan<byte> line) => TryParse(line, 0) is null && HasUnrepresentableShape(line);

    /// <summary><see cref="IsUnrepresentable"/> for a line <see cref="TryParse"/> already declined.</summary>
    internal static bool HasUnrepresentableShape(ReadOnlySpan<byte> line)
    {
        line = TrimCarriageReturn(line);
        if (StartsWithMarker(line) && TraceGrammar.HasTraceShape(Decode(line))) return true;
        for (var start = NextMarkerAfterSpace(line, 1); start > 0; start = NextMarkerAfterSpace(line, start + 1))
            if (TraceGrammar.HasTraceShape(Decode(line[start..]))) return true;
        return false;
    }

    /// <summary>True when <paramref name="text"/> begins like a gc line: <c>gc </c> then a digit, or just <c>gc </c>.</summary>
    public static bool IsGcStart(ReadOnlySpan<byte> text) => text.StartsWith("gc "u8);

    internal static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    // Latin-1 keeps one char per byte, so offsets match and no byte is lost; the grammar only accepts ASCII anyway
    // except for the pacer's ∆/Δ, which are decoded as UTF-8 when present.
    internal static string Decode(ReadOnlySpan<byte> text) =>
        text.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0 ? Encoding.Latin1.GetString(text) : Encoding.UTF8.GetString(text);

    internal static bool StartsWithMarker(ReadOnlySpan<byte> text)
    {
        foreach (var m in Markers)
            if (text.StartsWith(m)) return true;
        return false;
    }

    private static int NextMarkerAfterSpace(ReadOnlySpan<byte> line, int from)
    {
        var best = -1;
        foreach (var m in Markers)
        {
            for (var i = from; i < line.Length;)
            {
                var k = line[i..].IndexOf(m);
                if (k < 0) break;
                var at = i + k;
                if (line[at - 1] is (byte)' ' or (byte)'\t')
                {
                    if (best < 0 || at < best) best = at;
                    break;
                }
                i = at + 1;
            }
        }
        return best;
    }
}
