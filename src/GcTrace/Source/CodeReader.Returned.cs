// CodeReader (returned values): a value a function returns is kept by what its caller does with it next.
using GcTrace.Events;

namespace GcTrace.Source;

/// <summary>
/// `frame, err := readFrame(br)`: once readFrame has returned the buffer it made, nothing on its own stack keeps it;
/// what does is what the caller does with the value after that line. The local that receives the value is followed
/// through the caller's later lines (and the sub-slices, fields and split parts taken of it) into the calls it is
/// passed to, a few calls down (`r.observe(frame)` -> `header := frame[8:40]` -> `rt.header = header`): a view of it
/// stored in a long-lived place (the receiver's fields, a package variable, an entry of the receiver's container)
/// pins the whole buffer however few such views are kept; the whole value stored in a growing container is that
/// container's pattern. A copy (`string(b)`, `bytes.Clone(b)`, `append(dst, b...)`) and a value only measured
/// (`len(b)`) keep nothing of it.
/// </summary>
public sealed partial class CodeReader
{
    private static readonly string[] SplittingCalls = ["Fields", "FieldsFunc", "Split", "SplitN", "SplitAfter", "SplitAfterN"];

    // What a followed name holds: the returned value itself (or a value holding it), a sub-slice of it, or a slice of
    // sub-slices of it (`bytes.Fields(frame[:nl])`).
    private enum Held
    {
        Whole,
        View,
        Views,
    }

    // The frame's line receives what the frame below it returns (`frame, err := readFrame(br)`): the local is followed
    // through the frame's later lines; null when the line receives nothing or nothing keeps the value.
    private CodeFinding? Returned(FunctionScope scope, CodeFrame frame, CodeFrame below)
    {
        if (scope.Lines.FirstOrDefault(l => l.Number == frame.Line) is not { } line || Enclosing(below.Function) != below.Function
            || !HandsUp(below) || Assignment(line) is not { } assign)
        {
            return null;
        }

        var called = GoFunction.MethodNameOf(InPackageName(below.Function));
        var names = AssignedNames(line, assign.Start, assign.Op);
        var position = ReturnedPosition(below);
        if (!Enumerable.Range(assign.Op + 1, line.Count - assign.Op - 1).Any(i => line[i].Text == called && line.Matches(i + 1, "("))
            || position >= names.Count || names[position] is "_" or "")
        {
            return null;
        }

        var last = Enclosing(frame.Function) != frame.Function && scope.LiteralRangeAround((int)frame.Line) is { } r ? r.Last : scope.Body.LastLine;
        var value = names[position];
        var tracked = new Dictionary<string, Held>(StringComparer.Ordinal) { [value] = Held.Whole };
        return Follow(scope, line.Number, last, tracked, value, 1, [scope.Body]) is { } kept
            ? kept with { Evidence = $"{Where(line)} receives the value {called} returns; {kept.Evidence}" }
            : null;
    }

    // Which of its results the function below returns the value its frame line makes as: `return frame, nil` -> 0.
    private int ReturnedPosition(CodeFrame below)
    {
        if (Scope(below, null) is not { } scope || scope.Lines.FirstOrDefault(l => l.Number == below.Line) is not { } made
            || Assignment(made) is not { } assign)
        {
            return 0;
        }

        var locals = AssignedNames(made, assign.Start, assign.Op);
        foreach (var ret in scope.Lines.Where(l => l.Number > made.Number && l.Matches(0, "return")))
        {
            var results = StatementRules.Arguments(ret, 1, ret.Count).ToList();
            for (var k = 0; k < results.Count; k++)
            {
                if (Enumerable.Range(results[k].From, results[k].To - results[k].From).Any(i => ret[i].IsIdentifier && !ret.Matches(i - 1, ".") && locals.Contains(ret[i].Text)))
                {
                    return k;
                }
            }
        }

        return 0;
    }

    // Reads the lines of a function after `after` (up to `last`) that use a followed name: what they derive from it is
    // followed too, what they store of it in a long-lived place keeps it, and a call they pass it to is read the same
    // way in the callee, up to MaxCallDepth calls down.
    private CodeFinding? Follow(FunctionScope scope, int after, int last, Dictionary<string, Held> tracked, string root, int depth, HashSet<GoFunction> visited)
    {
        foreach (var line in scope.Lines.Where(l => l.Number > after && l.Number <= last).OrderBy(l => l.Number))
        {
            if (!Enumerable.Range(0, line.Count).Any(i => line[i].IsIdentifier && !line.Matches(i - 1, ".") && tracked.ContainsKey(line[i].Text)))
            {
                continue;
            }

            if (Stored(scope, line, tracked, root) is { } stored)
            {
                return stored;
            }

            if (PassedOn(scope, line, tracked, root, depth, visited) is { } passed)
            {
                return passed;
            }

            Track(line, tracked);
        }

        return null;
    }

