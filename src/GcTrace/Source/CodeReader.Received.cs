// CodeReader (received values): a value sent on a channel is kept by whoever receives it.
using GcTrace.Events;

namespace GcTrace.Source;

/// <summary>
/// `f.frames &lt;- readFrame(seq)` parks nobody when the receiving loop keeps draining the channel (the goroutine
/// profiles show no group piling up there): the send hands the frame's value to the loop that receives from the same
/// channel (`for frame := range f.frames`, `frame := &lt;-f.frames`), and what that loop keeps of it is why it stays:
/// a container it is stored in (unbounded map or slice), or a sub-slice of it handed to a function that stores the
/// slice (each kept view pins the whole received buffer). A copy (`string(b)`, `bytes.Clone(b)`) keeps no view.
/// </summary>
public sealed partial class CodeReader
{
    // The value a frame sends on a channel, followed to the loops that receive it; null when the send is not the
    // frame's value or no receiver keeps it.
    private CodeFinding? Received(FunctionScope scope, CodeFrame frame, CodeFinding send)
    {
        var line = scope.Lines.FirstOrDefault(l => l.Number == send.Line && SameFile(l.File.Path, send.File));
        if (line is null || line.IndexOf("<-") is not (> 0 and var arrow) || !line[arrow - 1].IsIdentifier || !SendsFrameValue(scope, frame, line, arrow))
        {
            return null;
        }

        var channel = line[arrow - 1].Text;
        var field = line.Matches(arrow - 2, ".");
        var here = $"{Path.GetFileName(line.File.Path)}:{line.Number} `{line.Code}`";
        var prefix = PackagePrefix(scope.Function);
        // A field's channel may be received by any function of the package; a local or parameter one where it is in
        // scope, under the names the calls that pass it give it.
        var names = field ? scope.Package.Files.SelectMany(f => f.Functions).Select(f => (Function: f, Name: channel)) : ChannelNames(scope.Package, scope.Body, channel);
        foreach (var (function, name) in names)
        {
            var receiving = new FunctionScope(scope.Package, function, prefix + function.Name) { PerCallTypes = perCallTypes };
            if (!scope.IsLive(function))
            {
                continue;
            }

            foreach (var receive in receiving.Lines)
            {
                if (ReceivedInto(receive, name, field) is { } value && KeptAfter(receiving, receive, value) is { Holds: true } kept)
                {
                    return kept with
                    {
                        Evidence = $"{here} sends its value on `{channel}`, which {Path.GetFileName(receive.File.Path)}:{receive.Number} `{receive.Code}` receives; there {kept.Evidence}",
                    };
                }
            }
        }

        return null;
    }

    // The functions of the package that know a local or parameter (a channel, a ticker), and by which name: a parameter is the
    // argument its function's callers pass (`go decodeStage(seqs, recs)` names `out` `recs` in Start), and a local
    // passed to a function of the package is that function's parameter (`go archiveStage(recs, finished)` names it
    // `records`), followed up to MaxCallDepth calls.
    internal static List<(GoFunction Function, string Name)> ChannelNames(GoPackage package, GoFunction function, string channel)
    {
        var functions = package.Files.SelectMany(f => f.Functions).ToList();
        var names = new List<(GoFunction Function, string Name)> { (function, channel) };
        for (var k = 0; k < names.Count && names.Count <= MaxCallDepth * 4; k++)
        {
            var (f, name) = names[k];
            var index = f.ParameterNames().ToList().IndexOf(name);
            foreach (var caller in functions)
            {
                foreach (var line in caller.Lines())
                {
                    for (var i = 0; i + 1 < line.Count; i++)
                    {
                        if (!line[i].IsIdentifier || !line.Matches(i + 1, "("))
                        {
                            continue;
                        }

                        var arguments = Arguments(line, i + 2).ToList();
                        // A caller passes the parameter's argument: the channel there.
                        if (index >= 0 && line[i].Text == f.MethodName && index < arguments.Count && arguments[index] is [var passed] && IsName(passed))
                        {
                            Add(names, caller, passed);
                        }

                        // This function passes the channel on: the callee's parameter.
                        if (caller == f && arguments.FindIndex(a => a is [var only] && only == name) is var at and >= 0)
                        {
                            foreach (var callee in functions.Where(c => c.MethodName == line[i].Text && c != f))
                            {
                                if (callee.ParameterNames() is var parameters && at < parameters.Count)
                                {
                                    Add(names, callee, parameters[at]);
                                }
                            }
                        }
                    }
                }
            }
        }

        return names;
    }

