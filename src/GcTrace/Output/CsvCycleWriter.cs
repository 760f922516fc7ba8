// The `--csv` sink: one row per GC cycle, header first, written as cycles arrive.
using System.Globalization;
using CsvHelper;
using GcTrace.Events;

namespace GcTrace.Output;
/// <summary>
/// Contract: comma-separated, <c>\n</c> line ends, invariant culture, <c>true</c>/<c>false</c>, empty fields where
/// the format lacks a value (stacks and globals before go1.18). The header is written at once, so a trace without a
/// single cycle still gives a valid file. The destination is the caller's; it stays open.
/// </summary>
public sealed class CsvCycleWriter : IDisposable
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
        TrueValue = "true",
        FalseValue = "false",
        NullValue = null,
    };

    private readonly CsvWriter csv;

    public CsvCycleWriter(Stream destination)
        : this(CsvWriter.Create(destination, Options, leaveOpen: true))
    {
    }

    public CsvCycleWriter(TextWriter destination)
        : this(CsvWriter.Create(destination, Options, leaveOpen: true))
    {
    }

    private CsvCycleWriter(CsvWriter csv)
    {
        this.csv = csv;
        csv.WriteHeader<CsvCycleRow>();
    }

    /// <summary>The cycles written so far.</summary>
    public long Rows { get; private set; }

    public void Write(GcCycle cycle)
    {
        csv.WriteRecord(ToRow(cycle));
        Rows++;
    }

    public void Flush() => csv.Flush();

    public void Dispose() => csv.Dispose();

    private static CsvCycleRow ToRow(GcCycle c) => new()
    {
        Cycle = c.Number,
        StartS = c.StartS,
        CpuPct = c.CpuPercent,
        StwSweepTermMs = c.StwSweepTermMs,
        ConcurrentMs = c.ConcurrentMs,
        StwMarkTermMs = c.StwMarkTermMs,
        StwTotalMs = c.StwTotalMs,
        CpuStwSweepTermMs = c.CpuStwSweepTermMs,
        CpuAssistMs = c.CpuAssistMs,
        CpuBackgroundMs = c.CpuBackgroundMs,
        CpuIdleMs = c.CpuIdleMs,
        CpuStwMarkTermMs = c.CpuStwMarkTermMs,
        HeapStartMb = c.HeapStartMb,
        HeapEndMb = c.HeapEndMb,
        HeapLiveMb = c.HeapLiveMb,
        HeapGoalMb = c.HeapGoalMb,
        StacksMb = c.StacksMb,
        GlobalsMb = c.GlobalsMb,
        Procs = c.Procs,
        Forced = c.Forced,
        LeakCheck = c.LeakCheck,
        Repaired = c.Repaired,
    };
}
