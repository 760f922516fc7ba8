// OracleCase: which profile(s) and options a corpus *.top.txt oracle file was produced from, decoded from its name.
using System.Text.RegularExpressions;
using GcTrace.Tests.Support.Oracles;
using GcTrace.Profiles;

namespace GcTrace.Tests.Support;

internal static partial class OracleCase
{
    // heap-diff-000-005.top.txt (-base), heap-diffbase-000-005.nf0.top.txt (-diff_base),
    // heap-005.inuse_space.top.txt, goroutine-005.nf0.top.txt. ".nf0" means -nodefraction=0, else pprof's default.
    [GeneratedRegex(@"^(?<kind>heap-diff|heap-diffbase)-(?<a>\d+)-(?<b>\d+)(?<nf0>\.nf0)?\.top\.txt$")]
    private static partial Regex DiffName();

    [GeneratedRegex(@"^(?<kind>heap|goroutine)-(?<n>\d+)(\.[a-z_]+)?(?<nf0>\.nf0)?\.top\.txt$")]
    private static partial Regex SingleName();

    /// <summary>Every *.top.txt under fixtures/ (the corpus and the runs of scripts/gen-fixtures.sh), relative to the corpus.</summary>
    public static IEnumerable<object[]> All() =>
        new[] { RepoPaths.Corpus, System.IO.Path.Combine(RepoPaths.Fixtures, "runs") }
            .SelectMany(d => Directory.EnumerateFiles(d, "*.top.txt", SearchOption.AllDirectories))
            .Select(p => System.IO.Path.GetRelativePath(RepoPaths.Corpus, p))
            .Order(StringComparer.Ordinal)
            .Select(p => new object[] { p });

    public static (Profile Profile, double NodeFraction) Resolve(string oraclePath)
    {
        var dir = System.IO.Path.GetDirectoryName(oraclePath)!;
        var name = System.IO.Path.GetFileName(oraclePath);
        Profile Read(string file) => ProfileReader.ReadFile(System.IO.Path.Combine(dir, file));

        var diff = DiffName().Match(name);
        if (diff.Success)
        {
            var baseline = Read($"heap-{diff.Groups["a"].Value}.pb.gz");
            var current = Read($"heap-{diff.Groups["b"].Value}.pb.gz");
            var profile = diff.Groups["kind"].Value == "heap-diff"
                ? ProfileDiff.Subtract(baseline, current)
                : ProfileDiff.DiffAgainstBase(baseline, current);
            return (profile, NodeFraction(diff, oraclePath));
        }

        var single = SingleName().Match(name);
        if (!single.Success)
        {
            throw new InvalidOperationException($"{oraclePath}: oracle name not understood");
        }

        return (Read($"{single.Groups["kind"].Value}-{single.Groups["n"].Value}.pb.gz"), NodeFraction(single, oraclePath));
    }

    // ".nf0" files and the runs' oracles (gen-fixtures.sh passes -nodefraction=0) drop nothing; an oracle made with pprof's
    // default fraction says so in its header ("Dropped N nodes"), and where it dropped nothing both fractions agree.
    private static double NodeFraction(Match m, string oraclePath) =>
        m.Groups["nf0"].Success || !File.ReadLines(System.IO.Path.Combine(RepoPaths.Corpus, oraclePath)).Take(8).Any(l => l.StartsWith("Dropped ", StringComparison.Ordinal))
            ? 0
            : TopTable.PprofDefaultNodeFraction;
}
