// Invariant-culture number helpers shared by the grammar and the fast path.
using System.Globalization;

namespace GcTrace.Parsing;

internal static class Numbers
{
    public static decimal ParseDecimal(string text) => decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    public static bool TryParseLong(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// The runtime's float forms: go1.5-1.25 <c>printfloat</c> (<c>+8.750000e-001</c>, <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>)
    /// and go1.26+ <c>strconv 'g'</c> (<c>0.875</c>, <c>1e-05</c>, <c>+Inf</c>).
    /// </summary>
    public static double ParseGoFloat(string text) => text switch
    {
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
