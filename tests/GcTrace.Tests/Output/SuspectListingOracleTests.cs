// The HTML report's listing of a suspect's function against `go tool pprof -list -base FIRST LAST` saved beside each
// source-reading fixture run (heap-base-*.list.txt, made by scripts/gen-fixtures.sh): same lines, same code, same growth.
using System.Globalization;
using System.Text.RegularExpressions;
using GcTrace.Output.Html;
using GcTrace.Source;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Output;

public partial class SuspectListingOracleTests
{
    public static TheoryData<string> LeakRuns() => new(ProfiledRuns.Folders()
        .Where(f => f.StartsWith("runs/src_", StringComparison.Ordinal) && ProfiledRuns.Truth(f).Label == "leak")
        .Where(f => Directory.GetFiles(Path.Combine(RepoPaths.Fixtures, f), "heap-base-*.list.txt").Length == 1));

    [Theory]
    [MemberData(nameof(LeakRuns))]
    public void Listing_EveryLineThatGrew_SameGrowthAndCodeAsPprofList(string folder)
    {
        var verdict = ProfiledRuns.Diagnose(folder, ProfiledRuns.Series(folder));
        var suspect = verdict.Suspects.First(s => ProfiledRuns.Truth(folder).Functions.Contains(s.Function));
        var pprof = PprofList(Directory.GetFiles(Path.Combine(RepoPaths.Fixtures, folder), "heap-base-*.list.txt").Single(), CodeReader.Enclosing(suspect.Function));

        var listing = SuspectListing.For(suspect, ProfiledRuns.FixtureSources).Should().NotBeEmpty().And.Subject.First();

        listing.SourceFound.Should().BeTrue();
        var grew = listing.Rows.Where(r => r.FlatBytes is not null || r.CumBytes is not null).ToList();
        grew.Should().NotBeEmpty("the suspect's function holds the memory that grew");
        foreach (var row in grew)
        {
            pprof.Should().ContainKey(row.Line, $"pprof lists line {row.Line}");
            var (flat, cum, code) = pprof[row.Line];
            Same(row.FlatBytes ?? 0, flat).Should().BeTrue($"line {row.Line} flat: ours {row.FlatBytes}, pprof {flat}");
            Same(row.CumBytes ?? 0, cum).Should().BeTrue($"line {row.Line} cum: ours {row.CumBytes}, pprof {cum}");
            row.Code.Should().Be(code);
        }
        // And the other way: every line pprof shows growth at is in the listing with it.
        var ours = listing.Rows.Select(r => r.Line).ToHashSet();
        pprof.Where(kv => kv.Value.Flat.Value != 0 || kv.Value.Cum.Value != 0).Select(kv => kv.Key).Except(ours).Should().BeEmpty();
        listing.Rows.Where(r => r.IsSite).Select(r => r.Line).Should().Contain(suspect.Site!.Line);
    }

    [Fact]
    public void Listing_SourceNotFound_OnlyTheLinesThatGrewWithoutCode()
    {
        const string folder = "runs/src_map";
        var nowhere = new SourceLocator([Path.Combine(RepoPaths.Fixtures, "no-such-dir")]);
        var suspect = ProfiledRuns.Diagnose(folder, ProfiledRuns.Series(folder), nowhere).Suspects.First();

        var listing = SuspectListing.For(suspect, nowhere).Single();

        listing.SourceFound.Should().BeFalse();
        listing.Rows.Should().OnlyContain(r => r.Code == null && (r.FlatBytes != null || r.CumBytes != null || r.IsSite), string.Join("; ", listing.Rows));
        listing.Rows.Should().Contain(r => r.IsSite && r.Line == suspect.Site!.Line && r.FlatBytes > 0);
    }

    // pprof prints "21.16MB", "-650.62kB", "512B" or "." with two decimals in its unit (1 kB = 1024 B).
    private static bool Same(long bytes, Shown shown) => Math.Abs(bytes / shown.Unit - shown.Value) <= 0.0051;

    private sealed record Shown(double Value, double Unit);

    private sealed record PprofLine(Shown Flat, Shown Cum, string Code);

    private static Dictionary<long, PprofLine> PprofList(string path, string function)
    {
        var rows = new Dictionary<long, PprofLine>();
        var inFunction = false;
        foreach (var line in File.ReadLines(path))
        {
            if (Routine().Match(line) is { Success: true } routine)
            {
                inFunction = CodeReader.Enclosing(routine.Groups[1].Value) == function;
                continue;
            }
            if (!inFunction || Row().Match(line) is not { Success: true } m) continue;
            var n = long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            // A line shown in two routines (a func literal's and its declaring function's) has its growth in one.
            if (!rows.TryGetValue(n, out var known) || (known.Flat.Value == 0 && known.Cum.Value == 0))
                rows[n] = new PprofLine(Amount(m.Groups[1].Value), Amount(m.Groups[2].Value), m.Groups[4].Value);
        }
        return rows;
    }

    private static Shown Amount(string text)
    {
        if (text == "." || text == "0") return new Shown(0, 1);
        var m = Quantity().Match(text);
        var unit = m.Groups[2].Value switch { "kB" => 1024.0, "MB" => 1024.0 * 1024, "GB" => 1024.0 * 1024 * 1024, _ => 1.0 };
        return new Shown(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), unit);
    }

    [GeneratedRegex(@"^ROUTINE =+ (\S+) in ")]
    private static partial Regex Routine();

    [GeneratedRegex(@"^\s*(\S+)\s+(\S+)\s+(\d+):(.*)$")]
    private static partial Regex Row();

    [GeneratedRegex(@"^(-?[\d.]+)(B|kB|MB|GB)$")]
    private static partial Regex Quantity();
}
