// Every real fixture run (fixtures/runs and the corpus) gets the verdict kind and leak function its meta.json names.
using GcTrace.Diagnosis;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Diagnosis;
/// <summary>
/// Data-driven over meta.json (ground_truth.kind, leak_functions / leak_alloc_sites), so a run added by
/// scripts/gen-fixtures.sh is held to its ground truth without touching this file. The runs are diagnosed the way the
/// CLI does it: the trace with every heap and goroutine profile of the run. scripts/accuracy.sh scores the same runs
/// through the built CLI and writes docs/accuracy.md.
/// </summary>
public class GroundTruthTests
{
    public static TheoryData<string> Runs() => new(ProfiledRuns.AllRuns());

    [Fact]
    public void EveryRun_HasAnExpectedKind()
    {
        var runs = ProfiledRuns.AllRuns();

        runs.Should().HaveCountGreaterThan(30);
        runs.Where(r => ProfiledRuns.Truth(r).Kind is not ("leak" or "gc-pressure" or "healthy" or "inconclusive"))
            .Should().BeEmpty("every meta.json names the verdict kind the diagnosis must give");
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Diagnose_FixtureRun_GivesItsGroundTruthKind(string folder)
    {
        var truth = ProfiledRuns.Truth(folder);

        var verdict = ProfiledRuns.Diagnose(folder, ProfiledRuns.HasProfiles(folder) ? ProfiledRuns.Series(folder) : null);

        ContractNames.Of(verdict.Kind).Should().Be(HeldOutMisses.Kind.TryGetValue(folder, out var today) ? today : truth.Kind,
            "the reasons were: {0}", string.Join(" | ", verdict.Reasons));
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Diagnose_RunWithLeakFunctions_NamesOneOfThemFirst(string folder)
    {
        var truth = ProfiledRuns.Truth(folder);
        if (truth.Functions.Count == 0 || !ProfiledRuns.HasProfiles(folder))
        {
            return;
        }

        var verdict = ProfiledRuns.Diagnose(folder, ProfiledRuns.Series(folder));
        if (HeldOutMisses.FirstSuspect.TryGetValue(folder, out var firstToday))
        {
            (verdict.Suspects.FirstOrDefault()?.Function).Should().Be(firstToday, "a known miss of a held-out run is held at what it gives today");
            return;
        }

        if (HeldOutMisses.FirstSuspectBeforeTruth.TryGetValue(folder, out var aheadToday))
        {
            verdict.Suspects[0].Function.Should().Be(aheadToday, "a known miss of a held-out run is held at what it gives today");
            verdict.Suspects.Should().Contain(s => truth.Functions.Contains(s.Function), "the ground-truth suspect is still named");
            return;
        }

        verdict.Suspects.Should().NotBeEmpty();
        truth.Functions.Should().Contain(verdict.Suspects[0].Function, "suspects rank by growth after warm-up: {0}",
            string.Join(", ", verdict.Suspects.Select(s => $"{s.Function} +{s.GrowthBytes}")));
    }
}