    private static bool IsName(string text) => text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static void Add(List<(GoFunction Function, string Name)> names, GoFunction function, string name)
    {
        if (!names.Contains((function, name)))
        {
            names.Add((function, name));
        }
    }

    private static bool SameFile(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    // The send carries what the frame computes: the frame's own line is the send (`ch <- readFrame(seq)`), or the sent
    // expression names a local that the frame's line assigns (`buf := make(...)` ... `out <- buf`).
    private static bool SendsFrameValue(FunctionScope scope, CodeFrame frame, GoLine send, int arrow)
    {
        if (send.Number == frame.Line)
        {
            return true;
        }

        if (scope.Lines.FirstOrDefault(l => l.Number == frame.Line) is not { } at || at.IndexOf(":=") is var d && d < 0 && at.IndexOf("=") < 0)
        {
            return false;
        }

        var assign = at.IndexOf(":=") is var e and > 0 ? e : at.IndexOf("=");
        var assigned = Enumerable.Range(0, assign).Where(i => at[i].IsIdentifier && !at.Matches(i - 1, ".")).Select(i => at[i].Text).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(arrow + 1, send.Count - arrow - 1).Any(i => send[i].IsIdentifier && !send.Matches(i - 1, ".") && assigned.Contains(send[i].Text));
    }

    // The variable a line receives from the channel into: `for v := range x.ch {`, `v := <-x.ch`, `v, ok := <-ch`,
    // `case v := <-x.ch:`; null when the line receives nothing from it into a variable.
    private static string? ReceivedInto(GoLine line, string channel, bool field)
    {
        if (line.Matches(0, "for") && line.Matches(2, ":=", "range") && line[1].IsIdentifier && ChannelAt(line, 4, channel, field))
        {
            return line[1].Text;
        }

        var first = line.Matches(0, "case") ? 1 : 0;
        var arrow = line.IndexOf("<-");
        return arrow > first + 1 && line[arrow - 1].Text is ":=" or "=" && line[first].IsIdentifier && line[first].Text != "_"
            && ChannelAt(line, arrow + 1, channel, field)
            ? line[first].Text
            : null;
    }

    // `x.ch` (field) or `ch` (local) starting at `at`, ending the expression.
    private static bool ChannelAt(GoLine line, int at, string channel, bool field)
    {
        var k = at;
        while (line[k].IsIdentifier && line.Matches(k + 1, ".") && line[k + 2].IsIdentifier)
        {
            k += 2;
        }

        return line[k].IsIdentifier && line[k].Text == channel && (k > at) == field && !line.Matches(k + 1, ".") && !line.Matches(k + 1, "(");
    }

    // Reads the receiving function after the receive, on the lines that use the received value or what is derived
    // from it: a statement that keeps it, a call that keeps it, or a sub-slice of it handed to a function that stores it.
    private CodeFinding? KeptAfter(FunctionScope scope, GoLine receive, string value)
    {
        var derived = new HashSet<string>(StringComparer.Ordinal) { value };
        var views = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in scope.Lines.Where(l => l.Number > receive.Number && l.Number <= scope.Body.LastLine).OrderBy(l => l.Number))
        {
            if (!Enumerable.Range(0, line.Count).Any(i => line[i].IsIdentifier && !line.Matches(i - 1, ".") && derived.Contains(line[i].Text)))
            {
                continue;
            }

            Derive(scope, line, derived, views);
            var finding = StatementRules.Read(scope, line) is { Pattern: not SuspectPattern.GoroutineLeak } own ? own : null;
            finding = finding is { Holds: true } ? finding : ViewStored(scope, line, views) ?? Callee(scope, line) ?? finding;
            if (finding is { Holds: true })
            {
                return finding;
            }
        }

        return null;
    }

