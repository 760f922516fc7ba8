// Property tests with a hand-rolled seeded mutator: real fixture lines, damaged in the ways pipes and log shippers damage
// them, must never make the parsers throw, lose a line, or change a byte of what is passed through.
using System.Text;
using GcTrace.Events;
using GcTrace.Parsing;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Parsing;

public class TraceFuzzTests
{
    private const int Seed = 424242;

    // Trace lines of every kind in the fixtures, plus some application lines, each once.
    private static readonly Lazy<byte[][]> SourceLines = new(() =>
    {
        var all = RepoPaths.AllLogs().SelectMany(File.ReadAllLines).Distinct().ToList();
        var trace = all.Where(l => TraceLineParser.TryParse(Encoding.UTF8.GetBytes(l), 1) is not null).ToList();
        var rng = new Random(Seed);
        var sample = trace.OrderBy(_ => rng.Next()).Take(1500).Concat(all.Except(trace).OrderBy(_ => rng.Next()).Take(300));
        return sample.Select(Encoding.UTF8.GetBytes).ToArray();
    });

    private static readonly byte[][] InvalidUtf8 = [[0xFF], [0x80], [0xC3], [0xC0, 0xAF], [0xE2, 0x88], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80]];

    /// <summary>One to three random damages. <paramref name="allowNewline"/> lets a damage split the line in two.</summary>
    private static byte[] Mutate(Random rng, byte[] line, bool allowNewline)
    {
        var b = new List<byte>(line);
        var count = rng.Next(1, 4);
        for (var k = 0; k < count; k++)
        {
            var at = rng.Next(b.Count + 1);
            switch (rng.Next(allowNewline ? 11 : 10))
            {
                case 0 when b.Count > 0: // flip a bit
                    at = Math.Min(at, b.Count - 1);
                    b[at] ^= (byte)(1 << rng.Next(8));
                    break;
                case 1: // insert a random byte
                    b.Insert(at, (byte)rng.Next(256));
                    break;
                case 2 when b.Count > 0: // delete a run
                    at = Math.Min(at, b.Count - 1);
                    b.RemoveRange(at, Math.Min(rng.Next(1, 6), b.Count - at));
                    break;
                case 3: // truncate
                    b.RemoveRange(at, b.Count - at);
                    break;
                case 4: // NUL
                    b.Insert(at, 0);
                    break;
                case 5: // invalid UTF-8
                    b.InsertRange(at, InvalidUtf8[rng.Next(InvalidUtf8.Length)]);
                    break;
                case 6 when b.Count > 0: // repeat a token (text between spaces)
                    {
                        var s = b.LastIndexOf((byte)' ', Math.Max(0, at - 1)) + 1;
                        var e = b.IndexOf((byte)' ', Math.Min(at, b.Count));
                        if (e < 0) e = b.Count;
                        if (e > s) b.InsertRange(e, b.GetRange(s, e - s).Prepend((byte)' ').ToList());
                        break;
                    }
                case 7: // a huge run of digits, often inside a number
                    {
                        var digit = b.FindIndex(x => x is >= (byte)'0' and <= (byte)'9');
                        if (digit >= 0 && rng.Next(2) == 0) at = digit;
                        b.InsertRange(at, Enumerable.Range(0, rng.Next(18, 120)).Select(_ => (byte)('0' + rng.Next(10))));
                        break;
                    }
                case 8: // a carriage return
                    b.Insert(at, (byte)'\r');
                    break;
                case 9: // a marker where it does not belong
                    b.InsertRange(at, TraceMarkers.All[rng.Next(TraceMarkers.All.Length)].Bytes);
                    break;
                case 10: // a line end inside the line
                    b.Insert(at, (byte)'\n');
                    break;
            }
        }
        return b.ToArray();
    }

    [Fact]
    public void TryParse_MutatedLines_NeverThrowsAndFastPathAgreesWithGrammar()
    {
        var rng = new Random(Seed);
        var lines = SourceLines.Value;
        var fastAccepted = 0;
        for (var i = 0; i < 30_000; i++)
        {
            var line = Mutate(rng, lines[rng.Next(lines.Length)], allowNewline: false);
            var what = Convert.ToHexString(line);

            var parsed = FluentActions.Invoking(() => TraceLineParser.TryParse(line, i)).Should().NotThrow(what).Subject;
            var grammar = FluentActions.Invoking(() => TraceGrammar.TryParse(TraceLineParser.Decode(line), i)).Should().NotThrow(what).Subject;
            var fast = FluentActions.Invoking(() => FastGcLineParser.TryParse(line, i)).Should().NotThrow(what).Subject;
            if (fast is not null)
            {
                fastAccepted++;
                fast.Should().Be(grammar, what);
                fast.ToString().Should().Be(grammar!.ToString(), what);
            }
            if (grammar is not null) SameEvent(parsed, grammar, what);
        }
        fastAccepted.Should().BeGreaterThan(100, "some mutations (a changed digit) leave valid gc lines");
    }

    [Fact]
    public void Scan_MutatedDocuments_EveryLineAccountedForAndPassthroughUnchanged()
    {
        var rng = new Random(Seed + 1);
        var lines = SourceLines.Value;
        var repairedDocs = 0;
        for (var doc = 0; doc < 300; doc++)
        {
            var input = BuildDocument(rng, lines);
            var what = $"document {doc}: {Encoding.Latin1.GetString(input)}";

            var (output, scanner) = FluentActions.Invoking(() => CollectingOutput.Scan(input, rng.Next(1, 4096)))
                .Should().NotThrow(what).Subject;

            var physical = PhysicalLines(input);
            scanner.Lines.Should().Be(physical.Count, what);
            (output.AppLines + output.Events.Count).Should().Be(physical.Count, what);
            scanner.IsHoldingSplitLine.Should().BeFalse(what);

            // Chunking never changes the result.
            var (again, _) = CollectingOutput.Scan(input, 1 << 20);
            again.Events.Should().BeEquivalentTo(output.Events, o => ByValue(o).WithStrictOrdering(), what);
            again.AppBytes.Should().Equal(output.AppBytes, what);

            if (output.Cycles.Any(c => c.Repaired))
            {
                // Foreign text of a repaired line: the app stream is the input with the gc text taken out, in order.
                repairedDocs++;
                IsSubsequence(output.AppBytes, input).Should().BeTrue(what);
                continue;
            }
            // Every line that did not become an event is passed through byte for byte, its line end included.
            var consumed = output.Events.Where(e => e is not UnrecognizedLine).Select(e => e.Line).ToHashSet();
            consumed.Should().HaveCount(output.Events.Count(e => e is not UnrecognizedLine), what);
            var expected = physical.Where((_, i) => !consumed.Contains(i + 1)).SelectMany(l => l).ToArray();
            output.AppBytes.Should().Equal(expected, what);
            foreach (var e in output.Events.Where(e => e is not UnrecognizedLine))
            {
                var raw = physical[(int)e.Line - 1];
                var text = raw.Length > 0 && raw[^1] == (byte)'\n' ? raw[..^1] : raw;
                SameEvent(TraceLineParser.TryParse(text, e.Line), e, what);
            }
        }
        repairedDocs.Should().BeLessThan(300, "most documents have no split gc line");
    }

    [Fact]
    public void Scan_GarbageBytes_NeverThrowsAndAllPassedThrough()
    {
        var rng = new Random(Seed + 2);
        for (var doc = 0; doc < 200; doc++)
        {
            var input = new byte[rng.Next(0, 3000)];
            rng.NextBytes(input);
            // Sprinkle line ends and markers so the scanner takes every path.
            for (var k = 0; k < input.Length / 40; k++) input[rng.Next(input.Length)] = (byte)'\n';
            var withMarkers = input.ToList();
            for (var k = 0; k < 5 && withMarkers.Count > 0; k++)
                withMarkers.InsertRange(rng.Next(withMarkers.Count), TraceMarkers.All[rng.Next(TraceMarkers.All.Length)].Bytes);
            input = withMarkers.ToArray();

            var (output, scanner) = CollectingOutput.Scan(input, rng.Next(1, 512));

            var physical = PhysicalLines(input);
            scanner.Lines.Should().Be(physical.Count);
            (output.AppLines + output.Events.Count).Should().Be(physical.Count);
            if (output.Events.All(e => e is UnrecognizedLine)) output.AppBytes.Should().Equal(input);
        }
    }

    // Events hold lists (pacer fields, SCHED queues), so compare them member by member, not by record equality.
    private static FluentAssertions.Equivalency.EquivalencyAssertionOptions<T> ByValue<T>(FluentAssertions.Equivalency.EquivalencyAssertionOptions<T> o) =>
        o.RespectingRuntimeTypes().ComparingRecordsByMembers();

    private static void SameEvent(TraceEvent? actual, TraceEvent expected, string because) =>
        actual.Should().BeEquivalentTo(expected, o => ByValue(o), because);

    private static byte[] BuildDocument(Random rng, byte[][] lines)
    {
        var ms = new MemoryStream();
        var crlf = rng.Next(5) == 0;
        var n = rng.Next(1, 120);
        for (var i = 0; i < n; i++)
        {
            var line = lines[rng.Next(lines.Length)];
            if (rng.Next(3) == 0) line = Mutate(rng, line, allowNewline: true);
            ms.Write(line);
            if (i < n - 1 || rng.Next(4) != 0) ms.Write(crlf ? "\r\n"u8 : "\n"u8);
        }
        return ms.ToArray();
    }

    // Physical lines with their line ends; the last line may lack one.
    private static List<byte[]> PhysicalLines(byte[] input)
    {
        var result = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] != (byte)'\n') continue;
            result.Add(input[start..(i + 1)]);
            start = i + 1;
        }
        if (start < input.Length) result.Add(input[start..]);
        return result;
    }

    private static bool IsSubsequence(byte[] sub, byte[] of)
    {
        var j = 0;
        for (var i = 0; i < of.Length && j < sub.Length; i++)
            if (of[i] == sub[j]) j++;
        return j == sub.Length;
    }
}
