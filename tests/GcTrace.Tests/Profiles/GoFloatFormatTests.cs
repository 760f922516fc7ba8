// GoFloatFormatTests: %.2f and %.2g must match Go's fmt byte for byte, ties and carries included (oracle made by Go).
using System.Globalization;
using GcTrace.Tests.Support.Oracles;
using GcTrace.Profiles;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Profiles;

public sealed class GoFloatFormatTests
{
    public static IEnumerable<object[]> GoOracle() =>
        File.ReadAllLines(Corpus.Profiles("go-fmt-oracle.txt"))
            .Distinct(StringComparer.Ordinal) // the Go list repeats some values (1152/1024 = 1.125)
            .Select(l => l.Split('\t'))
            .Select(p => new object[] { p[0], p[1], p[2] });

    [Theory]
    [MemberData(nameof(GoOracle))]
    public void Fixed_GoOracleValue_EqualsGoPercentDotTwoF(string value, string fixedTwo, string generalTwo)
    {
        var v = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

        GoFloatFormat.Fixed(v, 2).Should().Be(fixedTwo);
        GoFloatFormat.General(v, 2).PadLeft(5).Should().Be(generalTwo);
    }
}
