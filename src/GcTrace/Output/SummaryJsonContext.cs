// Source-generated System.Text.Json metadata for the summary, so `--json` works under Native AOT (no reflection).
using System.Text.Json.Serialization;
using GcTrace.Events;

namespace GcTrace.Output;
/// <summary>
/// snake_case_lower turns the record properties into the contract's keys (StwMs -> stw_ms, P999 -> p999,
/// AllocRateMbPerS -> alloc_rate_mb_per_s); a test compares the key tree with the contract. Nulls are written
/// (as null), so every contract key is present even when there is nothing to report.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(VerdictKindConverter), typeof(ConfidenceConverter), typeof(SuspectPatternConverter)])]
[JsonSerializable(typeof(SummaryDocument))]
internal sealed partial class SummaryJsonContext : JsonSerializerContext;
