// The vectorised marker search against a byte-by-byte reference: position of the first marker and newlines before it.
using System.Text;
using GcTrace.Parsing;

namespace GcTrace.Tests.Parsing;

public class MarkerSearchTests
{
    // Text that is almost a marker (case-folded heads, "pa" without "c", a NUL after "gc") must not be reported, and
    // the newline counters must survive runs longer than one flush (63 steps of 64 bytes).
    private static readonly string[] Pieces =
    [
        "\n", "\n", "\n", "x", "request 12 handled status=200 ", "Gc ", "gC ", "gc\0", "sCa", "ScV", "sch", "SCh", "pa", "Pac",
        "scvx", "scan", "gc", "GC", "pacer", "SCHED", " ", "\r\n",
    ];

    private static readonly string[] Markers = TraceMarkers.All.Select(m => m.Text).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void IndexOfAny_RandomText_MatchesReference(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 400; round++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, round % 10 == 0 ? 20_000 : 300);
            while (text.Length < length) text.Append(Pieces[random.Next(Pieces.Length)]);
            if (random.Next(3) == 0) text.Insert(random.Next(text.Length + 1), Markers[random.Next(Markers.Length)]);
            var bytes = Encoding.ASCII.GetBytes(text.ToString());

            var at = MarkerSearch.IndexOfAny(bytes, out var newlines);

            var expected = Reference(bytes);
            at.Should().Be(expected, $"seed {seed} round {round}");
            var end = expected < 0 ? bytes.Length : expected;
            newlines.Should().Be(bytes.AsSpan(0, end).Count((byte)'\n'), $"seed {seed} round {round}");
        }
    }

    [Fact]
    public void IndexOfAny_MarkerAtEveryOffsetOfALongRun_FoundWithNewlinesBeforeIt()
    {
        var prefix = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("ab\nc", 1100)));
        for (var offset = 4000; offset < 4400; offset++)
        {
            var bytes = prefix[..offset].Concat("scvg"u8.ToArray()).Concat("\n\n"u8.ToArray()).ToArray();
            MarkerSearch.IndexOfAny(bytes, out var newlines).Should().Be(offset);
            newlines.Should().Be(bytes.AsSpan(0, offset).Count((byte)'\n'));
        }
    }

    // Like the search, "forced scvg" is found at its "scvg": only positions that start with a marker head count.
    private static int Reference(byte[] bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] is (byte)'g' or (byte)'G' or (byte)'s' or (byte)'S' or (byte)'p')
                foreach (var m in Markers)
                    if (bytes.AsSpan(i).StartsWith(Encoding.ASCII.GetBytes(m))) return i;
        return -1;
    }
}
