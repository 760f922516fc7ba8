// Synthetic splits of real gc lines (gctrace-format.md §2.4: one write(2) per print token, so a foreign line can land between any two
// tokens), driven through TraceScanner, which owns the SplitLineReassembler.
using System.Text;
using System.Text.RegularExpressions;
using GcTrace.Events;
using GcTrace.Parsing;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Parsing;

public class SplitLineReassemblerTests
{
    // Real go1.19 and go1.26 lines (fixtures/corpus/go1.19/pressure_noleak, go1.26/steady); the go1.26 one with the
    // leak-check text and " (forced)" added as the runtime prints them. (The spec's own leak-check example has "0.08",
    // which fmtNSAsMS never prints: 10-99 µs is "0.0xx", so it is not used here.)
    private const string Go119 = "gc 21 @0.463s 21%: 0.050+8.7+0.003 ms clock, 0.10+5.3/0.86/0+0.007 ms cpu, 14->16->11 MB, 16 MB goal, 0 MB stacks, 0 MB globals, 2 P";
    private const string Go119Prev = "gc 20 @0.447s 21%: 5.1+2.4+0.003 ms clock, 10+3.8/0.031/0+0.007 ms cpu, 14->16->10 MB, 16 MB goal, 0 MB stacks, 0 MB globals, 2 P";
    private const string Go126 = "gc 15 @6.676s 0% (checking for goroutine leaks): 0.049+1.0+0.004 ms clock, 0.098+0/0.43/1.3+0.009 ms cpu, 14->14->6 MB, 14 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)";
    private const string Go126Prev = "gc 14 @6.021s 0%: 0.029+0.89+0.005 ms clock, 0.059+0.14/0.33/0.83+0.010 ms cpu, 12->12->7 MB, 12 MB goal, 0 MB stacks, 0 MB globals, 2 P";

    private const string Logger = "[logger-1] 14:39:57.845628 request 132 handled status=200 bytes=232\n";
    private const string GoLog = "2026/11/26 14:28:01 worker 1: job 9500\n";

    // What precedes a split in a real log: an earlier line of the same application and the previous cycle. Without them
    // a split right after an integer is ambiguous ("gc 2" + "1[logger..." reads as well as "gc 21" + "[logger...").
    private const string EarlierAppLine = "[logger-0] 14:39:57.800000 request 130 handled status=200 bytes=230\n";

    private static string Context(string prev) => EarlierAppLine + prev + "\n";

    public static TheoryData<string, string> Lines() => new() { { Go119, Go119Prev }, { Go126, Go126Prev } };

    /// <summary>
    /// The offsets between the runtime's print tokens (mgc.go gcMarkTermination): every number is its own print argument,
    /// and so is every literal between them. go1.26 prints "%", the leak-check text and ": " separately, and " (forced)"
    /// and "\n" are separate prints in every era. The end of the line (before "\n") is included.
    /// </summary>
    private static List<int> TokenBoundaries(string line)
    {
        var cuts = new SortedSet<int>();
        foreach (Match m in Regex.Matches(line, @"\d+(\.\d+)?"))
        {
            cuts.Add(m.Index);
            cuts.Add(m.Index + m.Length);
        }
        foreach (var lit in new[] { " (checking for goroutine leaks)", " (forced)" })
        {
            var i = line.IndexOf(lit, StringComparison.Ordinal);
            if (i < 0) continue;
            cuts.Add(i);
            cuts.Add(i + lit.Length);
        }
        cuts.Add(line.Length);
        cuts.Remove(0);
        return cuts.ToList();
    }

    private static (CollectingOutput Output, TraceScanner Scanner) Scan(string input)
    {
        var bytes = Encoding.Latin1.GetBytes(input);
        var result = CollectingOutput.Scan(bytes);
        var physical = bytes.Count(b => b == (byte)'\n') + (bytes.Length > 0 && bytes[^1] != (byte)'\n' ? 1 : 0);
        result.Scanner.Lines.Should().Be(physical, input);
        (result.Output.AppLines + result.Output.Events.Count).Should().Be(physical, input);
        result.Scanner.IsHoldingSplitLine.Should().BeFalse();
        return result;
    }

