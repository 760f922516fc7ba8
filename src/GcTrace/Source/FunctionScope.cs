// FunctionScope: one function being read, with its package and the ranges (loops, `go` literals) rules ask about.
namespace GcTrace.Source;

/// <param name="Function">The profile's name for the frame, e.g. "main.spawnWaiter.func1".</param>
internal sealed class FunctionScope
{
    private readonly List<(int First, int Last)> loops = [];
    private readonly List<(int GoLine, int First, int Last)> goLiterals = [];
    private readonly List<(int First, int Last)> funcLiterals = [];
    private IReadOnlySet<GoFunction>? reachedFromHere;
    private bool everyFunctionRuns;

    /// <param name="startedBy">The `go` statement that starts this function as a goroutine (`go p.loop()`, found in
    /// the package), when the function is the entry of the stack being read; null otherwise.</param>
    public FunctionScope(GoPackage package, GoFunction body, string function, CodeFrame? startedBy = null)
    {
        Package = package;
        Body = body;
        Function = function;
        StartedBy = startedBy;
        Lines = body.Lines().ToList();
        var tokens = body.File.Tokens;
        for (var i = body.BodyStart + 1; i < body.BodyEnd; i++)
        {
            if (tokens[i].Kind == GoTokenKind.Keyword && tokens[i].Text == "for" && OpeningBrace(i) is { } open)
            {
                loops.Add((tokens[open].Line, tokens[body.File.Closing(open)].Line));
            }

            // A func literal opens its body on its own line (gofmt); a func type (`var h func(int)`) opens none there.
            if (tokens[i].Kind == GoTokenKind.Keyword && tokens[i].Text == "func" && OpeningBrace(i) is { } open2 && tokens[open2].Line == tokens[i].Line)
            {
                funcLiterals.Add((tokens[i].Line, tokens[body.File.Closing(open2)].Line));
            }

            if (tokens[i].Kind == GoTokenKind.Keyword && tokens[i].Text == "go" && i + 1 < body.BodyEnd && tokens[i + 1].Text == "func"
                && OpeningBrace(i + 1) is { } literal)
            {
                goLiterals.Add((tokens[i].Line, tokens[literal].Line, tokens[body.File.Closing(literal)].Line));
            }
        }
    }

    public GoPackage Package { get; }

    public GoFunction Body { get; }

    public string Function { get; }

    public IReadOnlyList<GoLine> Lines { get; }

    public string FileName => Path.GetFileName(Body.File.Path);

    public CodeFrame? StartedBy { get; }

    /// <summary>The package's types whose values the functions of the path being read construct (`&span{...}` in the
    /// suspect's function): each call makes a new one, so a container inside such a value lives as long as that one
    /// value, not as long as the program.</summary>
    public IReadOnlySet<string> PerCallTypes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>True when the line can run: its function is reachable from the package's entries or from this
    /// function (which a profile shows running). A Stop or delete in code nothing calls clears nothing.</summary>
    public bool IsLive(GoLine line) => line.File.FunctionAt(line.Number) is not { } function || IsLive(function);

    public bool IsLive(GoFunction function)
    {
        if (everyFunctionRuns || function == Body || Package.Reachable.Contains(function))
        {
            return true;
        }

        reachedFromHere ??= Package.Reachable.From(Body);
        return reachedFromHere.Contains(function);
    }

    /// <summary>The same scope with every function taken as able to run: a release found only through it sits in code
    /// nothing calls, which the evidence names (`evictOldest` deletes, but nothing calls it).</summary>
    public FunctionScope EveryFunctionRuns() => new(Package, Body, Function, StartedBy) { everyFunctionRuns = true, PerCallTypes = PerCallTypes };

    /// <summary>True when this scope takes every function as able to run (see <see cref="EveryFunctionRuns"/>).</summary>
    public bool TakesEveryFunctionAsRunning => everyFunctionRuns;

    /// <summary>Every function body line of the package that can run (see <see cref="IsLive(GoFunction)"/>).</summary>
    public IEnumerable<GoLine> LiveLines() => Package.Files.SelectMany(f => f.Functions).Where(IsLive).SelectMany(f => f.Lines());

    public bool InLoop(int line) => loops.Any(l => line >= l.First && line <= l.Last);