    // `rt.header = header`, `w.ring[w.pos] = id`, `h.items = append(h.items, rec)`: an assignment to a long-lived owner
    // whose right side keeps a followed name itself (not a copy or a measure of it).
    private static CodeFinding? Stored(FunctionScope scope, GoLine line, Dictionary<string, Held> tracked, string root)
    {
        if (Assignment(line) is not { } assign || line[assign.Op].Text != "=" || assign.Start != 0 || !line[0].IsIdentifier
            || !line.Matches(1, ".") && !line.Matches(1, "[") || !LongLived(scope, line[0].Text))
        {
            return null;
        }

        foreach (var i in Enumerable.Range(assign.Op + 1, line.Count - assign.Op - 1))
        {
            if (!line[i].IsIdentifier || line.Matches(i - 1, ".") || !tracked.TryGetValue(line[i].Text, out var held) || !KeptAsIs(line, assign.Op + 1, i))
            {
                continue;
            }

            if (held != Held.Whole)
            {
                return new CodeFinding(SuspectPattern.SubslicePinsBuffer, true, line.File.Path, line.Number, line.Code,
                    $"{Where(line)} keeps `{line[i].Text}`, a sub-slice of `{root}`, in `{line[0].Text}`, which outlives the call: "
                    + $"however few such slices are kept, each pins the whole backing array of `{root}`");
            }

            if (StatementRules.Read(scope, line) is { Holds: true, Pattern: SuspectPattern.UnboundedMap or SuspectPattern.UnboundedSlice } container)
            {
                return container;
            }
        }

        return null;
    }

    // The name at `at` is kept by the right side starting at `from`: it stands by itself, in a composite literal or as
    // an element appended (`append(s, v)`), not as an argument of another call (`string(v)`, `len(v)`) nor spread into
    // a copy (`append(dst, v...)`), nor only indexed (`v[0]`).
    private static bool KeptAsIs(GoLine line, int from, int at)
    {
        if (line.Matches(at + 1, "[") || line.Matches(at + 1, "...") || line.Matches(at + 1, "."))
        {
            return false;
        }

        var depth = 0;
        for (var k = at - 1; k >= from; k--)
        {
            var t = line[k].Text;
            if (t is ")" or "]" or "}")
            {
                depth++;
            }
            else if (t is "(" or "[" or "{" && depth-- == 0)
            {
                if (t == "(" && !line.Matches(k - 1, "append"))
                {
                    return false;
                }

                if (t == "[")
                {
                    return false;
                }
            }
        }

        return true;
    }

    // An owner that outlives the call: the function's receiver, a package-level variable, or a local that is an entry
    // of one of the receiver's containers (`rt, ok := r.routes[id]`, or `r.routes[id] = rt`).
    private static bool LongLived(FunctionScope scope, string owner)
    {
        var function = scope.Body;
        if (scope.Package.Var(owner) is not null || (function.DeclaresParameter(owner) && !function.ParameterNames().Contains(owner)))
        {
            return true;
        }

        // `rt, ok := r.routes[id]` or `r.routes[id] = rt`: the container is a field of the receiver or a package variable.
        var receiver = function.ReceiverName();
        bool Container(GoLine l, int at) =>
            (receiver is not null && l.Matches(at, receiver, ".") && l[at + 2].IsIdentifier && l.Matches(at + 3, "["))
            || (l[at].IsIdentifier && !l.Matches(at - 1, ".") && scope.Package.Var(l[at].Text) is not null && l.Matches(at + 1, "["));
        return scope.Lines.Any(l => Assignment(l) is { } a && a.Start == 0
            && ((AssignedNames(l, 0, a.Op).FirstOrDefault() == owner && Container(l, a.Op + 1))
                || (l[a.Op].Text == "=" && Container(l, 0) && l.Matches(a.Op + 1, owner) && a.Op + 2 == l.Count)));
    }

    // A call on the line with a followed name (or a slice of one) as an argument, to a function of the program: read
    // in the callee with the parameter standing for it.
    private CodeFinding? PassedOn(FunctionScope scope, GoLine line, Dictionary<string, Held> tracked, string root, int depth, HashSet<GoFunction> visited)
    {
        if (depth > MaxCallDepth)
        {
            return null;
        }

        foreach (var i in CallSites(line))
        {
            var arguments = StatementRules.Arguments(line, i + 2, line.Count).ToList();
            for (var a = 0; a < arguments.Count; a++)
            {
                if (Classify(line, arguments[a].From, arguments[a].To, tracked) is not { } held)
                {
                    continue;
                }

                foreach (var (callee, package, prefix, _) in Callees(scope, line).Where(c => c.Function.MethodName == line[i].Text))
                {
                    var parameters = callee.ParameterNames();
                    if (a >= parameters.Count || parameters[a] == "_" || !visited.Add(callee))
                    {
                        continue;
                    }

                    var calleeScope = new FunctionScope(package, callee, prefix + callee.Name) { PerCallTypes = perCallTypes };
                    var inner = new Dictionary<string, Held>(StringComparer.Ordinal) { [parameters[a]] = held };
                    if (Follow(calleeScope, 0, callee.LastLine, inner, root, depth + 1, visited) is { } kept)
                    {
                        return kept with { Evidence = $"{Where(line)} hands it to {callee.MethodName} as `{parameters[a]}`; {kept.Evidence}" };
                    }
                }
            }
        }

        return null;
    }