    // `a, b := f(v)` or `k := v[i:j]`: the names a line assigns from a derived value are derived too; a slice of it, or
    // the result of a package function that returns a slice of the parameter it is passed, is a view of its buffer.
    // A copy (`string(v)`, `bytes.Clone(v)`, `append`, `copy`) is neither.
    private void Derive(FunctionScope scope, GoLine line, HashSet<string> derived, Dictionary<string, string> views)
    {
        if (line.IndexOf(":=") is not (> 0 and var assign) || Enumerable.Range(assign + 1, line.Count - assign - 1).Any(i => line[i].Text is "Clone" or "string" or "copy" or "append" or "make"))
        {
            return;
        }

        var names = Enumerable.Range(0, assign).Where(i => line[i].IsIdentifier).Select(i => line[i].Text).ToList();
        var source = Enumerable.Range(assign + 1, line.Count - assign - 1).Select(i => line[i]).FirstOrDefault(t => t.IsIdentifier && derived.Contains(t.Text)).Text;
        if (source is null)
        {
            return;
        }

        foreach (var name in names.Where(n => n != "_"))
        {
            derived.Add(name);
        }

        // k := v[i:j]
        if (names.Count == 1 && line[assign + 1].Text == source && line.Matches(assign + 2, "[") && line.File.Closing(line.Start + assign + 2) == line.End - 1)
        {
            views[names[0]] = source;
            return;
        }

        // seq, key, err := parseKey(frame): the result at the position of a `return ..., frame[a:b], ...`.
        if (line[assign + 1].IsIdentifier && line.Matches(assign + 2, "("))
        {
            foreach (var (callee, _, _, _) in Callees(scope, line).Where(c => c.Function.MethodName == line[assign + 1].Text))
            {
                var parameters = callee.ParameterNames();
                var argument = Arguments(line, assign + 3).ToList().FindIndex(a => a.Count == 1 && a[0] == source);
                if (argument < 0 || argument >= parameters.Count)
                {
                    continue;
                }

                foreach (var ret in callee.Lines().Where(l => l.Matches(0, "return")))
                {
                    var results = Arguments(ret, 1).ToList();
                    for (var k = 0; k < results.Count && k < names.Count; k++)
                    {
                        if (results[k].Count > 2 && results[k][0] == parameters[argument] && results[k][1] == "[" && results[k].Contains(":") && names[k] != "_")
                        {
                            views[names[k]] = source;
                        }
                    }
                }
            }
        }
    }

    // The token texts of the comma-separated parts after `from` (a call's `(` + 1, or a return's values), up to the
    // bracket that closes around them.
    private static IEnumerable<List<string>> Arguments(GoLine line, int from) =>
        StatementRules.Arguments(line, from, line.Count).Select(a => Enumerable.Range(a.From, a.To - a.From).Select(i => line[i].Text).ToList());

    // `f.index.Add(key, seq)` where `key` is a view of the received buffer and Add stores its parameter in a field or a
    // package-level variable (`x.ring[x.next] = indexEntry{key: key}`): however few entries that container keeps, each
    // holds a small slice that pins the whole buffer.
    private CodeFinding? ViewStored(FunctionScope scope, GoLine line, Dictionary<string, string> views)
    {
        for (var i = 0; i + 1 < line.Count; i++)
        {
            if (!line[i].IsIdentifier || !line.Matches(i + 1, "("))
            {
                continue;
            }

            var arguments = Arguments(line, i + 2).ToList();
            var index = arguments.FindIndex(a => a.Count == 1 && views.ContainsKey(a[0]));
            if (index < 0)
            {
                continue;
            }

            var view = arguments[index][0];
            foreach (var (callee, _, _, _) in Callees(scope, line).Where(c => c.Function.MethodName == line[i].Text))
            {
                var parameters = callee.ParameterNames();
                if (index < parameters.Count && callee.Lines().FirstOrDefault(l => StoresLongLived(scope.Package, callee, l, parameters[index])) is { } store)
                {
                    return new CodeFinding(SuspectPattern.SubslicePinsBuffer, true, line.File.Path, line.Number, line.Code,
                        $"{Path.GetFileName(line.File.Path)}:{line.Number} `{line.Code}` hands `{view}`, a sub-slice of `{views[view]}`, to {callee.MethodName}, "
                        + $"which keeps it ({Path.GetFileName(store.File.Path)}:{store.Number} `{store.Code}`): each kept slice pins the whole backing array of `{views[view]}`");
                }
            }
        }

        return null;
    }

    // `x.ring[i] = entry{key: key}`, `x.items = append(x.items, key)`, `cache[k] = key`: an assignment (not a `:=`)
    // to the receiver's fields or a package-level variable whose right side names the parameter by itself.
    private static bool StoresLongLived(GoPackage package, GoFunction function, GoLine line, string parameter)
    {
        var eq = line.IndexOf("=");
        if (eq < 1 || line.IndexOf(":=") >= 0 || !line[0].IsIdentifier || (!line.Matches(1, ".") && package.Var(line[0].Text) is null))
        {
            return false;
        }

        var owner = line[0].Text;
        var ownerLongLived = package.Var(owner) is not null || (function.DeclaresParameter(owner) && !function.ParameterNames().Contains(owner));
        return ownerLongLived && Enumerable.Range(eq + 1, line.Count - eq - 1).Any(i => line[i].IsIdentifier && line[i].Text == parameter && !line.Matches(i - 1, "."));
    }
}
