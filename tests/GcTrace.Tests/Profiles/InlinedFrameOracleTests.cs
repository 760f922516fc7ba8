// The profile reader keeps every line of a location (Go records inlined calls as extra lines of one location): each
// sample's stack, with its "(inline)" marks, must equal what `go tool pprof -traces` prints for the same profile.
using GcTrace.Profiles;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Profiles;

public class InlinedFrameOracleTests
{
    [Theory]
    [InlineData("src3_job_queue")]
    [InlineData("src3_audit_sink")]
    public void Read_HeapProfile_KeepsEveryInlinedFrameAsPprofTracesShowsIt(string run)
    {
        var path = Path.Combine(RepoPaths.Fixtures, "runs", run, "heap-007.pb.gz");
        var pprof = CliProcess.Shell($"go tool pprof -traces '{path}'");
        pprof.ExitCode.Should().Be(0, pprof.Stderr);
        var expected = PprofStacks(pprof.Stdout);

        // Go writes buckets whose counts are not yet published (all zero); pprof leaves those out of its reports.
        var ours = ProfileReader.ReadFile(path).Samples
            .Where(s => s.Values.Any(v => v != 0))
            .Select(s => string.Join("\n", s.Stack.Select(f => f.IsInlined ? f.Function + " (inline)" : f.Function)))
            .ToHashSet(StringComparer.Ordinal);

        expected.Should().Contain(s => s.Contains(" (inline)", StringComparison.Ordinal), "the profile has inlined frames to keep");
        ours.Should().BeEquivalentTo(expected);

        // The function that allocates with make + copy (runtime.makeslicecopy) is in no stack: Go 1.19 recorded the
        // allocation at its caller's call line, so naming the caller is all the profile supports.
        ours.Should().NotContain(s => s.Contains(").Submit", StringComparison.Ordinal) || s.Contains(").Update", StringComparison.Ordinal));
    }

    // The distinct stacks of `pprof -traces`: blocks between dashed lines; a block's first frame follows the value
    // column (function names never start with a digit), the others are indented.
    private static HashSet<string> PprofStacks(string text)
    {
        var stacks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in text.Split("-----------+-------------------------------------------------------"))
        {
            var frames = block.Split('\n')
                .Where(l => l.StartsWith(' ') && !l.TrimStart().StartsWith("bytes:", StringComparison.Ordinal))
                .Select(l => l.Trim())
                .Select(l => IsValue(l) ? l.Split(' ', 2)[1].Trim() : l)
                .Where(l => l.Length > 0)
                .ToList();
            if (frames.Count > 0)
            {
                stacks.Add(string.Join("\n", frames));
            }
        }

        return stacks;
    }

    // A first frame line starts with the sample's value ("0", "7.05MB", "512.05kB").
    private static bool IsValue(string line) => line.Length > 0 && (char.IsDigit(line[0]) || line[0] == '-');
}
