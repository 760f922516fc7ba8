// The `verdict` block of the summary: what the diagnosis concluded, and why.
namespace GcTrace.Diagnosis;

/// <param name="Kind">What the evidence says the program does.</param>
/// <param name="Confidence">How much the evidence supports the kind.</param>
/// <param name="Reasons">Plain sentences, each one piece of evidence.</param>
/// <param name="Suspects">Allocation sites to look at; empty without profiles.</param>
public sealed record Verdict(
    VerdictKind Kind,
    Confidence Confidence,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<Suspect> Suspects)
{
    /// <summary>The numbers the reasons quote.</summary>
    public VerdictEvidence Evidence { get; init; } = new();
}