    /// <summary>True when a loop or func literal holds both lines: the line runs again each time <paramref name="call"/>
    /// does (in a function that runs once, such as main, that is what makes its values per call).</summary>
    public bool RunsWith(int line, int call) =>
        loops.Any(l => line >= l.First && line <= l.Last && call >= l.First && call <= l.Last)
        || funcLiterals.Any(f => line > f.First && line <= f.Last && call > f.First && call <= f.Last);

    /// <summary>True when <paramref name="release"/> is a `defer` in the same loop as <paramref name="made"/> (and the
    /// same func literal): it runs when the function returns, not at the end of the iteration, so every iteration's
    /// value stays until then.</summary>
    public bool DeferredInLoop(GoLine release, GoLine made)
    {
        // The loop must lie inside the func literal both run in (a literal called per iteration runs its defers each time).
        var literal = LiteralAround(made.Number);
        return release.Matches(0, "defer") && LiteralAround(release.Number) == literal
            && loops.Any(l => made.Number >= l.First && made.Number <= l.Last && release.Number >= l.First && release.Number <= l.Last
                && (literal is null || l.First >= literal));
    }

    /// <summary>The first line of the innermost func literal whose body holds <paramref name="line"/>, or null.</summary>
    public int? LiteralAround(int line) =>
        funcLiterals.Where(f => line > f.First && line <= f.Last).Select(f => (int?)f.First).LastOrDefault();

    /// <summary>The first and last line of the innermost func literal whose body holds <paramref name="line"/>, or null.</summary>
    public (int First, int Last)? LiteralRangeAround(int line) =>
        funcLiterals.Where(f => line > f.First && line <= f.Last).Select(f => ((int, int)?)f).LastOrDefault();

    /// <summary>The line of the `go func` whose literal holds <paramref name="line"/>, or null.</summary>
    public int? GoStatementAround(int line) =>
        goLiterals.Where(g => line > g.First && line <= g.Last).Select(g => (int?)g.GoLine).LastOrDefault();

    /// <summary>Where the goroutine running <paramref name="line"/> was started: the `go func` around it, or the
    /// `go name(...)` that starts the whole function; "file.go:12" and that line's code, or null.</summary>
    public (string Where, string Code)? GoroutineStart(int line)
    {
        if (GoStatementAround(line) is { } go)
        {
            return ($"{FileName}:{go}", Body.File.LineText(go));
        }

        if (StartedBy is not { } start)
        {
            return null;
        }

        // The profile records the build's path (gcfixtures/app/rpc.go), the package holds the file as found on disk
        // (/src/app/rpc.go): the directory and the name find it.
        var file = Package.Files.FirstOrDefault(f => f.Path == start.File || DirAndName(f.Path) == DirAndName(start.File));
        return ($"{Path.GetFileName(start.File)}:{start.Line}", file?.LineText((int)start.Line) ?? string.Empty);
    }

    private static string DirAndName(string path) =>
        Path.Combine(Path.GetFileName(Path.GetDirectoryName(path) ?? string.Empty), Path.GetFileName(path));

    /// <summary>Lines of the function that mention an identifier, as whole tokens.</summary>
    public IEnumerable<GoLine> Mentioning(string identifier) =>
        Lines.Where(l => Enumerable.Range(0, l.Count).Any(i => l[i].IsIdentifier && l[i].Text == identifier));

    // The `{` that opens the block of the statement at `at` (the first brace at bracket depth 0 after it).
    private int? OpeningBrace(int at)
    {
        var tokens = Body.File.Tokens;
        for (var i = at + 1; i < Body.BodyEnd; i++)
        {
            var t = tokens[i];
            if (t.Kind != GoTokenKind.Operator)
            {
                continue;
            }

            if (t.Text is "(" or "[")
            {
                i = Body.File.Closing(i);
            }
            else if (t.Text == "{")
            {
                // A composite literal in a for clause (`for _, x := range []int{1, 2} {`) is followed by more clause.
                var close = Body.File.Closing(i);
                if (close + 1 < Body.BodyEnd && tokens[close + 1].Text == "{")
                {
                    i = close;
                    continue;
                }

                return i;
            }
        }

        return null;
    }
}
