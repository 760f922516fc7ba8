// Every gc line of every fixture log, printed back from its parsed event, gives the line's own text: no field is lost,
// rounded or mis-assigned, and repaired lines equal the gc text with the foreign pieces taken out.
using System.Text;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Parsing;

public class GcCycleRoundTripTests
{
    public static TheoryData<string> Logs() => new(RepoPaths.AllLogs().Select(RepoPaths.Relative));

    [Theory]
    [MemberData(nameof(Logs))]
    public void Scan_RealLog_EveryCyclePrintsBackToItsText(string log)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, log));
        var lines = Encoding.Latin1.GetString(bytes).Split('\n');
        var (output, _) = CollectingOutput.Scan(bytes);

        foreach (var cycle in output.Cycles)
        {
            var text = GcLineText.Of(cycle);
            if (!cycle.Repaired)
            {
                lines[cycle.Line - 1].TrimEnd('\r').Should().EndWith(text, $"line {cycle.Line}");
                continue;
            }
            // A repaired line starts at its line and its pieces follow in order, each at the start of a later line.
            var start = lines[cycle.Line - 1];
            start.Should().StartWith(text[..Math.Min(3, text.Length)]);
            var rest = text;
            for (var i = cycle.Line - 1; i < lines.Length && rest.Length > 0; i++)
            {
                var k = 0;
                while (k < lines[i].Length && k < rest.Length && lines[i][k] == rest[k]) k++;
                rest = rest[k..];
            }
            rest.Should().BeEmpty($"the pieces of repaired cycle {cycle.Number} (line {cycle.Line}) spell its text");
        }
    }
}
