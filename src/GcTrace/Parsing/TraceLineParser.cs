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
        var kind = TraceMarkers.KindAt(text);
        var fast = kind switch
        {
            TraceLineKind.None => null,
            TraceLineKind.Gc => FastGcLineParser.TryParse(text, lineNumber),
            _ => FastTraceLineParser.TryParse(text, lineNumber, kind),
        };
        if (fast is not null || kind == TraceLineKind.None) return fast;
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
        if (TraceMarkers.StartsWithAny(line) && TraceGrammar.HasTraceShape(Decode(line))) return true;
        for (var start = NextMarkerAfterSpace(line, 1); start > 0; start = NextMarkerAfterSpace(line, start + 1))
            if (TraceGrammar.HasTraceShape(Decode(line[start..]))) return true;
        return false;
    }

    internal static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    // Latin-1 keeps one char per byte, so offsets match and no byte is lost; the grammar only accepts ASCII anyway
    // except for the pacer's ∆/Δ, which are decoded as UTF-8 when present.
    internal static string Decode(ReadOnlySpan<byte> text) =>
        text.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0 ? Encoding.Latin1.GetString(text) : Encoding.UTF8.GetString(text);

    private static int NextMarkerAfterSpace(ReadOnlySpan<byte> line, int from)
    {
        var best = -1;
        foreach (var m in TraceMarkers.All)
        {
            for (var i = from; i < line.Length;)
            {
                var k = line[i..].IndexOf(m.Bytes);
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
