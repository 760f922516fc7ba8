// An HTTP response whose body is never closed shows in the profiles only inside net/http; the program's code names the
// call that got it (held-out src7_status_poll), and a program that closes its bodies (src3_webhook_post_twin) names none.
using GcTrace.Diagnosis;
using GcTrace.Events;
using GcTrace.Source;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Diagnosis;

public class ResponseOwnerTests
{
    private const string Run = "runs/src7_status_poll";

    [Fact]
    public void UnclosedBody_GrowingOnlyInNetHttp_IsBlamedOnTheCallThatGotTheResponse()
    {
        var (_, _, functions, _) = ProfiledRuns.Truth(Run);

        var suspects = ProfiledRuns.Diagnose(Run, ProfiledRuns.Series(Run)).Suspects;

        var owner = suspects[0];
        functions.Should().Contain(owner.Function);
        owner.Pattern.Should().Be(SuspectPattern.UnclosedResource);
        owner.Site!.Code.Should().Be("resp, err := http.Get(url)");
        owner.Site.Line.Should().Be(MarkedSite(owner.Site.File));
        owner.Evidence.Should().Contain("never closed").And.Contain("net/http.(*persistConn).readLoop");
        owner.GrowthBytes.Should().Be(suspects.Where(s => s.Pattern == SuspectPattern.UnclosedResource && s != owner).Sum(s => s.GrowthBytes));
    }

    [Fact]
    public void WithoutTheSource_TheLibrarySuspectsStandAlone()
    {
        var nowhere = new SourceLocator([Path.Combine(RepoPaths.Fixtures, "no-such-dir")]);

        var suspects = ProfiledRuns.Diagnose(Run, ProfiledRuns.Series(Run), nowhere).Suspects;

        suspects.Should().NotBeEmpty().And.OnlyContain(s => Frames.IsStd(s.Function));
    }

    [Theory]
    [InlineData("src3_webhook_post", "main.(*Notifier).Deliver", 50)] // closed only on a non-2xx status
    [InlineData("src3_webhook_post_twin", null, 0)] // defer resp.Body.Close()
    public void CodeReader_FindsTheResponsesWhoseBodyNothingCloses(string program, string? function, int line)
    {
        var reader = new CodeReader(ProfiledRuns.FixtureSources);

        var found = reader.UnclosedResponses([new CodeFrame("main.main", $"gcfixtures/{program}/main.go", 1)]);

        found.Select(f => (string?)f.At.Function).FirstOrDefault().Should().Be(function);
        found.Select(f => f.At.Line).FirstOrDefault().Should().Be(line);
    }

    // The line the program marks `// SITE` in the recorded file (found under fixtures/src by its gcfixtures/ path).
    private static int MarkedSite(string recorded)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Fixtures, "src", recorded["gcfixtures/".Length..]));
        return Array.FindIndex(lines, l => l.Contains("// SITE", StringComparison.Ordinal)) + 1;
    }
}
