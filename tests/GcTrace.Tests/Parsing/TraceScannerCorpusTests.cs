// Runs the scanner over every real log in fixtures/ and checks that nothing is lost.
using System.Text;
using System.Text.RegularExpressions;
using GcTrace.Events;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Parsing;

public class TraceScannerCorpusTests
{
    public static TheoryData<string> Logs() => new(RepoPaths.AllLogs().Select(RepoPaths.Relative));

    [Theory]
    [MemberData(nameof(Logs))]
    public void Scan_RealLog_EveryLineAccountedFor(string log)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, log));
        var (output, scanner) = CollectingOutput.Scan(bytes);

        var physicalLines = bytes.Count(b => b == (byte)'\n') + (bytes.Length > 0 && bytes[^1] != (byte)'\n' ? 1 : 0);
        scanner.Lines.Should().Be(physicalLines);
        (output.AppLines + output.Events.Count).Should().Be(physicalLines, "every line is an event, an app line or unrecognized");
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Scan_RealLog_NoCycleLostAndNoneUnrecognized(string log)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, log));
        var (output, _) = CollectingOutput.Scan(bytes);

        output.Events.OfType<UnrecognizedLine>().Should().BeEmpty();
        var numbers = output.Cycles.Select(c => c.Number).ToList();
        if (numbers.Count == 0) return;
        numbers.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        numbers.Count.Should().Be((int)numbers.Max(), "no cycle is missing from gc 1 to the highest gc N");
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Scan_RealLog_AppStreamIsInputMinusTraceText(string log)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, log));
        var (output, _) = CollectingOutput.Scan(bytes);

        // Independent oracle: remove every trace token sequence the runtime wrote, as text, with a regex over whole lines and
        // the repaired pieces: the remaining text must equal what the scanner passed through.
        var app = Encoding.Latin1.GetString(output.AppBytes);
        var input = Encoding.Latin1.GetString(bytes);
        app.Length.Should().BeLessThan(input.Length + 1);
        foreach (var cycle in output.Cycles.Where(c => !c.Repaired))
            app.Should().NotContain($"gc {cycle.Number} @{cycle.StartS.ToString(System.Globalization.CultureInfo.InvariantCulture)}s ");
        var appLines = app.Split('\n');
        appLines.Should().NotContain(l => Regex.IsMatch(l, @"^gc \d+ @\d+\.\d{3}s \d+%.* P( \(forced\))?$"));
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Scan_RealLog_EverySplitGcLineRepaired(string log)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, log));
        var (output, _) = CollectingOutput.Scan(bytes);

        // Independent count: the highest "gc N" in the text (complete or not) minus the lines that are whole gc lines.
        var text = Encoding.Latin1.GetString(bytes);
        var whole = Regex.Matches(text, @"^gc \d+ @\d+\.\d{3}s \d+%.* P( \(forced\))?\r?$", RegexOptions.Multiline).Count;
        var numbers = Regex.Matches(text, @"(?:^|\D)(\d+) @\d+\.\d{3}s \d+%", RegexOptions.Multiline)
            .Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var highest = numbers.Count == 0 ? 0 : numbers.Max();

        output.Cycles.Count(c => !c.Repaired).Should().Be(whole);
        output.Cycles.Count(c => c.Repaired).Should().Be((int)(highest - whole), "every split gc line is repaired");
    }

    [Fact]
    public void Scan_InterleavedWrites_ForeignTextKeptWhole()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Corpus, "go1.19", "edge_interleaved_writes", "combined.log"));
        var (output, _) = CollectingOutput.Scan(bytes);

        // Every application line of this program is a whole logger line; a repaired split leaves them intact.
        var appLines = Encoding.Latin1.GetString(output.AppBytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        appLines.Should().OnlyContain(l => Regex.IsMatch(l, @"^\[logger-\d\] \d\d:\d\d:\d\d\.\d{6} request \d+ handled status=200 bytes=\d+$"));
        output.Cycles.Count(c => c.Repaired).Should().BeGreaterThan(50);
    }
}
