// TopRow: one line of a `pprof -top` table: a function's flat and cumulative value and their shares of the total.
namespace GcTrace.Profiles;

/// <param name="InlineLabel">"(inline)" when every call into this function was inlined, "(partial-inline)" when only
/// some were, "" otherwise; pprof prints it after the name.</param>
/// <param name="FlatPercent">|Flat| / total × 100, like all percentages here (pprof prints absolute shares).</param>
/// <param name="SumPercent">|running Σ flat up to this row| / total × 100.</param>
public sealed record TopRow(
    string Name,
    long Flat,
    long Cum,
    long FlatSum,
    double FlatPercent,
    double SumPercent,
    double CumPercent,
    string InlineLabel);
