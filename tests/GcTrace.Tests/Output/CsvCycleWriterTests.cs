// CsvCycleWriter: the contract's columns in order, one row per cycle, digits as printed, empty where absent.
using System.Diagnostics;
using System.Text;
using GcTrace.Events;
using GcTrace.Output;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Output;

public class CsvCycleWriterTests
{
    // Copied from output-contract.md, "CSV: one row per GC cycle", in its order.
    private static readonly string[] ContractColumns =
    [
        "cycle", "start_s", "cpu_pct", "stw_sweep_term_ms", "concurrent_ms", "stw_mark_term_ms", "stw_total_ms",
        "cpu_stw_sweep_term_ms", "cpu_assist_ms", "cpu_background_ms", "cpu_idle_ms", "cpu_stw_mark_term_ms",
        "heap_start_mb", "heap_end_mb", "heap_live_mb", "heap_goal_mb", "stacks_mb", "globals_mb", "procs",
        "forced", "leak_check", "repaired",
    ];

    [Theory]
    [InlineData("go1.19/pressure_noleak/combined.log")]
    [InlineData("go1.19/edge_short_zero/combined.log")]
    [InlineData("go1.26/edge_gctrace2_steady/combined.log")]
    public void Write_CorpusLog_HeaderIsTheContractAndOneRowPerCycle(string log)
    {
        var cycles = FixtureCycles.FromCorpus(log);

        var text = WriteAll(cycles);

        text.Should().NotContain("\r").And.EndWith("\n");
        var rows = ParseCsv(text);
        rows[0].Should().Equal(ContractColumns);
        rows.Should().HaveCount(cycles.Count + 1);
        rows.Skip(1).Where(r => r.Length != ContractColumns.Length).Should().BeEmpty();
        for (var i = 0; i < cycles.Count; i++)
        {
            rows[i + 1][0].Should().Be(cycles[i].Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        AssertPandasReadsTheSameShape(text, cycles.Count);
    }

    [Fact]
    public void Write_OneCycle_KeepsPrintedDigitsAndWritesLowercaseBooleans()
    {
        var cycle = FixtureCycles.FromLines(
            ["gc 15 @8.210s 1% (checking for goroutine leaks): 0.031+1.4+0.050 ms clock, 0.25+0.08/2.0/1.1+0.41 ms cpu, 6->6->3 MB, 7 MB goal, 0 MB stacks, 0 MB globals, 8 P (forced)"])
            .Single() with
        { Repaired = true };

        var row = ParseCsv(WriteAll([cycle]))[1];

        row.Should().Equal(
            "15", "8.210", "1", "0.031", "1.4", "0.050", "0.081",
            "0.25", "0.08", "2.0", "1.1", "0.41",
            "6", "6", "3", "7", "0", "0", "8",
            "true", "true", "true");
    }

    [Fact]
    public void Write_Go16Cycle_LeavesStacksAndGlobalsEmpty()
    {
        var cycle = Cycles.Make(4, 0.321m, format: GcFormat.Go16);

        var row = ParseCsv(WriteAll([cycle]))[1];

        row[16].Should().BeEmpty();
        row[17].Should().BeEmpty();
        row[19].Should().Be("false");
    }

    [Fact]
    public void Write_ToStream_WritesUtf8WithoutBomAndLeavesItOpen()
    {
        using var stream = new MemoryStream();
        using (var writer = new CsvCycleWriter(stream))
        {
            writer.Write(Cycles.Make(1, 0.005m));
            writer.Rows.Should().Be(1);
        }

        stream.CanWrite.Should().BeTrue();
        var bytes = stream.ToArray();
        bytes[0].Should().Be((byte)'c');
        ParseCsv(Encoding.UTF8.GetString(bytes)).Should().HaveCount(2);
    }

    private static string WriteAll(IEnumerable<GcCycle> cycles)
    {
        using var text = new StringWriter();
        using (var writer = new CsvCycleWriter(text))
        {
            foreach (var cycle in cycles)
            {
                writer.Write(cycle);
            }
        }

        return text.ToString();
    }

    // Plain RFC 4180 reading is enough: none of these fields may need quotes, so any quote is a failure.
    private static List<string[]> ParseCsv(string text)
    {
        text.Should().NotContain("\"");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(',')).ToList();
    }

    // pandas is what many readers of this CSV use: scripts/setup.sh installs Debian's python3-pandas for this test.
    private static void AssertPandasReadsTheSameShape(string text, int rows)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, text);
            var output = Run(Pandas.Python, "-c", $"import pandas as p; d = p.read_csv(r'{file}'); print(len(d), len(d.columns))");
            output.Trim().Should().Be($"{rows} {ContractColumns.Length}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0);
        return output;
    }
}
