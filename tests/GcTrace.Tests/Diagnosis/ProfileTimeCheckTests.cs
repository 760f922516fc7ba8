// ProfileTimeCheck on the real heap profiles of one corpus run, with one of them moved hours away (another run's).
using GcTrace.Diagnosis;
using GcTrace.Profiles;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Diagnosis;

public class ProfileTimeCheckTests
{
    private static List<Profile> Steady() => Enumerable.Range(0, 6)
        .Select(i => ProfileReader.ReadFile(Corpus.File("go1.19", "steady", $"heap-{i:000}.pb.gz")))
        .ToList();

    [Fact]
    public void ProfilesOfOneRun_NoWarning()
    {
        ProfileTimeCheck.Warnings(Steady()).Should().BeEmpty();
    }

    [Fact]
    public void AProfileHoursAway_IsNamed()
    {
        var profiles = Steady();
        var foreign = profiles[2] with { SourceName = "other-run.pb.gz", TimeNanos = profiles[2].TimeNanos - 5L * 3600 * 1_000_000_000 };
        profiles.Add(foreign);

        var warnings = ProfileTimeCheck.Warnings(profiles);

        warnings.Should().ContainSingle().Which.Should().Contain("other-run.pb.gz").And.Contain("5 h");
    }

    [Fact]
    public void WithATraceWindow_AProfileOutsideIt_IsNamed()
    {
        var profiles = Steady();
        var times = profiles.Select(p => p.Time!.Value).ToList();
        var window = (times.Min(), times.Max());
        var late = profiles[0] with { SourceName = "late.pb.gz", TimeNanos = profiles[0].TimeNanos + 3L * 3600 * 1_000_000_000 };

        var warnings = ProfileTimeCheck.Warnings([.. profiles, late], window);

        warnings.Should().ContainSingle().Which.Should().Contain("late.pb.gz").And.Contain("after this trace");
    }
}
