// SymbolLines: reads the `#\t0x<pc>\t<func>+0x<off>\t<file>:<line>` lines that follow a debug=1 record into frames.
using System.Globalization;

namespace GcTrace.Profiles;

internal static class SymbolLines
{
    /// <summary>Parses one symbol line; returns false for other `#` lines (labels, MemStats).</summary>
    public static bool TryParse(string line, out ulong pc, out ulong entry, out string function, out string file, out long lineNumber)
    {
        pc = entry = 0;
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
        entry = plus > 0 && ulong.TryParse(parts[2].AsSpan(plus + 3), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var offset)
            ? pc - offset
            : pc;
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

    /// <summary>Turns parsed symbol lines (leaf first) into frames. The text form gives an inlined caller its own pc
    /// (the inline mark), but runtime.Frame.Entry stays the entry of the physical function (symtab.go: "entry is not
    /// modified. It always refers to a real frame, not an inlined one"), so a frame whose pc-offset equals the next
    /// frame's, under another name, was inlined into it. Such a group is one pprof Location at its innermost pc.</summary>
    public static IReadOnlyList<StackFrame> ToFrames(List<(ulong Pc, ulong Entry, string Function, string File, long Line)> lines)
    {
        var frames = new StackFrame[lines.Count];
        var groupStart = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var inlined = i + 1 < lines.Count && lines[i + 1].Entry == lines[i].Entry && lines[i + 1].Function != lines[i].Function;
            frames[i] = new StackFrame(lines[i].Function, lines[i].File, lines[i].Line, inlined, lines[groupStart].Pc);
            if (!inlined)
            {
                groupStart = i + 1;
            }
        }

        return frames;
    }
}
