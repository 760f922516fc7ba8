// Releases: the line that stops, cancels or closes one value, following it from the variable that receives it into
// the fields and containers it is stored in.
namespace GcTrace.Source;

/// <summary>Where a value made by a statement is held: the left side of its assignment.</summary>
/// <param name="Name">The local, the field, the package-level variable or the container's name.</param>
internal sealed record Holder(string Name, HolderKind Kind)
{
    /// <summary>The holder the tokens <paramref name="from"/>..<paramref name="to"/> (the left of `=`) name:
    /// `t` a local (or a package-level variable), `p.ticker` a field, `m[k]` or `s.m[k]` an element of a container.</summary>
    public static Holder? Of(FunctionScope scope, GoLine line, int from, int to)
    {
        if (to <= from)
        {
            return null;
        }

        if (line[to - 1].Text == "]")
        {
            var open = to - 1;
            var depth = 0;
            for (; open > from; open--)
            {
                depth += line[open].Text == "]" ? 1 : line[open].Text == "[" ? -1 : 0;
                if (depth == 0)
                {
                    break;
                }
            }

            return open > from && line[open - 1].IsIdentifier ? new Holder(line[open - 1].Text, HolderKind.Element) : null;
        }

        var last = line[to - 1];
        if (!last.IsIdentifier || last.Text == "_")
        {
            return null;
        }

        if (to - 1 > from && line[to - 2].Text == ".")
        {
            return new Holder(last.Text, HolderKind.Field);
        }

        var isLocal = scope.Lines.Any(l => l.Number <= line.Number && (Declares(l, last.Text) || l.Find("var", last.Text) >= 0))
            || scope.Body.DeclaresParameter(last.Text);
        return new Holder(last.Text, isLocal || scope.Package.Var(last.Text) is null ? HolderKind.Local : HolderKind.Field);
    }

    // `a, name := ...` or `for _, name := range ...`: the name left of the line's `:=`.
    private static bool Declares(GoLine line, string name)
    {
        var define = line.IndexOf(":=");
        return define > 0 && Enumerable.Range(0, define).Any(i => line[i].IsIdentifier && line[i].Text == name && !line.Matches(i - 1, "."));
    }
}

/// <summary>What holds a value: a local of the function, a field (or package-level variable) read anywhere, an
/// element of a map or slice.</summary>
internal enum HolderKind
{
    Local,
    Field,
    Element,
}

/// <summary>
/// A release ties to the value, not to a method name: `t.Stop()` stops the ticker in `t`, `p.ticker.Stop()` the one in
/// the field `ticker`, `c()` the cancel func `c` was read from (`c := s.cancels[id]`, `for _, c := range s.cancels`).
/// A local is released in its own function or through what it is stored in (`s.cancel = cancel`, `&job{stop: cancel}`,
/// `s.tickers[id] = t`, `append(s.cancels, cancel)`); a field or container anywhere in the package, on lines that can run.
/// </summary>
internal static class Releases
{
    /// <summary>The first line that calls <paramref name="method"/> on the value (or calls the value itself, when
    /// <paramref name="method"/> is null: a cancel func), or null when nothing does.</summary>
    public static GoLine? Find(FunctionScope scope, GoLine made, Holder holder, string? method) => FindAll(scope, made, holder, method).FirstOrDefault();

    /// <summary>Every line that calls <paramref name="method"/> on the value (see <see cref="Find"/>), first found first.</summary>
    public static IEnumerable<GoLine> FindAll(FunctionScope scope, GoLine made, Holder holder, string? method)
    {
        if (holder.Kind != HolderKind.Local)
        {
            foreach (var released in Through(scope, holder.Name, method))
            {
                yield return released;
            }

            yield break;
        }

        var name = holder.Name;
        foreach (var direct in scope.Lines.Where(l => !ReferenceEquals(l, made) && l.Number != made.Number && Calls(l, name, method, selected: false)
            && !scope.DeferredInLoop(l, made)))
        {
            yield return direct;
        }

        foreach (var line in scope.Lines.Where(l => l.Number != made.Number))
        {
            if (StoredIn(scope, line, name) is { } store)
            {
                foreach (var released in Through(scope, store.Name, method))
                {
                    yield return released;
                }
            }
        }
    }

