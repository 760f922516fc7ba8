// SymbolLines: reads the `#\t0x<pc>\t<func>+0x<off>\t<file>:<line>` lines that follow a debug=1 record into frames.
using System.Globalization;

namespace GcTrace.Profiles;

internal static class SymbolLines
{
    /// <summary>Parses one symbol line; returns false for other `#` lines (labels, MemStats).</summary>
    public static bool TryParse(string line, out ulong pc, out string function, out string file, out long lineNumber)
    {
        pc = 0;
        function = file = "";
        lineNumber = 0;
        // Columns come from a tabwriter, so one or more tabs separate them (runtime/pprof printStackRecord).
        var parts = line.Split('\t', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || parts[0] != "#" || !parts[1].StartsWith("0x", StringComparison.Ordinal)
            || !ulong.TryParse(parts[1].AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out pc))
        {
            return false;
        }

        var plus = parts[2].LastIndexOf("+0x", StringComparison.Ordinal);
        function = plus > 0 ? parts[2][..plus] : parts[2];
        if (parts.Length >= 4)
        {
            var location = string.Join('\t', parts.Skip(3));
            var colon = location.LastIndexOf(':');
            if (colon > 0 && long.TryParse(location.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out lineNumber))
            {
                file = location[..colon];
            }
            else
            {
                file = location;
            }
        }

        return true;
    }

    /// <summary>Turns parsed symbol lines (leaf first) into frames. Consecutive lines with the same pc are one
    /// location whose earlier lines were inlined into the last (runtime.CallersFrames expands inlining that way).</summary>
    public static IReadOnlyList<StackFrame> ToFrames(List<(ulong Pc, string Function, string File, long Line)> lines)
    {
        var frames = new StackFrame[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var inlined = i + 1 < lines.Count && lines[i + 1].Pc == lines[i].Pc;
            frames[i] = new StackFrame(lines[i].Function, lines[i].File, lines[i].Line, inlined, lines[i].Pc);
        }

        return frames;
    }
}
