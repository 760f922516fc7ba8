// StatementRules.Callbacks: a container of handler structs (a struct made of func fields) grows by the closures in them.
namespace GcTrace.Source;

internal static partial class StatementRules
{
    // Field types that hold no memory of their own worth naming: a handler struct may carry its name or an id beside
    // its funcs and still be a bundle of callbacks.
    private static readonly HashSet<string> PlainFieldTypes =
    [
        "string", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
        "uintptr", "float32", "float64", "byte", "rune",
    ];

    // `handlers []EventHandler` with `type EventHandler struct { OnAdd func(*Object); OnUpdate func(old, new *Object) }`:
    // when the container's element is a struct of the package made of func fields (besides names and numbers), and the
    // package fills one with a func literal or a method value (`EventHandler{OnUpdate: func(...) { ... }}`), each entry
    // is a set of closures, and what grows with the container is what they capture. The struct's name and the line of
    // such a literal, or null: for a struct that carries data (a slice, a pointer) the data is what grows, and one filled
    // only with package funcs captures nothing per entry.
    private static (string Type, GoLine Filled)? HoldsCallbackStructs(FunctionScope scope, Target target)
    {
        if (target.Local || target.Kind is not (GoVarKind.Map or GoVarKind.Slice))
        {
            return null;
        }

        foreach (var declared in scope.Package.DeclaredTypes(target.Name, field: target.Owner is not null))
        {
            var t = declared.File.Tokens;
            var at = declared.Element;
            if (!declared.IsContainer || at >= t.Count || !t[at].IsIdentifier || (at + 1 < t.Count && t[at + 1].Text == ".")
                || !IsCallbackStruct(scope.Package, t[at].Text))
            {
                continue;
            }

            if (FilledWithClosure(scope, t[at].Text) is { } filled)
            {
                return (t[at].Text, filled);
            }
        }

        return null;
    }

    // A struct of the package whose fields are funcs (one at least) and otherwise strings, numbers and bools.
    private static bool IsCallbackStruct(GoPackage package, string type)
    {
        var funcs = 0;
        var fields = 0;
        foreach (var file in package.Files)
        {
            foreach (var (_, at, owner) in file.Fields)
            {
                if (owner != type)
                {
                    continue;
                }

                fields++;
                var t = file.Tokens;
                if (at < t.Count && ((t[at].Text == "func" && t[at].Kind == GoTokenKind.Keyword)
                    || (t[at].IsIdentifier && !(at + 1 < t.Count && t[at + 1].Text == ".") && FuncTypes(package).Contains(t[at].Text))))
                {
                    funcs++;
                }
                else if (at >= t.Count || !PlainFieldTypes.Contains(t[at].Text) || (at + 1 < t.Count && t[at + 1].Text == "."))
                {
                    return false;
                }
            }
        }

        return funcs > 0 && fields > 0;
    }

    // The first line of a function that can run where a composite literal of `type` (`T{`, `&T{`) gives a field a func
    // literal or a method value (`OnUpdate: func(`, `Run: w.flush`), or null.
    private static GoLine? FilledWithClosure(FunctionScope scope, string type)
    {
        foreach (var function in scope.Package.Files.SelectMany(f => f.Functions).Where(scope.IsLive))
        {
            var t = function.File.Tokens;
            for (var i = function.BodyStart + 1; i + 1 < function.BodyEnd; i++)
            {
                if (!t[i].IsIdentifier || t[i].Text != type || t[i + 1].Text != "{" || t[i - 1].Text == ".")
                {
                    continue;
                }

                var close = function.File.Closing(i + 1);
                for (var k = i + 2; k < close; k++)
                {
                    var isLiteral = t[k].Text == "func" && t[k].Kind == GoTokenKind.Keyword && t[k - 1].Text is ":" or "{" or ",";
                    var isMethodValue = t[k - 1].Text == ":" && t[k].IsIdentifier && k + 2 < close && t[k + 1].Text == "." && t[k + 2].IsIdentifier
                        && t[k + 3].Text != "(" && IsMethodName(scope.Package, t[k + 2].Text);
                    if (isLiteral || isMethodValue)
                    {
                        return function.Lines().FirstOrDefault(l => l.Number == t[i].Line);
                    }
                }
            }
        }

        return null;
    }
}
