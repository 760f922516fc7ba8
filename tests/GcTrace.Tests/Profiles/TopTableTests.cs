// TopTableTests: TopTable and its formatter must reproduce `go tool pprof -top` rows byte for byte on real profiles.
using GcTrace.Tests.Support.Oracles;
using GcTrace.Profiles;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Profiles;

public sealed class TopTableTests
{
    public static IEnumerable<object[]> Oracles() => OracleCase.All();

    [Theory]
    [MemberData(nameof(Oracles))]
    public void Compute_CorpusProfile_RowsEqualPprofOracle(string oracle)
    {
        var path = Path.Combine(RepoPaths.Corpus, oracle);
        var expected = PprofOracle.Load(path);
        var (profile, nodeFraction) = OracleCase.Resolve(path);

        var table = TopTable.Compute(profile, expected.SampleType, nodeFraction);

        TopTableFormatter.FormatRows(table).Should().Equal(expected.Rows);
    }

    [Fact]
    public void Compute_AllOracles_CoverEveryCorpusTopFile()
    {
        var files = new[] { RepoPaths.Corpus, Path.Combine(RepoPaths.Fixtures, "runs") }
            .SelectMany(d => Directory.GetFiles(d, "*.top.txt", SearchOption.AllDirectories)).ToArray();

        Oracles().Should().HaveCount(files.Length).And.HaveCountGreaterThan(40);
    }

    [Fact]
    public void Compute_NodeFractionZero_KeepsEveryFunctionOfTheProfile()
    {
        var profile = ProfileReader.ReadFile(Path.Combine(RepoPaths.Corpus, "go1.19", "steady", "heap-005.pb.gz"));
        var functions = profile.Samples.Where(s => s.Values[3] != 0)
            .SelectMany(s => s.Stack.Select(f => f.Function)).Distinct().ToList();

        var table = TopTable.Compute(profile, "inuse_space");

        table.Rows.Select(r => r.Name).Should().BeEquivalentTo(functions);
        table.DroppedNodes.Should().Be(0);
    }

    [Fact]
    public void Compute_SumPercentOfLastRow_EqualsShareOfKeptFlat()
    {
        var profile = ProfileReader.ReadFile(Path.Combine(RepoPaths.Corpus, "go1.19", "steady", "heap-005.pb.gz"));

        var table = TopTable.Compute(profile, "alloc_space");

        table.Rows[^1].FlatSum.Should().Be(table.Rows.Sum(r => r.Flat));
        table.Total.Should().Be(profile.Samples.Sum(s => Math.Abs(s.Values[1])));
    }

    [Fact]
    public void Compute_GoroutineProtoWrittenWithDump_RowsEqualPprofOracle()
    {
        var expected = PprofOracle.Load(Corpus.Profiles("goroutine-debug2.nf0.top.txt"));
        var profile = ProfileReader.ReadFile(Corpus.Profiles("goroutine-debug2.pb.gz"));

        TopTableFormatter.FormatRows(TopTable.Compute(profile, expected.SampleType)).Should().Equal(expected.Rows);
    }

    [Fact]
    public void ShowingLine_CorpusProfile_EqualsPprofHeaderLine()
    {
        var path = Path.Combine(RepoPaths.Corpus, "go1.19", "leak_global_map", "heap-diff-000-007.nf0.top.txt");
        var (profile, nodeFraction) = OracleCase.Resolve(path);

        var line = TopTableFormatter.ShowingLine(TopTable.Compute(profile, "inuse_space", nodeFraction));

        File.ReadAllLines(path).Should().Contain(line);
    }
}
