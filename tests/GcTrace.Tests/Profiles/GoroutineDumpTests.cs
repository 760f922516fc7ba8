// GoroutineDumpTests: a real debug=2 dump keeps each goroutine's printed state, and the stack-derived states of the
// proto and debug=1 profiles written at the same moment agree with it.
using System.Text.RegularExpressions;
using GcTrace.Profiles;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Profiles;

public sealed class GoroutineDumpTests
{
    private static readonly Profile Dump = ProfileReader.ReadFile(Corpus.Profiles("goroutine-debug2.txt"));

    private static readonly string[] Headers = File.ReadAllLines(Corpus.Profiles("goroutine-debug2.txt"))
        .Where(l => l.StartsWith("goroutine ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Read_Debug2Dump_OneSamplePerGoroutineWithItsHeaderState()
    {
        var printed = Headers.Select(h => Regex.Match(h, @"\[([^,\]]+)").Groups[1].Value);

        Dump.Samples.Should().HaveCount(Headers.Length);
        Dump.Samples.Select(s => s.WaitState).Should().Equal(printed);
        Dump.Samples.Select(s => s.GoroutineId).Should().OnlyHaveUniqueItems().And.NotContainNulls();
    }

    [Fact]
    public void Read_Debug2Dump_KeepsMinutesAndCreator()
    {
        var withMinutes = Headers.Count(h => h.Contains(" minutes]", StringComparison.Ordinal));

        Dump.Samples.Count(s => s.WaitMinutes >= 1).Should().Be(withMinutes).And.BeGreaterThan(0);
        Dump.Samples.Where(s => s.GoroutineId != 1).Should().OnlyContain(s => s.CreatedBy == "main.main");
        Dump.Samples.Single(s => s.GoroutineId == 1).CreatedBy.Should().BeNull();
    }

    [Fact]
    public void Read_Debug2Dump_MarksElidedArgumentFramesAsInlined()
    {
        var waitRead = Dump.Samples.SelectMany(s => s.Stack).First(f => f.Function == "internal/poll.(*pollDesc).waitRead");

        waitRead.IsInlined.Should().BeTrue();
        waitRead.File.Should().EndWith("fd_poll_runtime.go");
        waitRead.Line.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Classify_ProtoWrittenWithDump_DerivesTheSameWaitStates()
    {
        var proto = ProfileReader.ReadFile(Corpus.Profiles("goroutine-debug2.pb.gz"));

        Expand(proto).Should().BeEquivalentTo(Dump.Samples.Select(s => s.WaitState));
    }

    [Fact]
    public void Classify_Debug1WrittenWithDump_AgreesWhereUserFramesShowTheState()
    {
        // debug=1 hides the runtime frames, and a channel operation leaves no non-runtime trace: those are "unknown".
        var debug1 = ProfileReader.ReadFile(Corpus.Profiles("goroutine-debug2.debug1.txt"));
        var derived = Expand(debug1).ToList();
        var unknown = derived.Count(s => s == WaitStateClassifier.Unknown);
        var channelStates = new[] { "chan send", "chan receive", "select" };

        unknown.Should().Be(Dump.Samples.Count(s => channelStates.Contains(s.WaitState)));
        derived.Where(s => s != WaitStateClassifier.Unknown).Should()
            .BeEquivalentTo(Dump.Samples.Select(s => s.WaitState).Where(s => !channelStates.Contains(s)));
    }

    private static IEnumerable<string?> Expand(Profile profile) =>
        profile.Samples.SelectMany(s => Enumerable.Repeat(s.WaitState, (int)s.Values[0]));
}
