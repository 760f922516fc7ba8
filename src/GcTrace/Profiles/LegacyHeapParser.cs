// LegacyHeapParser: reads the `heap profile: ...` text form (debug=1) and unsamples it as pprof does (spec 4.3, 4.4).
using System.Globalization;
using System.Text.RegularExpressions;

namespace GcTrace.Profiles;

internal static partial class LegacyHeapParser
{
    // pprof legacy_profile.go heapHeaderRE and heapSampleRE.
    [GeneratedRegex(@"heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] *@ *(heap[_a-z0-9]*)/?(\d*)")]
    private static partial Regex HeaderRegex();

    [GeneratedRegex(@"(-?\d+): *(-?\d+) *\[ *(\d+): *(\d+) *] @([ x0-9a-f]*)")]
    private static partial Regex SampleRegex();

    public static Profile Parse(string text, string sourceName)
    {
        var lines = text.Split('\n');
        var header = HeaderRegex().Match(lines[0]);
        if (!header.Success)
        {
            throw new ProfileFormatException(sourceName, "heap text header not recognized");
        }

        var (sampling, period) = header.Groups[5].Value switch
        {
            "heap" => ("v2", HeaderPeriod(header, sourceName) / 2), // header prints 2*MemProfileRate
            "heap_v2" or "heapz_v2" => ("v2", HeaderPeriod(header, sourceName)),
            "heapprofile" => ("", 1L),
            _ => throw new ProfileFormatException(sourceName, $"heap text sampling '{header.Groups[5].Value}' not recognized"),
        };
        var g = header.Groups;
        // pprof keeps the alloc columns only if they differ from the inuse ones (or are not 0).
        var hasAlloc = (g[3].Value != g[1].Value && g[3].Value != "0") || (g[4].Value != g[2].Value && g[4].Value != "0");

        var samples = new List<ProfileSample>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var m = SampleRegex().Match(line);
            if (!m.Success)
            {
                // go ≤1.x appended /proc/self/maps after the records (pprof's memory-map sentinel).
                if (line.StartsWith("MAPPED_LIBRARIES:", StringComparison.Ordinal) || line.StartsWith("--- Memory map:", StringComparison.Ordinal))
                {
                    break;
                }

                throw new ProfileFormatException(sourceName, string.Create(CultureInfo.InvariantCulture, $"heap text line {i + 1} not recognized"));
            }

            var symbols = new List<(ulong, ulong, string, string, long)>();
            while (i + 1 < lines.Length && lines[i + 1].StartsWith('#')
                   && SymbolLines.TryParse(lines[i + 1], out var pc, out var entry, out var fn, out var file, out var ln))
            {
                symbols.Add((pc, entry, fn, file, ln));
                i++;
            }

            var values = new List<long>(4);
            long blockSize = 0;
            if (hasAlloc)
            {
                AddPair(m.Groups[3].Value, m.Groups[4].Value);
            }

            AddPair(m.Groups[1].Value, m.Groups[2].Value);
            samples.Add(new ProfileSample
            {
                Values = values,
                Stack = SymbolLines.ToFrames(symbols),
                NumLabels = new Dictionary<string, IReadOnlyList<long>> { ["bytes"] = [blockSize] },
            });

            void AddPair(string countText, string sizeText)
            {
                var count = ParseLong(countText, sourceName, i + 1);
                var size = ParseLong(sizeText, sourceName, i + 1);
                if (count != 0)
                {
                    blockSize = size / count;
                    if (sampling == "v2")
                    {
                        (count, size) = HeapSampleScaler.Scale(count, size, period);
                    }
                }

                values.Add(count);
                values.Add(size);
            }
        }

        ProfileValueType[] types = hasAlloc
            ? [new("alloc_objects", "count"), new("alloc_space", "bytes"), new("inuse_objects", "count"), new("inuse_space", "bytes")]
            : [new("objects", "count"), new("space", "bytes")];
        return new Profile
        {
            SourceName = sourceName,
            SampleTypes = types,
            Samples = samples,
            PeriodType = new ProfileValueType("space", "bytes"),
            Period = period,
        };
    }

    private static long HeaderPeriod(Match header, string sourceName) =>
        header.Groups[6].Value.Length == 0 ? 0 : ParseLong(header.Groups[6].Value, sourceName, 1);

    private static long ParseLong(string text, string sourceName, int lineNumber) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ProfileFormatException(sourceName, string.Create(CultureInfo.InvariantCulture, $"heap text line {lineNumber}: bad number '{text}'"));
}
