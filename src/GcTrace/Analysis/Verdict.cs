// The `verdict` block of the summary. The model lives here; the rules that decide it live in Diagnosis.
namespace GcTrace.Analysis;

/// <param name="Kind">One of <see cref="VerdictKinds"/>.</param>
/// <param name="Confidence">"low", "medium" or "high": how much the evidence supports the kind.</param>
/// <param name="Reasons">Plain sentences, each one piece of evidence.</param>
/// <param name="Suspects">Allocation sites to look at; empty without profiles.</param>
public sealed record Verdict(
    string Kind,
    string Confidence,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<Suspect> Suspects)
{
    /// <summary>The numbers the reasons quote.</summary>
    public VerdictEvidence Evidence { get; init; } = new();
}
