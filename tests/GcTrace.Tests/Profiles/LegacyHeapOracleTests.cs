// LegacyHeapOracleTests: our reading of a debug=1 heap text agrees with `go tool pprof` reading the same text with
// the binary at hand (fixtures/profiles/heap-debug1.*, made by scripts/make-heap-debug1.sh).
using System.Globalization;
using GcTrace.Tests.Support.Oracles;
using GcTrace.Profiles;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Profiles;

public sealed class LegacyHeapOracleTests
{
    public static TheoryData<string> Indexes() => new() { "inuse_space", "inuse_objects", "alloc_space", "alloc_objects" };

    /// <summary>
    /// pprof symbolizes the text from the binary, which differs from the `#` lines in ways that are not about values:
    /// go1.19's symbolizer does not expand inlined frames (they count as their physical caller), it names runtime.goexit
    /// and the leading runtime frames the `#` lines hide. So the comparison folds our inlined frames into their caller
    /// and checks the program's own functions (main.*): flat, cum and their shares of the total, i.e. the legacy
    /// header rate, per-record scaleHeapSample and the total.
    /// </summary>
    [Theory]
    [MemberData(nameof(Indexes))]
    public void Read_HeapDebug1Text_MainRowsEqualPprofSymbolizedOracle(string index)
    {
        var oracle = PprofOracle.Load(Corpus.Profiles($"heap-debug1.{index}.nf0.top.txt"));
        var expected = oracle.Rows.Select(Columns).Where(c => c.Name.StartsWith("main.", StringComparison.Ordinal)).ToList();
        var profile = FoldInlinedFrames(ProfileReader.ReadFile(Corpus.Profiles("heap-debug1.txt")));

        var rows = TopTableFormatter.FormatRows(TopTable.Compute(profile, index)).Select(Columns)
            .Where(c => c.Name.StartsWith("main.", StringComparison.Ordinal)).ToList();

        expected.Should().HaveCountGreaterThan(2);
        rows.Should().Equal(expected);
    }

    [Fact]
    public void Read_HeapDebug1Text_TotalEqualsPprofTotal()
    {
        var showing = File.ReadLines(Corpus.Profiles("heap-debug1.inuse_space.nf0.top.txt")).First(l => l.StartsWith("Showing", StringComparison.Ordinal));
        var profile = ProfileReader.ReadFile(Corpus.Profiles("heap-debug1.txt"));
        var table = TopTable.Compute(profile, "inuse_space");

        var total = PprofMeasurement.ScaledLabel(table.Total, "bytes", TopTableFormatter.OutputUnit(table));

        showing.Should().EndWith($" of {total} total");
    }

    [Fact]
    public void Read_HeapDebug1Text_MarksInlinedFramesByTheirSharedEntry()
    {
        var profile = ProfileReader.ReadFile(Corpus.Profiles("heap-debug1.txt"));

        var small = profile.Samples.SelectMany(s => s.Stack).Where(f => f.Function == "main.small").ToList();

        small.Should().NotBeEmpty().And.OnlyContain(f => f.IsInlined);
        profile.Samples.SelectMany(s => s.Stack).Where(f => f.Function == "main.bigBuffers").Should().OnlyContain(f => !f.IsInlined);
    }

    private static (string Flat, string FlatPercent, string Cum, string CumPercent, string Name) Columns(string row)
    {
        var c = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (c[0], c[1], c[3], c[4], c[5]);
    }

    /// <summary>pprof -noinlines: a location keeps only its last (outermost) line.</summary>
    private static Profile FoldInlinedFrames(Profile profile) => profile with
    {
        Samples = profile.Samples.Select(s => s with { Stack = s.Stack.Where(f => !f.IsInlined).ToList() }).ToList(),
    };
}
