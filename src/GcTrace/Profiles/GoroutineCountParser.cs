// GoroutineCountParser: reads `goroutine profile: total N` (debug=1): one sample per distinct stack, valued by its count.
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GcTrace.Profiles;

internal static partial class GoroutineCountParser
{
    [GeneratedRegex(@"^goroutine profile: total (\d+)$")]
    private static partial Regex HeaderRegex();

    // `3 @ 0x43a1d6 0x406b5b ...` (runtime/pprof printCountProfile).
    [GeneratedRegex(@"^(\d+) @(( 0x[0-9a-f]+)*)$")]
    private static partial Regex RecordRegex();

    private const string LabelsPrefix = "# labels: ";

    public static Profile Parse(string text, string sourceName)
    {
        var lines = text.Split('\n');
        if (!HeaderRegex().IsMatch(lines[0].TrimEnd('\r')))
        {
            throw new ProfileFormatException(sourceName, "goroutine text header not recognized");
        }

        var samples = new List<ProfileSample>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var m = RecordRegex().Match(line);
            if (!m.Success)
            {
                throw new ProfileFormatException(sourceName, string.Create(CultureInfo.InvariantCulture, $"goroutine text line {i + 1} not recognized"));
            }

            var count = long.Parse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            var labels = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var symbols = new List<(ulong, ulong, string, string, long)>();
            while (i + 1 < lines.Length && lines[i + 1].StartsWith('#'))
            {
                var next = lines[++i].TrimEnd('\r');
                if (next.StartsWith(LabelsPrefix, StringComparison.Ordinal))
                {
                    ParseLabels(next[LabelsPrefix.Length..], labels, sourceName, i + 1);
                }
                else if (SymbolLines.TryParse(next, out var pc, out var entry, out var fn, out var file, out var ln))
                {
                    symbols.Add((pc, entry, fn, file, ln));
                }
            }

            var stack = SymbolLines.ToFrames(symbols);
            samples.Add(new ProfileSample
            {
                Values = [count],
                Stack = stack,
                Labels = labels,
                WaitState = WaitStateClassifier.Classify(stack),
            });
        }

        return Profile.OfGoroutines(sourceName, samples);
    }

    /// <summary>`{"handler":"api", "user":"x"}`: Go prints each pair with %q, which is valid JSON for these strings.</summary>
    private static void ParseLabels(string json, Dictionary<string, IReadOnlyList<string>> labels, string sourceName, int lineNumber)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                labels[property.Name] = [property.Value.GetString() ?? ""];
            }
        }
        catch (JsonException ex)
        {
            throw new ProfileFormatException(sourceName, string.Create(CultureInfo.InvariantCulture, $"goroutine text line {lineNumber}: bad labels"), ex);
        }
    }
}
