// ValueTypes: as much of a value's type as its declaration shows, so `x.Stop()` is known to call a ticker's Stop
// and not the package's own (*Probe).Stop.
namespace GcTrace.Source;

/// <summary>
/// No type checker: a value's type is read from where it is declared in the package (a struct field, a parameter,
/// `x := &T{...}`, `x := pkg.F(...)`, `var x T`). The answer is one of three: a type the package declares (its name),
/// a type from elsewhere (a builtin, another package's, a map/slice/chan/func: <see cref="Foreign"/>), or unknown (null),
/// which callers treat as "could be any".
/// </summary>
internal static class ValueTypes
{
    /// <summary>The answer for a type the package does not declare.</summary>
    public const string Foreign = "";

    /// <summary>The type of the value the expression ending at token <paramref name="at"/> of
    /// <paramref name="function"/> denotes: `p` in `p.Stop()`, `ticker` in `p.ticker.Stop()`.</summary>
    public static string? OfExpression(GoPackage package, GoFunction function, int at)
    {
        var tokens = function.File.Tokens;
        var x = tokens[at];
        if (!x.IsIdentifier)
        {
            return null;
        }

        if (at > 0 && tokens[at - 1].Text == ".")
        {
            // A field: its declaration in the package (in the struct of the value it is selected from, when that shows),
            // an embedded field named after its type, or another package's field (resp.Body). A declared field named
            // like a type of the package (`series *metrics.Index[*series]`) has the type its declaration gives.
            var owner = at >= 2 && tokens[at - 2].IsIdentifier ? OfExpression(package, function, at - 2) : null;
            return package.FieldType(x.Text, owner is { Length: > 0 } ? owner : null) ?? (package.TypeNames.Contains(x.Text) ? x.Text : Foreign);
        }

        if (function.File.Imports.Contains(x.Text) && !Declared(function, x.Text, at))
        {
            return Foreign;
        }

        return Parameter(package, function, x.Text) ?? Local(package, function, x.Text, at);
    }

    /// <summary>The type written at token <paramref name="at"/> of <paramref name="file"/>: `*Probe` -> "Probe",
    /// `*time.Ticker` or `map[..]..` -> <see cref="Foreign"/>.</summary>
    public static string TypeAt(GoPackage package, GoSourceFile file, int at)
    {
        var tokens = file.Tokens;
        while (at < tokens.Count && tokens[at].Text == "*")
        {
            at++;
        }

        if (at >= tokens.Count || !tokens[at].IsIdentifier || (at + 1 < tokens.Count && tokens[at + 1].Text == "."))
        {
            return Foreign;
        }

        return package.TypeNames.Contains(tokens[at].Text) ? tokens[at].Text : Foreign;
    }

    // `x *T` (or `a, x T`) in the signature, the receiver included.
    private static string? Parameter(GoPackage package, GoFunction function, string name)
    {
        var tokens = function.File.Tokens;
        for (var i = Math.Max(0, function.DeclStart); i + 1 < function.BodyStart; i++)
        {
            if (!tokens[i].IsIdentifier || tokens[i].Text != name || tokens[i - 1].Text is not ("(" or ","))
            {
                continue;
            }

            var k = i + 1;
            while (k + 1 < function.BodyStart && tokens[k].Text == "," && tokens[k + 1].IsIdentifier)
            {
                k += 2;
            }

            if (tokens[k].Text is "," or ")")
            {
                continue;
            }

            return TypeAt(package, function.File, k);
        }

        return null;
    }

    // The nearest declaration before the use: `x := &T{`, `x := T{`, `x, err := pkg.F(`, `var x T`, `x := NewT(` (a
    // package function whose result names a type).
    private static string? Local(GoPackage package, GoFunction function, string name, int before)
    {
        var tokens = function.File.Tokens;
        for (var i = before - 1; i > function.BodyStart; i--)
        {
            if (!tokens[i].IsIdentifier || tokens[i].Text != name || tokens[i - 1].Text == ".")
            {
                continue;
            }

            if (tokens[i - 1].Text == "var")
            {
                return TypeAt(package, function.File, i + 1);
            }

            var k = i + 1;
            while (k + 1 < before && tokens[k].Text == "," && tokens[k + 1].IsIdentifier)
            {
                k += 2;
            }

            if (tokens[k].Text is not (":=" or "="))
            {
                continue;
            }

            k++;
            while (tokens[k].Text is "&" or "*")
            {
                k++;
            }

            if (!tokens[k].IsIdentifier)
            {
                return null;
            }

            if (tokens[k + 1].Text == ".")
            {
                return function.File.Imports.Contains(tokens[k].Text) ? Foreign : null;
            }

            if (package.TypeNames.Contains(tokens[k].Text))
            {
                return tokens[k].Text;
            }

            return package.Function(tokens[k].Text) is { } constructor
                ? ResultType(package, constructor)
                : null;
        }

        return null;
    }

    // func NewProbe(...) *Probe { -> "Probe"; null when the result is not one named type.
    private static string? ResultType(GoPackage package, GoFunction function)
    {
        var tokens = function.File.Tokens;
        var k = function.BodyStart - 1;
        while (k > function.DeclStart && tokens[k].Text != ")" && !(tokens[k].IsIdentifier && tokens[k - 1].Text is "*" or ")"))
        {
            k--;
        }

        return tokens[k].IsIdentifier && package.TypeNames.Contains(tokens[k].Text) ? tokens[k].Text : null;
    }

    // A local or parameter of the function shadows an import of the same name.
    private static bool Declared(GoFunction function, string name, int before) =>
        function.DeclaresParameter(name) || Enumerable.Range(function.BodyStart, Math.Max(0, before - function.BodyStart))
            .Any(i => function.File.Tokens[i].Text == name && function.File.Tokens[i + 1].Text is ":=" or ",");
}
