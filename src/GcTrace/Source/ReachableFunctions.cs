// ReachableFunctions: which functions of a package can run, so a Stop, cancel, Close or delete that sits in code
// nothing calls does not clear a leak.
namespace GcTrace.Source;

/// <summary>
/// A function can run when a chain of references leads to it from an entry: `main` and `init`, functions named in
/// package-level initialisers (`var routes = map[string]http.HandlerFunc{"/": index}`), methods the standard library
/// calls through an interface (ServeHTTP, String, Error...), and, outside package main, the exported names its known
/// importers select (`idem.New`, `s.Remember`), or every exported name when no importer is known. A reference is the function's name anywhere in a reachable body (a call, `go f()`,
/// `defer s.Stop()`, a method value `time.AfterFunc(d, s.expire)`); for a method, `x.M` counts unless x's declaration
/// shows another type (a `*time.Ticker` field's `Stop` is not the package's `(*Probe).Stop`). A package main without
/// a `func main` (a fragment) has no known entry, so every function counts as reachable.
/// </summary>
internal sealed class ReachableFunctions
{
    /// <summary>Methods the standard library calls through its interfaces, never by name in the program.</summary>
    private static readonly HashSet<string> InterfaceMethods = new(StringComparer.Ordinal)
    {
        "ServeHTTP", "String", "Error", "Format", "GoString", "Len", "Less", "Swap", "Read", "Write", "WriteTo", "ReadFrom",
        "MarshalJSON", "UnmarshalJSON", "MarshalText", "UnmarshalText", "MarshalBinary", "UnmarshalBinary", "Unwrap", "Is", "As",
    };

    private readonly GoPackage package;
    private readonly HashSet<GoFunction> reachable = [];
    private readonly ILookup<string, GoFunction> byName;

    public ReachableFunctions(GoPackage package)
    {
        this.package = package;
        var functions = package.Files.SelectMany(f => f.Functions).ToList();
        byName = functions.ToLookup(f => f.MethodName, StringComparer.Ordinal);
        var isMain = package.Files.Any(f => f.Package == "main");
        // An exported function of an imported package is an entry where an importer names it (`store.Remember`) in code
        // that can run: `r.series.Remove(k)` in a Forget nothing calls removes nothing.
        var usedByImporters = package.Importers.SelectMany(SelectedWhereItRuns).ToHashSet(StringComparer.Ordinal);
        var entries = functions.Where(f => IsEntry(f, isMain, package.Importers.Count == 0 ? null : usedByImporters)).ToList();
        if (isMain && !functions.Any(f => f.Name == "main"))
        {
            entries = functions;
        }

        entries.AddRange(package.Files.SelectMany(TopLevelReferences));
        var work = new Stack<GoFunction>(entries);
        while (work.Count > 0)
        {
            var f = work.Pop();
            if (!reachable.Add(f))
            {
                continue;
            }

            foreach (var callee in References(f.File, f.BodyStart + 1, f.BodyEnd, f))
            {
                work.Push(callee);
            }
        }
    }

    public bool Contains(GoFunction function) => reachable.Contains(function);

    /// <summary>True when the line sits in a reachable function (or a package-level initialiser).</summary>
    public bool Contains(GoLine line) => line.File.FunctionAt(line.Number) is not { } f || reachable.Contains(f);

    /// <summary>The functions reachable from <paramref name="root"/> (itself included) that the entries do not reach:
    /// a function a profile shows running is reachable whatever the names say (a handler called through an interface).</summary>
    public IReadOnlySet<GoFunction> From(GoFunction root)
    {
        var extra = new HashSet<GoFunction>();
        var work = new Stack<GoFunction>([root]);
        while (work.Count > 0)
        {
            var f = work.Pop();
            if (reachable.Contains(f) || !extra.Add(f))
            {
                continue;
            }

            foreach (var callee in References(f.File, f.BodyStart + 1, f.BodyEnd, f))
            {
                work.Push(callee);
            }
        }

        return extra;
    }

    // "(*Probe).Stop" -> "Probe", "server.handle" -> "server", "main" -> null.
    private static string? ReceiverType(GoFunction f)
    {
        var dot = f.Name.LastIndexOf('.');
        return dot < 0 ? null : f.Name[..dot].Trim('(', ')', '*');
    }

    // usedByImporters: the names the known importers select (`idem.New`, `s.Remember`), or null when none is known.
    private static bool IsEntry(GoFunction f, bool isMain, HashSet<string>? usedByImporters)
    {
        var name = f.MethodName;
        return name is "main" or "init" || (ReceiverType(f) is not null && InterfaceMethods.Contains(name))
            || (!isMain && IsExported(f) && (usedByImporters is null || usedByImporters.Contains(name)));
    }

    // The names an importer selects (`x.Name`) in its reachable functions and package-level initialisers.
    private static IEnumerable<string> SelectedWhereItRuns(GoPackage importer)
    {
        foreach (var file in importer.Files)
        {
            var dead = new bool[file.Tokens.Count];
            foreach (var f in file.Functions.Where(f => !importer.Reachable.Contains(f)))
            {
                Array.Fill(dead, true, Math.Max(0, f.DeclStart), Math.Min(file.Tokens.Count, f.BodyEnd + 1) - Math.Max(0, f.DeclStart));
            }

            for (var i = 1; i < file.Tokens.Count; i++)
            {
                if (!dead[i] && file.Tokens[i].IsIdentifier && file.Tokens[i - 1].Text == ".")
                {
                    yield return file.Tokens[i].Text;
                }
            }
        }
    }

    private static bool IsExported(GoFunction f) => f.MethodName is { Length: > 0 } name && char.IsUpper(name[0]);

    // Functions named outside every function body: package-level var initialisers.
    private IEnumerable<GoFunction> TopLevelReferences(GoSourceFile file)
    {
        var from = 0;
        foreach (var f in file.Functions.OrderBy(f => f.DeclStart))
        {
            foreach (var r in References(file, from, Math.Max(from, f.DeclStart), null))
            {
                yield return r;
            }

            from = f.BodyEnd + 1;
        }

        foreach (var r in References(file, from, file.Tokens.Count, null))
        {
            yield return r;
        }
    }

    private IEnumerable<GoFunction> References(GoSourceFile file, int from, int to, GoFunction? within)
    {
        var tokens = file.Tokens;
        for (var i = from; i < to; i++)
        {
            if (!tokens[i].IsIdentifier)
            {
                continue;
            }

            var name = tokens[i].Text;
            var selected = i > 0 && tokens[i - 1].Text == ".";
            string? type = null;
            if (selected && within is not null)
            {
                type = ValueTypes.OfExpression(package, within, i - 2);
                if (type == ValueTypes.Foreign)
                {
                    continue;
                }

                // Through an interface, any type's method of that name may run.
                type = type is not null && package.NamedKind(type) == GoVarKind.Interface ? null : type;
            }

            foreach (var f in byName[name])
            {
                if (f == within)
                {
                    continue;
                }

                var receiver = ReceiverType(f);
                if (selected ? receiver is not null && (type is null || type == receiver) : receiver is null)
                {
                    yield return f;
                }
            }
        }
    }
}