    private static string App(CollectingOutput o) => Encoding.Latin1.GetString(o.AppBytes);

    private static GcCycle Expected(string line, long lineNumber) =>
        (GcCycle)TraceGrammar.TryParse(line, lineNumber)! with { Repaired = true };

    private static void ShouldBeRepaired(CollectingOutput o, string line, long lineNumber, string because)
    {
        var repaired = o.Cycles.Where(c => c.Repaired).ToList();
        repaired.Should().ContainSingle(because);
        var expected = Expected(line, lineNumber);
        repaired[0].Should().Be(expected, because);
        repaired[0].ToString().Should().Be(expected.ToString(), because); // decimal scales too
        o.Events.OfType<UnrecognizedLine>().Should().BeEmpty(because);
    }

    // Splits line at the given offsets, inserting the matching foreign text at each.
    private static string Split(string line, IReadOnlyList<int> cuts, IReadOnlyList<string> foreign)
    {
        var sb = new StringBuilder();
        var prev = 0;
        for (var i = 0; i < cuts.Count; i++)
        {
            sb.Append(line, prev, cuts[i] - prev).Append(foreign[i]);
            prev = cuts[i];
        }
        return sb.Append(line, prev, line.Length - prev).Append('\n').ToString();
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Scan_ForeignLineAtEveryTokenBoundary_RepairedAndForeignLinePassedThrough(string line, string prev)
    {
        var boundaries = TokenBoundaries(line);
        boundaries.Should().HaveCountGreaterThan(35);
        foreach (var cut in boundaries)
        {
            var split = Split(line, [cut], [Logger]);

            var (o, _) = Scan(Context(prev) + split + Logger);
            ShouldBeRepaired(o, line, 3, $"cut at {cut}: {split}");
            o.Cycles.Should().HaveCount(2);
            App(o).Should().Be(EarlierAppLine + Logger + Logger, $"cut at {cut}");
        }
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Scan_ForeignLineAtEveryBoundaryWithoutContext_CorrectRepairOrUnchangedPassthrough(string line, string prev)
    {
        _ = prev;
        foreach (var cut in TokenBoundaries(line))
        {
            var split = Split(line, [cut], [Logger]);
            var (o, _) = Scan(split);
            ShouldBeRepairedOrPassedThrough(o, line, 1, Logger, split, $"cut at {cut}: {split}");
        }
    }

    // Either the one right repair, or nothing emitted for the split line: held lines passed through unchanged, the first counted.
    private static void ShouldBeRepairedOrPassedThrough(
        CollectingOutput o, string line, long lineNumber, string repairedApp, string passthroughApp, string because)
    {
        if (o.Cycles.Any(c => c.Repaired))
        {
            ShouldBeRepaired(o, line, lineNumber, because);
            App(o).Should().Be(repairedApp, because);
        }
        else
        {
            o.Cycles.Should().NotContain(c => c.Line >= lineNumber, because);
            o.Events.OfType<UnrecognizedLine>().Should().ContainSingle(because).Which.Line.Should().Be(lineNumber, because);
            App(o).Should().Be(passthroughApp, because);
        }
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Scan_TwoInterruptionsAtAnyBoundaryPair_Repaired(string line, string prev)
    {
        var boundaries = TokenBoundaries(line);
        const string other = "[logger-0] 14:39:57.845700 request 133 handled status=200 bytes=233\n";
        foreach (var a in boundaries)
            foreach (var b in boundaries.Where(b => b > a))
            {
                var (o, _) = Scan(Context(prev) + Split(line, [a, b], [Logger, other]));
                ShouldBeRepaired(o, line, 3, $"cuts at {a} and {b}");
                App(o).Should().Be(EarlierAppLine + Logger + other, $"cuts at {a} and {b}");
            }
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Scan_ThreeInterruptions_Repaired(string line, string prev)
    {
        var boundaries = TokenBoundaries(line);
        var rng = new Random(31337);
        string[] foreign = [Logger, "[logger-0] 14:39:57.845700 request 133 handled status=200 bytes=233\n", "[logger-2] 14:39:57.845800 request 7 handled status=200 bytes=107\n"];
        for (var i = 0; i < 300; i++)
        {
            var cuts = boundaries.OrderBy(_ => rng.Next()).Take(3).Order().ToArray();
            var (o, _) = Scan(Context(prev) + Split(line, cuts, foreign));
            ShouldBeRepaired(o, line, 3, $"cuts at {string.Join(",", cuts)}");
            App(o).Should().Be(EarlierAppLine + string.Concat(foreign), $"cuts at {string.Join(",", cuts)}");
        }
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Scan_SeveralWholeForeignLinesBetweenPieces_Repaired(string line, string prev)
    {
        const string block = Logger + "[logger-0] 14:39:57.845700 request 133 handled status=200 bytes=233\n" + "\n" + "[worker] idle\n";
        // Not after " P": there the block's empty line reads as the gc line's own "\n" (a whole, unforced line), and the
        // reassembler takes the first complete reading.
        var afterP = line.LastIndexOf(" P", StringComparison.Ordinal) + 2;
        foreach (var cut in TokenBoundaries(line).Where(c => c < afterP))
        {
            var (o, _) = Scan(Context(prev) + Split(line, [cut], [block]));
            ShouldBeRepaired(o, line, 3, $"cut at {cut}");
            App(o).Should().Be(EarlierAppLine + block, $"cut at {cut}");
        }
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Scan_DigitLedForeignLineAtEveryBoundary_CorrectRepairOrUnchangedPassthrough(string line, string prev)
    {
        // Go's log format starts with digits, so after a number token the split point is ambiguous ("21" + "2026/11/26"):
        // the reassembler may give up, but must never emit a cycle with wrong fields.
        const string earlierGoLog = "2026/11/26 14:28:00 worker 0: job 9499\n";
        foreach (var (before, app) in new[] { ("", ""), (prev + "\n", ""), (earlierGoLog + prev + "\n", earlierGoLog), (Context(prev), EarlierAppLine) })
            foreach (var cut in TokenBoundaries(line))
            {
                var split = Split(line, [cut], [GoLog]);
                var (o, _) = Scan(before + split);
                var lineNumber = before.Count(c => c == '\n') + 1;
                ShouldBeRepairedOrPassedThrough(o, line, lineNumber, app + GoLog, app + split, $"cut at {cut} after '{before}': {split}");
            }
    }

    [Fact]
    public void Scan_DigitLedForeignLineAfterLiteral_Repaired()
    {
        // After a literal such as " @" or " ms clock, " a digit-led foreign line is not ambiguous in the runtime's number forms.
        foreach (var cut in new[] { Go119.IndexOf(" @", StringComparison.Ordinal) + 2, Go119.IndexOf(" ms clock, ", StringComparison.Ordinal) + 11 })
        {
            var (o, _) = Scan(Go119Prev + "\n" + Split(Go119, [cut], [GoLog]));
            ShouldBeRepaired(o, Go119, 2, $"cut at {cut}");
            App(o).Should().Be(GoLog);
        }
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Scan_EmptyForeignLineAtEveryBoundary_MostRepairedNoneWrong(string line, string prev)
    {
        // fmt.Println() from another goroutine: the interruption is just "\n". Some boundaries are then truly ambiguous:
        // "21" + "\n" also reads as "2" + "1\n"; "… MB goal, " + "\n" + "… 2 P" with the stacks/globals text as the
        // foreign line is a valid go1.6 line; "0%" + " (checking for goroutine leaks)\n" + ": …" drops the leak flag.
        // Giving up is allowed there; a wrong cycle never is.
        var afterP = line.LastIndexOf(" P", StringComparison.Ordinal) + 2;
        var boundaries = TokenBoundaries(line).Where(c => c < afterP).ToList();
        var repaired = 0;
        foreach (var cut in boundaries)
        {
            var split = Split(line, [cut], ["\n"]);
            var (o, _) = Scan(Context(prev) + split);
            ShouldBeRepairedOrPassedThrough(o, line, 3, EarlierAppLine + "\n", EarlierAppLine + split, $"cut at {cut}: {split}");
            if (o.Cycles.Any(c => c.Repaired)) repaired++;
        }
        repaired.Should().BeGreaterThan(boundaries.Count / 2);
    }

    [Fact]
    public void Scan_InterruptionRightBeforeForced_ForcedKept()
    {
        var cut = Go126.IndexOf(" (forced)", StringComparison.Ordinal);
        var (o, _) = Scan(Go126Prev + "\n" + Split(Go126, [cut], [Logger]) + Logger);

        ShouldBeRepaired(o, Go126, 2, "split before (forced)");
        o.Cycles.Single(c => c.Repaired).Forced.Should().BeTrue();
        o.Cycles.Single(c => c.Repaired).LeakCheck.Should().BeTrue();
        App(o).Should().Be(Logger + Logger);
    }

    [Fact]
    public void Scan_InterruptionBeforeLineEndOfNonForcedLine_NotForced()
    {
        var (o, _) = Scan(Go119Prev + "\n" + Go119 + Logger + "\n" + Logger);

        ShouldBeRepaired(o, Go119, 2, "split before the line end");
        o.Cycles.Single(c => c.Repaired).Forced.Should().BeFalse();
        App(o).Should().Be(Logger + Logger);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    public void Scan_TruncatedGcLineAtEof_PassedThroughAndCountedUnrecognized(string end)
    {
        foreach (var cut in TokenBoundaries(Go119).Where(c => c < Go119.Length))
        {
            var input = Go119Prev + "\n" + Logger + Go119[..cut] + end;
            var (o, _) = Scan(input);

            o.Cycles.Should().ContainSingle($"cut at {cut}").Which.Number.Should().Be(20);
            o.Events.OfType<UnrecognizedLine>().Should().ContainSingle($"cut at {cut}").Which.Should().Be(new UnrecognizedLine(3, Go119[..cut]));
            App(o).Should().Be(Logger + Go119[..cut] + end, $"cut at {cut}");
        }
    }

    [Fact]
    public void Scan_TruncatedGcLineFollowedByNextCycle_BothCounted()
    {
        var cut = Go119.IndexOf(" ms cpu", StringComparison.Ordinal);
        var input = Go119[..cut] + "\n" + Logger + Go126Prev + "\n";
        var (o, _) = Scan(input);

        o.Events.Should().HaveCount(2);
        o.Events[0].Should().Be(new UnrecognizedLine(1, Go119[..cut]));
        o.Events[1].Should().BeOfType<GcCycle>().Which.Number.Should().Be(14);
        App(o).Should().Be(Go119[..cut] + "\n" + Logger);
    }

    [Theory]
    [InlineData("gc tuning done\n")]
    [InlineData("gc 5 workers started\n")]
    [InlineData("gc \n")]
    [InlineData("gc 12 @ noon\n")]
    public void Scan_AppLineStartingWithGc_PassedThroughUnchanged(string appLine)
    {
        foreach (var after in new[] { "", Logger, Logger + Logger + Go119Prev + "\n" + Logger })
        {
            var input = Logger + appLine + after;
            var (o, _) = Scan(input);

            o.Cycles.Should().HaveCount(after.Contains("gc ") ? 1 : 0);
            o.Cycles.Where(c => c.Repaired).Should().BeEmpty();
            App(o).Should().Be(input.Replace(Go119Prev + "\n", ""), appLine);
            // A line with a cycle number, or nothing after "gc ", looks like a gc line cut short; "gc tuning" is application text.
            o.Events.OfType<UnrecognizedLine>().Should().HaveCount(appLine.StartsWith("gc t", StringComparison.Ordinal) ? 0 : 1, appLine);
        }
    }

    [Fact]
    public void Scan_ForeignLineWithCrLf_RepairedAndCrLfKept()
    {
        const string crlf = "[logger-1] 14:39:57.845628 request 132 handled status=200 bytes=232\r\n";
        var cut = Go119.IndexOf(" MB goal", StringComparison.Ordinal);
        var (o, _) = Scan(Context(Go119Prev) + Split(Go119, [cut], [crlf]));

        ShouldBeRepaired(o, Go119, 3, "CRLF foreign line");
        App(o).Should().Be(EarlierAppLine + crlf);
    }
}