    /// <summary>The field or container <paramref name="line"/> stores the local <paramref name="name"/> in, or null.</summary>
    public static Holder? StoredIn(FunctionScope scope, GoLine line, string name)
    {
        for (var i = 0; i < line.Count; i++)
        {
            if (!line[i].IsIdentifier || line[i].Text != name || line.Matches(i - 1, ".") || line.Matches(i + 1, "(") || line.Matches(i + 1, "."))
            {
                continue;
            }

            // field: name (a composite literal's key)
            if (line.Matches(i - 1, ":") && i >= 2 && line[i - 2].IsIdentifier)
            {
                return new Holder(line[i - 2].Text, HolderKind.Field);
            }

            // append(container, ..., name, ...)
            var append = line.IndexOf("append");
            if (append >= 0 && append < i && line.Matches(append + 1, "(") && line.IndexOf(",", append) is var comma and > 0 && comma < i && line[comma - 1].IsIdentifier)
            {
                return new Holder(line[comma - 1].Text, HolderKind.Element);
            }

            // x.f = name / m[k] = name / x.m[k] = name
            if (line.Matches(i - 1, "=") && i == line.Count - 1)
            {
                return Holder.Of(scope, line, 0, i - 1) is { Kind: not HolderKind.Local } stored ? stored : null;
            }
        }

        return null;
    }

    // A field, package-level variable or container, released anywhere in the package where the line can run: directly
    // (`x.f.Stop()`, `m[k]()`) or through a local read from it in the same function.
    private static IEnumerable<GoLine> Through(FunctionScope scope, string name, string? method)
    {
        var isVar = scope.Package.Var(name) is not null;
        foreach (var function in scope.Package.Files.SelectMany(f => f.Functions).Where(scope.IsLive))
        {
            var lines = function.Lines().ToList();
            if (lines.FirstOrDefault(l => Calls(l, name, method, selected: !isVar)) is { } direct)
            {
                yield return direct;
                continue;
            }

            foreach (var line in lines)
            {
                if (ReadFrom(line, name) is { } local && lines.FirstOrDefault(l => l.Number > line.Number && Calls(l, local, method, selected: false)) is { } viaLocal)
                {
                    yield return viaLocal;
                    break;
                }
            }
        }
    }

    // name.method( / name[...].method( / name( / name[...]( ; a field (selected) is `x.name`, a local never is.
    public static bool Calls(GoLine line, string name, string? method, bool selected)
    {
        for (var i = 0; i < line.Count; i++)
        {
            if (!line[i].IsIdentifier || line[i].Text != name || selected != line.Matches(i - 1, "."))
            {
                continue;
            }

            var k = i + 1;
            if (line.Matches(k, "["))
            {
                k = Close(line, k) + 1;
            }

            if (method is null ? line.Matches(k, "(") : line.Matches(k, ".", method, "("))
            {
                return true;
            }
        }

        return false;
    }

    // `v := x.name`, `v, ok := x.name[k]`, `v := name[k]`, `for _, v := range x.name`: the local v.
    private static string? ReadFrom(GoLine line, string name)
    {
        var assign = line.IndexOf(":=") is var d and >= 0 ? d : line.IndexOf("=");
        if (assign < 1)
        {
            return null;
        }

        var at = assign + 1;
        if (line.Matches(at, "range"))
        {
            at++;
        }

        // Skip the owner: x.y.name
        while (at + 1 < line.Count && line[at].IsIdentifier && line[at].Text != name && line.Matches(at + 1, "."))
        {
            at += 2;
        }

        if (!line.Matches(at, name))
        {
            return null;
        }

        var end = line.Matches(at + 1, "[") ? Close(line, at + 1) + 1 : at + 1;
        if (end != line.Count && !line.Matches(end, "{") && !line.Matches(end, ";"))
        {
            return null;
        }

        // The value variable: the last name left of := in a range, the first otherwise.
        var first = line.Matches(0, "for") || line.Matches(0, "if") ? 1 : 0;
        var isRange = line.Matches(assign + 1, "range");
        var v = isRange && line.Matches(first + 1, ",") ? line[first + 2] : line[first];
        return v.IsIdentifier && v.Text != "_" ? v.Text : null;
    }

    private static int Close(GoLine line, int open)
    {
        var depth = 0;
        for (var k = open; k < line.Count; k++)
        {
            depth += line[k].Text is "[" or "(" or "{" ? 1 : line[k].Text is "]" or ")" or "}" ? -1 : 0;
            if (depth == 0)
            {
                return k;
            }
        }

        return line.Count - 1;
    }
}
