// Line ends at the edges of the input: no final newline, CRLF, empty input.
using System.Text;
using GcTrace.Events;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Parsing;

public class TraceScannerLineEndTests
{
    private const string Gc = "gc 3 @0.045s 2%: 0.015+0.88+0.024 ms clock, 0.12+0.11/1.5/0.31+0.19 ms cpu, 4->5->2 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 8 P";

    [Theory]
    [InlineData("app\n" + Gc, 1, "app\n")]
    [InlineData(Gc + "\napp", 1, "app")]
    [InlineData("app\r\n" + Gc + "\r\nlast\r\n", 1, "app\r\nlast\r\n")]
    [InlineData("", 0, "")]
    [InlineData("only app, no newline", 0, "only app, no newline")]
    public void Scan_LineEnds_TraceParsedAppBytesUnchanged(string input, int cycles, string app)
    {
        var (output, scanner) = CollectingOutput.Scan(Encoding.ASCII.GetBytes(input));

        output.Events.OfType<GcCycle>().Should().HaveCount(cycles);
        Encoding.ASCII.GetString(output.AppBytes).Should().Be(app);
        scanner.Lines.Should().Be(input.Length == 0 ? 0 : input.TrimEnd('\n').Split('\n').Length);
    }
}
