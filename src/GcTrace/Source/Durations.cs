// Durations: how long a timer is armed for, read from the duration expression the way the compiler folds constants.
using System.Globalization;

namespace GcTrace.Source;

/// <summary>
/// Evaluates a constant `time.Duration` expression (`2 * time.Minute`, `retryAfter`, `time.Duration(30) * time.Second`)
/// through the package's constant declarations, so a rule can tell a timer that fires within a few GC cycles from one
/// that keeps what it holds for minutes. Anything not constant (a field, a parameter, a call) is unknown.
/// </summary>
internal static class Durations
{
    /// <summary>A timer armed for at least this long outlives many GC cycles of a busy program (gctrace cycles come
    /// seconds apart or faster) and most of a profile's window, so what it keeps reads as growth; a shorter one is
    /// ordinary deferred work whose memory is given back as it fires.</summary>
    public static readonly TimeSpan LongTimer = TimeSpan.FromSeconds(10);

    // Constants refer to constants: a few levels cover `retryAfter = 4 * baseDelay`, and stop a cycle in broken code.
    private const int MaxConstantDepth = 4;

    private static readonly Dictionary<string, double> UnitSeconds = new(StringComparer.Ordinal)
    {
        ["Nanosecond"] = 1e-9,
        ["Microsecond"] = 1e-6,
        ["Millisecond"] = 1e-3,
        ["Second"] = 1,
        ["Minute"] = 60,
        ["Hour"] = 3600,
    };

    /// <summary>The duration the tokens <paramref name="from"/>..<paramref name="to"/> (exclusive) of the line spell,
    /// or null when it is not a constant expression of products.</summary>
    public static TimeSpan? Of(GoPackage package, GoLine line, int from, int to)
    {
        var tokens = Enumerable.Range(from, Math.Max(0, to - from)).Select(i => line[i]).ToList();
        // A product without a unit is nanoseconds, as a bare time.Duration is.
        return Product(package, tokens, 0) is { } p ? TimeSpan.FromSeconds(p.HasUnit ? p.Value : p.Value * UnitSeconds["Nanosecond"]) : null;
    }

    /// <summary>"2m", "30s", "250ms": the duration as Go's time package would print its whole units.</summary>
    public static string Describe(TimeSpan d) =>
        d.TotalHours >= 1 && d.TotalHours == Math.Floor(d.TotalHours) ? string.Create(CultureInfo.InvariantCulture, $"{d.TotalHours:0}h")
        : d.TotalMinutes >= 1 && d.TotalMinutes == Math.Floor(d.TotalMinutes) ? string.Create(CultureInfo.InvariantCulture, $"{d.TotalMinutes:0}m")
        : d.TotalSeconds >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:0.###}s")
        : string.Create(CultureInfo.InvariantCulture, $"{d.TotalMilliseconds:0.###}ms");

    // A product of factors: numbers, `time.Unit`, `time.Duration(x)`, `(x)` and constants of the package; its value
    // counts seconds when a unit is among the factors, else it is a plain number.
    private static (double Value, bool HasUnit)? Product(GoPackage package, List<GoToken> tokens, int depth)
    {
        if (tokens.Count == 0 || depth > MaxConstantDepth)
        {
            return null;
        }

        double product = 1;
        var hasUnit = false;
        var i = 0;
        while (i < tokens.Count)
        {
            var (factor, next) = Factor(package, tokens, i, depth);
            if (factor is not { } f)
            {
                return null;
            }

            product *= f.Value;
            hasUnit |= f.HasUnit;
            i = next;
            if (i < tokens.Count)
            {
                if (tokens[i].Text != "*")
                {
                    return null;
                }

                i++;
            }
        }

        return (product, hasUnit);
    }

    private static ((double Value, bool HasUnit)? Factor, int Next) Factor(GoPackage package, List<GoToken> tokens, int i, int depth)
    {
        var t = tokens[i];
        if (t.Kind == GoTokenKind.Number)
        {
            var text = t.Text.Replace("_", string.Empty, StringComparison.Ordinal);
            return (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? (n, false) : null, i + 1);
        }

        if (t.Text == "time" && i + 2 < tokens.Count && tokens[i + 1].Text == ".")
        {
            var member = tokens[i + 2].Text;
            if (UnitSeconds.TryGetValue(member, out var unit))
            {
                return ((unit, true), i + 3);
            }

            if (member == "Duration" && i + 3 < tokens.Count && tokens[i + 3].Text == "(")
            {
                var close = Closing(tokens, i + 3);
                return (Product(package, tokens.GetRange(i + 4, close - i - 4), depth), close + 1);
            }

            return (null, i + 1);
        }

        if (t.Text == "(")
        {
            var close = Closing(tokens, i);
            return (Product(package, tokens.GetRange(i + 1, close - i - 1), depth), close + 1);
        }

        if (t.IsIdentifier && !(i + 1 < tokens.Count && tokens[i + 1].Text is "." or "("))
        {
            return (Constant(package, t.Text) is { } declared ? Product(package, declared, depth + 1) : null, i + 1);
        }

        return (null, i + 1);
    }

    // `name = expr` or `name time.Duration = expr` outside any function (a const or var declaration): expr's tokens.
    private static List<GoToken>? Constant(GoPackage package, string name)
    {
        foreach (var file in package.Files)
        {
            var tokens = file.Tokens;
            for (var k = 0; k < tokens.Count; k++)
            {
                var t = tokens[k];
                var startsLine = k == 0 || tokens[k - 1].Line != t.Line || tokens[k - 1].Text is "const" or "var";
                if (!t.IsIdentifier || t.Text != name || !startsLine || file.FunctionAt(t.Line) is not null)
                {
                    continue;
                }

                var eq = k + 1;
                while (eq < tokens.Count && tokens[eq].Line == t.Line && tokens[eq].Text != "=")
                {
                    eq++;
                }

                if (eq < tokens.Count && tokens[eq].Line == t.Line)
                {
                    var expr = new List<GoToken>();
                    for (var e = eq + 1; e < tokens.Count && tokens[e].Line == t.Line; e++)
                    {
                        expr.Add(tokens[e]);
                    }

                    return expr;
                }
            }
        }

        return null;
    }

    private static int Closing(List<GoToken> tokens, int open)
    {
        var depth = 0;
        for (var k = open; k < tokens.Count; k++)
        {
            depth += tokens[k].Text is "(" ? 1 : tokens[k].Text is ")" ? -1 : 0;
            if (depth == 0)
            {
                return k;
            }
        }

        return tokens.Count - 1;
    }
}
