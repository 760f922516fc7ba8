// SuspectSites against `go tool pprof -top -lines -base FIRST LAST` on the source-reading fixture runs (fixtures/runs/src_*):
// the site's line is the line pprof ranks first for the suspect's function, and the one the program marks "// SITE".
using System.Text.Json;
using GcTrace.Diagnosis;
using GcTrace.Source;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Diagnosis;

public class SuspectSitesOracleTests
{
    // The leak runs of both source-reading sets: src_* (one per pattern) and src2_* (held-out style, other authors' idioms).
    public static TheoryData<string> LeakRuns() => new(SourceRuns().Concat(HeldOutStyleRuns()).Where(r => ProfiledRuns.Truth(r).Label == "leak"));

    private static IEnumerable<string> SourceRuns() =>
        ProfiledRuns.Folders().Where(f => f.StartsWith("runs/src_", StringComparison.Ordinal));

    private static IEnumerable<string> HeldOutStyleRuns() =>
        ProfiledRuns.Folders().Where(f => f.StartsWith("runs/src2_", StringComparison.Ordinal));

    [Fact]
    public void HeldOutStyleRuns_AtLeastEightLeaksAndThreeTwins()
    {
        var runs = HeldOutStyleRuns().ToList();

        runs.Count(r => ProfiledRuns.Truth(r).Label == "leak").Should().BeGreaterThanOrEqualTo(8);
        runs.Where(r => r.EndsWith("_twin", StringComparison.Ordinal)).Should().HaveCountGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void SourceRuns_OnePerPatternWithATwinEach()
    {
        var runs = SourceRuns().ToList();
        var leaks = runs.Where(r => ProfiledRuns.Truth(r).Label == "leak").ToList();

        leaks.Select(r => ProfiledRuns.Truth(r).Pattern).Should().OnlyHaveUniqueItems().And.HaveCount(9);
        runs.Where(r => r.EndsWith("_twin", StringComparison.Ordinal)).Should().HaveCount(10);
    }

    [Theory]
    [MemberData(nameof(LeakRuns))]
    public void HeapOrGoroutineSite_EqualsTheLinePprofRanksFirstForTheFunction(string folder)
    {
        var dir = Path.Combine(RepoPaths.Fixtures, folder);
        var series = ProfiledRuns.Series(folder).Snapshot();
        var truth = Site(folder);
        var goroutines = ProfileGrowth.GoroutineGrowth(series).Where(g => g.Growth >= 10).ToList();

        // Goroutine suspects are sited where their goroutines are parked; heap suspects where their memory grew.
        var parked = goroutines.FirstOrDefault(g => CodeReader.Enclosing(g.Site) is var f && ProfiledRuns.Truth(folder).Functions.Contains(f));
        SiteFrame site;
        string oracle;
        if (parked is not null)
        {
            site = SuspectSites.Goroutine(parked, series).Site;
            oracle = Directory.GetFiles(dir, "goroutine-base-*.lines.txt").Single();
        }
        else
        {
            var heap = SuspectSites.Heap(series);
            var function = ProfiledRuns.Truth(folder).Functions.First(heap.ContainsKey);
            site = heap[function].Site;
            oracle = Directory.GetFiles(dir, "heap-base-*.lines.txt").Single();
        }

        // Goroutines: -cum order (their user frames have flat 0, so the flat order is by name); heap: flat order.
        var rows = parked is not null ? PprofLineRows.LoadGoroutinesByCum(oracle) : PprofLineRows.Load(oracle);
        var expected = rows.First(r => CodeReader.Enclosing(r.Function) == CodeReader.Enclosing(site.Function));
        (site.File, site.Line).Should().Be((expected.File, expected.Line), $"pprof ranks {expected.Function} {expected.File}:{expected.Line} first in {Path.GetFileName(oracle)}");
        (site.File, site.Line).Should().Be(truth, "the program marks its leaking line with // SITE");
    }

    [Theory]
    [MemberData(nameof(LeakRuns))]
    public void Path_IsTheProgramsOwnFramesRootFirst_EndingAtTheSite(string folder)
    {
        var series = ProfiledRuns.Series(folder).Snapshot();
        var heap = SuspectSites.Heap(series);
        foreach (var location in heap.Values)
        {
            location.Path.Should().NotBeEmpty();
            location.Path[^1].Should().Be(location.Site);
            location.Path.Should().NotContain(f => f.Function.StartsWith("runtime.", StringComparison.Ordinal) || f.Function.StartsWith("bufio.", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(LeakRuns))]
    public void Decide_WithoutSources_StillSitesTheSuspectFromTheProfilesAlone(string folder)
    {
        var nowhere = new SourceLocator([Path.Combine(RepoPaths.Fixtures, "no-such-dir")]);

        var verdict = ProfiledRuns.Diagnose(folder, ProfiledRuns.Series(folder), nowhere);

        var suspect = verdict.Suspects.First(s => ProfiledRuns.Truth(folder).Functions.Contains(s.Function));
        (suspect.Site!.File, suspect.Site.Line).Should().Be(Site(folder));
        suspect.Site.Code.Should().BeNull("the file is not found");
        suspect.Evidence.Should().BeNull();
        suspect.Path.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(LeakRuns))]
    public void Decide_WithSources_QuotesTheSiteAndNamesTheGoStatementOfGoroutineSuspects(string folder)
    {
        var verdict = ProfiledRuns.Diagnose(folder, ProfiledRuns.Series(folder));

        var suspect = verdict.Suspects.First(s => ProfiledRuns.Truth(folder).Functions.Contains(s.Function));
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Fixtures, "src", folder["runs/".Length..], "main.go"));
        suspect.Site!.Code.Should().Be(lines[suspect.Site.Line - 1].Split("//")[0].Trim());
        suspect.Evidence.Should().NotBeNullOrEmpty();
        verdict.Reasons.Should().Contain(r => r.Contains(suspect.Evidence!, StringComparison.Ordinal));
        if (ProfiledRuns.Truth(folder).Pattern is "goroutine-leak" or "ticker-not-stopped")
        {
            suspect.CreatedBy.Should().NotBeNull();
            lines[suspect.CreatedBy!.Line - 1].TrimStart().Should().StartWith("go ");
            // Named as the profile names files (gcfixtures/<program>/main.go), not as the path it was found under.
            suspect.CreatedBy.File.Should().Be(suspect.Site.File);
        }
    }

    [Theory]
    [MemberData(nameof(LeakRuns))]
    public void Decide_WithSources_TheSuspectsPatternIsTheGroundTruths(string folder)
    {
        var verdict = ProfiledRuns.Diagnose(folder, ProfiledRuns.Series(folder));

        var suspect = verdict.Suspects.First(s => ProfiledRuns.Truth(folder).Functions.Contains(s.Function));
        ContractNames.Of(suspect.Pattern).Should().Be(ProfiledRuns.Truth(folder).Pattern, suspect.Evidence);
    }

    private static (string File, long Line) Site(string folder)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Fixtures, folder, "meta.json")));
        var site = doc.RootElement.GetProperty("ground_truth").GetProperty("site");
        return (site.GetProperty("file").GetString()!, site.GetProperty("line").GetInt64());
    }
}