    // `header := frame[8:40]`, `fields := bytes.Fields(frame[:nl])`, `topic, id := string(f[1]), f[2]`: the names a line
    // assigns from followed ones are followed as what they hold; a name assigned anything else is no longer followed.
    private static void Track(GoLine line, Dictionary<string, Held> tracked)
    {
        if (Assignment(line) is not { } assign)
        {
            return;
        }

        var names = AssignedNames(line, assign.Start, assign.Op);
        var end = line.IndexOf(";", assign.Op) is var semi and > 0 ? semi : line.Count;
        var parts = StatementRules.Arguments(line, assign.Op + 1, end).ToList();
        for (var k = 0; k < names.Count; k++)
        {
            Held? held = parts.Count == names.Count ? Classify(line, parts[k].From, parts[k].To, tracked)
                : parts.Count == 1 && k < 2 && IsCut(line, parts[0].From) ? Classify(line, parts[0].From + 4, parts[0].To - 1, tracked) is null ? null : Held.View
                : null;
            if (names[k] is "_" or "")
            {
                continue;
            }

            if (held is { } h)
            {
                tracked[names[k]] = h;
            }
            else
            {
                tracked.Remove(names[k]);
            }
        }
    }

    // `bytes.Cut(`, `strings.Cut(`: the before and after parts are views of the argument.
    private static bool IsCut(GoLine line, int at) =>
        line[at].Text is "bytes" or "strings" && line.Matches(at + 1, ".", "Cut", "(");

    // What an expression holds of the followed names: `v` itself, `v[i:j]` (a view), `v[i]` of a split (a view),
    // `v.Field` of a whole value (still it), `bytes.Fields(v)` (views), `bytes.TrimSpace(v)` (a view); null otherwise.
    private static Held? Classify(GoLine line, int from, int to, Dictionary<string, Held> tracked)
    {
        if (to <= from || !line[from].IsIdentifier)
        {
            return null;
        }

        if ((line[from].Text is "bytes" or "strings") && line.Matches(from + 1, ".") && line.Matches(from + 3, "(") && line.File.Closing(line.Start + from + 3) == line.Start + to - 1)
        {
            var call = line[from + 2].Text;
            var first = StatementRules.Arguments(line, from + 4, to - 1).FirstOrDefault();
            var inner = Classify(line, first.From, first.To, tracked);
            return inner is null ? null
                : SplittingCalls.Contains(call) ? Held.Views
                : call.StartsWith("Trim", StringComparison.Ordinal) ? Held.View
                : null;
        }

        if (!tracked.TryGetValue(line[from].Text, out var held) || line.Matches(from - 1, "."))
        {
            return null;
        }

        var at = from + 1;
        if (held == Held.Whole)
        {
            // rec.Raw, rec.Raw[i:j]: a field of the followed value holds what it holds.
            while (line.Matches(at, ".") && line[at + 1].IsIdentifier && !line.Matches(at + 2, "("))
            {
                at += 2;
            }
        }

        if (at == to)
        {
            return held;
        }

        if (!line.Matches(at, "[") || line.File.Closing(line.Start + at) != line.Start + to - 1)
        {
            return null;
        }

        var sliced = Enumerable.Range(at + 1, to - at - 2).Any(k => line[k].Text == ":" && Depth(line, at + 1, k) == 0);
        return sliced ? (held == Held.Views ? Held.Views : Held.View) : held == Held.Views ? Held.View : null;
    }

    private static int Depth(GoLine line, int from, int at) =>
        Enumerable.Range(from, at - from).Sum(k => line[k].Text is "(" or "[" or "{" ? 1 : line[k].Text is ")" or "]" or "}" ? -1 : 0);

    // The top-level `:=` or `=` of a simple assignment, with where its names start (after `if`): `frame, err := f()`,
    // `if f := g(x); ok`, `rt.header = header`; null for other lines.
    private static (int Start, int Op)? Assignment(GoLine line)
    {
        var start = line.Matches(0, "if") ? 1 : 0;
        var depth = 0;
        for (var i = start; i < line.Count; i++)
        {
            var t = line[i].Kind == GoTokenKind.String ? string.Empty : line[i].Text;
            depth += t is "(" or "[" or "{" ? 1 : t is ")" or "]" or "}" ? -1 : 0;
            if (depth == 0 && t is ":=" or "=")
            {
                return i > start ? (start, i) : null;
            }

            if (depth == 0 && t is ";" or "range")
            {
                return null;
            }
        }

        return null;
    }

    // The plain names left of an assignment (`frame, err`), "" for a part that is not one name (`rt.header`).
    private static List<string> AssignedNames(GoLine line, int start, int op)
    {
        var names = new List<string>();
        foreach (var (from, to) in StatementRules.Arguments(line, start, op))
        {
            names.Add(to == from + 1 && line[from].IsIdentifier ? line[from].Text : string.Empty);
        }

        return names;
    }

    private static string Where(GoLine line) => $"{Path.GetFileName(line.File.Path)}:{line.Number} `{line.Code}`";
}
