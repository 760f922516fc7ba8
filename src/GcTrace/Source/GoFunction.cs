// GoFunction: one top-level func declaration: its name as profiles print it and where its body is.
namespace GcTrace.Source;

/// <param name="Name">In-package name as in a profile's function name after the package: "cacheResult",
/// "(*lru).put", "server.handle".</param>
/// <param name="BodyStart">Index of the body's `{` in the file's tokens.</param>
/// <param name="BodyEnd">Index of the body's matching `}`.</param>
/// <param name="DeclStart">Index of the declaration's `func` keyword (the signature lies between it and the body).</param>
public sealed record GoFunction(string Name, GoSourceFile File, int BodyStart, int BodyEnd, int DeclStart = -1)
{
    public int FirstLine => File.Tokens[BodyStart].Line;

    public int LastLine => File.Tokens[BodyEnd].Line;

    public bool Contains(int line) => line >= FirstLine && line <= LastLine;

    /// <summary>The name without its receiver: "put" for "(*lru).put", "cacheResult" for "cacheResult".</summary>
    public string MethodName => MethodNameOf(Name);

    /// <summary>The last part of an in-package name: "spawn" for "(*Hub).spawn".</summary>
    public static string MethodNameOf(string inPackageName) => inPackageName[(inPackageName.LastIndexOf('.') + 1)..];

    /// <summary>True when the signature (receiver included) declares <paramref name="parameter"/>, with a type that
    /// starts with one of <paramref name="typeStarts"/> when any are given (`fn func(...)`, `in <-chan T`, `a, b chan T`).</summary>
    public bool DeclaresParameter(string parameter, params string[] typeStarts)
    {
        var tokens = File.Tokens;
        for (var i = Math.Max(0, DeclStart); i + 1 < BodyStart; i++)
        {
            // A name opens a parameter (after `(` or `,`); a type named in the signature (`h Hook`) is no parameter.
            if (tokens[i].Text != parameter || !tokens[i].IsIdentifier || i == 0 || tokens[i - 1].Text is not ("(" or ","))
            {
                continue;
            }

            // Skip the other names of a grouped declaration: `a, b chan T`.
            var k = i + 1;
            while (k + 1 < BodyStart && tokens[k].Text == "," && tokens[k + 1].IsIdentifier)
            {
                k += 2;
            }

            // Unnamed parameters or results (`(int, error)`) are types only: no type follows the names.
            if (tokens[k].Text is ")" or ",")
            {
                continue;
            }

            if (typeStarts.Length == 0 || typeStarts.Contains(tokens[k].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The receiver's name of a method (`r` in `func (r *Router) observe(...)`), or null for a function or an
    /// unnamed receiver.</summary>
    public string? ReceiverName()
    {
        var tokens = File.Tokens;
        var at = Math.Max(0, DeclStart);
        return tokens[at].Text == "func" && at + 2 < BodyStart && tokens[at + 1].Text == "(" && tokens[at + 2].IsIdentifier
            && tokens[at + 3].Text != ")"
            ? tokens[at + 2].Text
            : null;
    }

    /// <summary>The names of the parameters after the function's name, in order (not the receiver's, not the
    /// results'): "k", "v" for `func (w *Window[K, V]) Put(k K, v V)`; empty when they are unnamed.</summary>
    public IReadOnlyList<string> ParameterNames()
    {
        var tokens = File.Tokens;
        var i = Math.Max(0, DeclStart) + 1;
        if (i < BodyStart && tokens[i].Text == "(")
        {
            i = Closing(i) + 1;
        }

        // The name, then type parameters `[T any]` if any, then the parameter list.
        i++;
        if (i < BodyStart && tokens[i].Text == "[")
        {
            i = Closing(i) + 1;
        }

        if (i >= BodyStart || tokens[i].Text != "(")
        {
            return [];
        }

        var end = Closing(i);
        var parts = new List<List<string>> { new() };
        for (var k = i + 1; k < end; k++)
        {
            if (tokens[k].Text == "," && Depth(i, k) == 1)
            {
                parts.Add([]);
                continue;
            }

            parts[^1].Add(tokens[k].Text);
        }

        // Named when some part is `name Type` (a grouped `a, b int` leaves `a` alone in its part).
        var named = parts.Any(p => p.Count >= 2 && p[1] != ".");
        return named ? parts.Where(p => p.Count > 0).Select(p => p[0]).ToList() : [];
    }

    // The index of the bracket that closes the one at `open`.
    private int Closing(int open)
    {
        var depth = 0;
        for (var k = open; k < BodyStart; k++)
        {
            depth += File.Tokens[k].Text is "(" or "[" or "{" ? 1 : File.Tokens[k].Text is ")" or "]" or "}" ? -1 : 0;
            if (depth == 0)
            {
                return k;
            }
        }

        return BodyStart;
    }

    private int Depth(int open, int at)
    {
        var depth = 0;
        for (var k = open; k < at; k++)
        {
            depth += File.Tokens[k].Text is "(" or "[" or "{" ? 1 : File.Tokens[k].Text is ")" or "]" or "}" ? -1 : 0;
        }

        return depth;
    }

    /// <summary>The body's tokens grouped by source line, in order (a line may start inside a multi-line statement).</summary>
    public IEnumerable<GoLine> Lines()
    {
        var i = BodyStart + 1;
        while (i < BodyEnd)
        {
            var line = File.Tokens[i].Line;
            var start = i;
            while (i < BodyEnd && File.Tokens[i].Line == line)
            {
                i++;
            }

            yield return new GoLine(File, start, i);
        }
    }
}
