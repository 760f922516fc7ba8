// WaitStateClassifierTests: every parked goroutine in the real proto profiles gets a named wait state from its frames.
using GcTrace.Profiles;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Profiles;

public sealed class WaitStateClassifierTests
{
    public static IEnumerable<object[]> GoroutineProtos() =>
        Directory.EnumerateFiles(RepoPaths.Corpus, "goroutine-*.pb.gz", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepoPaths.Corpus, p))
            .Order(StringComparer.Ordinal)
            .Select(p => new object[] { p });

    [Theory]
    [MemberData(nameof(GoroutineProtos))]
    public void Classify_CorpusGoroutineProto_NamesEveryState(string relative)
    {
        var profile = ProfileReader.ReadFile(Path.Combine(RepoPaths.Corpus, relative));

        // A goroutine with no frames at all (only runtime.goexit, dropped) has nothing to classify.
        profile.Samples.Where(s => s.Stack.Count > 0 && s.WaitState == WaitStateClassifier.Unknown)
            .Select(s => string.Join(" <- ", s.Stack.Select(f => f.Function)))
            .Should().BeEmpty();
    }

    [Fact]
    public void Classify_FirstMatchFromLeaf_Wins()
    {
        StackFrame[] stack =
        [
            new("runtime.gopark", "proc.go", 1, false),
            new("runtime.selectgo", "select.go", 2, false),
            new("time.Sleep", "time.go", 3, false),
        ];

        WaitStateClassifier.Classify(stack).Should().Be("select");
    }

    [Fact]
    public void Classify_UnparkedStackWithRuntimeFrames_IsRunning()
    {
        StackFrame[] stack = [new("runtime.newobject", "malloc.go", 1, false), new("main.churn", "main.go", 2, false)];

        WaitStateClassifier.Classify(stack, runtimeFramesShown: true).Should().Be("running");
        WaitStateClassifier.Classify(stack).Should().Be(WaitStateClassifier.Unknown);
    }

    [Fact]
    public void Classify_NoKnownFrame_IsUnknown()
    {
        WaitStateClassifier.Classify([new StackFrame("main.worker", "main.go", 9, false)]).Should().Be(WaitStateClassifier.Unknown);
    }
}
