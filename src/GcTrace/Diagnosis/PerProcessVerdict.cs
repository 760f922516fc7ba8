// When the gc lines of several processes interleave in one stream: a verdict for each, and the most serious for the run.
using System.Globalization;
using GcTrace.Analysis;

namespace GcTrace.Diagnosis;
/// <summary>
/// A verdict over two interleaved processes judges neither (a leaking heap beside a steady one reads as a sawtooth), so
/// each process's own summary is judged by the inner rule. The run's verdict is the most serious one, a leak before GC
/// pressure before an inconclusive trace before a healthy one, since that is what someone reading the report must act
/// on; the reasons say that the stream was split and what each process got.
/// </summary>
public sealed class PerProcessVerdict(IVerdictRule inner) : IVerdictRule
{
    public Verdict Decide(TraceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.Processes.Count < 2) return inner.Decide(summary);
        var each = summary.Processes.Select(inner.Decide).ToList();
        var worst = Enumerable.Range(0, each.Count)
            .OrderBy(i => Severity(each[i].Kind))
            .ThenByDescending(i => each[i].Confidence)
            .First();
        var reasons = new List<string>
        {
            Invariant($"The gc lines of {each.Count} processes are interleaved in this stream; each was analysed on its own, and this is the verdict of process {worst + 1}."),
        };
        for (var i = 0; i < each.Count; i++)
        {
            var p = summary.Processes[i];
            reasons.Add(Invariant($"Process {i + 1} (gc {p.Gc.FirstCycle}..{p.Gc.LastCycle}, {p.Gc.Cycles} cycles, live heap {p.Heap.LiveMbFirst} -> {p.Heap.LiveMbLast} MB): {ContractNames.Of(each[i].Kind)}."));
        }

        reasons.AddRange(each[worst].Reasons.Select(r => Invariant($"Process {worst + 1}: {r}")));
        return each[worst] with { Reasons = reasons };
    }

    private static int Severity(VerdictKind kind) => kind switch
    {
        VerdictKind.Leak => 0,
        VerdictKind.GcPressure => 1,
        VerdictKind.Inconclusive => 2,
        _ => 3,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
