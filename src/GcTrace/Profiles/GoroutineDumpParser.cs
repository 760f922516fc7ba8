// GoroutineDumpParser: reads a debug=2 goroutine dump (runtime.Stack(all)) into one sample per goroutine, with its state.
using System.Globalization;
using System.Text.RegularExpressions;

namespace GcTrace.Profiles;

internal static partial class GoroutineDumpParser
{
    // `goroutine 5 [chan send, 3 minutes]:`; go1.22+ may insert ` gp=0x.. m=..` before the bracket (traceback.go goroutineheader).
    [GeneratedRegex(@"^goroutine (\d+)(?: [^\[]*)? \[(.*)\]:$")]
    private static partial Regex HeaderRegex();

    [GeneratedRegex(@"^(\d+) minutes$")]
    private static partial Regex MinutesRegex();

    // `created by main.main` (≤1.20) or `created by main.main in goroutine 1` (1.21+).
    [GeneratedRegex(@"^created by (\S+)(?: in goroutine \d+)?$")]
    private static partial Regex CreatedByRegex();

    // Flags the runtime appends to the wait reason; not part of the state itself.
    private static readonly string[] StateFlags = [" (leaked)", " (scan)", " (durable)"];

    public static Profile Parse(string text, string sourceName)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var samples = new List<ProfileSample>();
        var i = 0;
        while (i < lines.Length)
        {
            if (lines[i].Length == 0)
            {
                i++;
                continue;
            }

            var header = HeaderRegex().Match(lines[i]);
            if (!header.Success)
            {
                throw new ProfileFormatException(sourceName, string.Create(CultureInfo.InvariantCulture, $"goroutine dump line {i + 1}: expected a goroutine header"));
            }

            var (state, minutes) = ParseStatus(header.Groups[2].Value);
            var frames = new List<StackFrame>();
            string? createdBy = null;
            StackFrame? creator = null;
            for (i++; i < lines.Length && lines[i].Length != 0; i++)
            {
                var line = lines[i];
                if (line.StartsWith('\t') || line == "...additional frames elided...")
                {
                    continue; // file:line lines are consumed with their function line below
                }

                var fileLine = i + 1 < lines.Length && lines[i + 1].StartsWith('\t') ? lines[++i][1..] : "";
                var (file, lineNumber) = SplitFileLine(fileLine);
                var created = CreatedByRegex().Match(line);
                if (created.Success)
                {
                    createdBy = created.Groups[1].Value;
                    creator = new StackFrame(createdBy, file, lineNumber, false, 0);
                    continue;
                }

                var (function, args) = SplitCall(line);
                // Inlined frames print `(...)` instead of arguments: they share the next frame's location.
                frames.Add(new StackFrame(function, file, lineNumber, args == "...", 0));
            }

            samples.Add(new ProfileSample
            {
                Values = [1],
                Stack = frames,
                WaitState = state,
                WaitMinutes = minutes,
                CreatedBy = createdBy,
                Creator = creator,
                GoroutineId = long.Parse(header.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture),
            });
        }

        return Profile.OfGoroutines(sourceName, samples);
    }

    /// <summary>`chan send, 3 minutes, locked to thread` -> ("chan send", 3).</summary>
    private static (string State, int? Minutes) ParseStatus(string status)
    {
        var labels = status.IndexOf(" labels:{", StringComparison.Ordinal);
        if (labels >= 0)
        {
            status = status[..labels];
        }

        var parts = status.Split(", ");
        var state = parts[0];
        foreach (var flag in StateFlags)
        {
            state = state.Replace(flag, "", StringComparison.Ordinal);
        }

        int? minutes = null;
        foreach (var part in parts.Skip(1))
        {
            var m = MinutesRegex().Match(part);
            if (m.Success)
            {
                minutes = int.Parse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        return (state, minutes);
    }

    /// <summary>`main.(*lru).put(0xc000010000, ...)` -> ("main.(*lru).put", "0xc000010000, ..."): the arguments are the
    /// last balanced parenthesis group, since receiver types contain parentheses too.</summary>
    private static (string Function, string Args) SplitCall(string line)
    {
        if (!line.EndsWith(')'))
        {
            return (line, "");
        }

        var depth = 0;
        for (var j = line.Length - 1; j >= 0; j--)
        {
            depth += line[j] == ')' ? 1 : line[j] == '(' ? -1 : 0;
            if (depth == 0)
            {
                return (line[..j], line[(j + 1)..^1]);
            }
        }

        return (line, "");
    }

    /// <summary>`/src/app/main.go:20 +0x45` -> ("/src/app/main.go", 20).</summary>
    private static (string File, long Line) SplitFileLine(string text)
    {
        var space = text.LastIndexOf(" +0x", StringComparison.Ordinal);
        if (space >= 0)
        {
            text = text[..space];
        }

        var colon = text.LastIndexOf(':');
        return colon > 0 && long.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var line)
            ? (text[..colon], line)
            : (text, 0);
    }
}
