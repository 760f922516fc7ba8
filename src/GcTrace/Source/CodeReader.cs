// CodeReader: decides a suspect's leak pattern from the code at its site and around it, as an expert reads it.
using GcTrace.Events;

namespace GcTrace.Source;

/// <summary>
/// At Go's default heap sampling the stacks say where memory grows, rarely why;
/// the code says why. For each user frame of the path, leaf first, the lines of the enclosing function are read
/// from the frame's own line outwards (its line first, then the nearest lines): the first statement that shows a
/// pattern decides. A statement that only looks like one (a map with a delete, a stopped ticker) is remembered and
/// reported when nothing shows a pattern, so the report can say why the code is not a leak. The allocation is
/// often a few lines above the statement that keeps it (`v := make(...)` then `cache[k] = v`), hence the whole
/// function; a callee that allocates for its caller is covered by reading the caller's frame next. The other way
/// round, a frame whose own statements show nothing may hand its value to a function of the package that keeps it
/// (`store.Put(token, sess)`), so the calls on its lines are read one level down. A goroutine's entry function started
/// by `go name(...)` elsewhere is read as a goroutine body, like a `go func` literal.
/// </summary>
public sealed partial class CodeReader(SourceLocator locator)
{
    /// <summary>Frames of the path read, leaf first: beyond a few, the code is the program's plumbing (main's loop,
    /// a server's dispatch), whose own tickers and contexts are not what the suspect retains.</summary>
    public const int MaxFramesRead = 3;

    private readonly HashSet<GoPackage> linked = [];

    // The types the path being read constructs per call (see FunctionScope.PerCallTypes), set by Read.
    private IReadOnlySet<string> perCallTypes = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The decision for a call path (user frames, leaf first), or null when no file is found or no
    /// statement has a pattern's shape.</summary>
    /// <param name="parks">The goroutine groups the profiles saw grow; null when no goroutine profiles were recorded.</param>
    public CodeFinding? Read(IReadOnlyList<CodeFrame> path, GoroutineParks? parks = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        LinkImports(path);
        var growingParks = parks is null ? null : GrowingParks(parks);
        perCallTypes = PerCallTypes(path);
        CodeFinding? lookAlike = null;
        var startedBy = path.Count > 0 && Enclosing(path[^1].Function) == path[^1].Function ? GoStatement(path) : null;
        var frames = FramesToRead(path);
        for (var index = 0; index < frames.Count; index++)
        {
            var frame = frames[index];
            if (Scope(frame, ReferenceEquals(frame, path[^1]) ? startedBy : null) is not { } scope)
            {
                continue;
            }

            // The frame's own statements first; only when none shows a pattern, the calls that may keep its value. A func
            // literal's frame is its literal: its lines (statements, then calls) before the rest of the function around it.
            var nearestFirst = scope.Lines.OrderBy(l => Math.Abs(l.Number - frame.Line)).ThenBy(l => l.Number).ToList();
            var literal = Enclosing(frame.Function) != frame.Function ? scope.LiteralRangeAround((int)frame.Line) : null;
            var own = nearestFirst.Where(l => literal is not { } r || (l.Number > r.First && l.Number <= r.Last)).ToList();
            // A sync.Pool's New runs from Get, not from the function that declares it: the rest of that function ran
            // once and says nothing about why New keeps allocating; the Get's frame, read next, does.
            var around = literal is { } l && IsPoolNew(scope, l.First) ? [] : nearestFirst.Except(own).ToList();
            var readings = own.Select(l => StatementRules.Read(scope, l)).Concat(own.Select(l => Callee(scope, l)))
                .Concat(around.Select(l => StatementRules.Read(scope, l))).Concat(around.Select(l => Callee(scope, l)));
            foreach (var reading in readings)
            {
                if (reading is { } finding)
                {
                    if (growingParks is not null && finding.Pattern == SuspectPattern.GoroutineLeak && !growingParks.Contains((Path.GetFullPath(finding.File), finding.Line)))
                    {
                        // The profiles saw no growing group of goroutines parked here: they complete, so this line does not
                        // leak them; a send still hands its value on, and the receiver may keep it.
                        if (Received(scope, frame, finding) is { Holds: true } kept)
                        {
                            return kept;
                        }

                        continue;
                    }

                    if (finding.Holds)
                    {
                        return finding;
                    }

                    if (lookAlike is null && (Enclosing(frame.Function) == Enclosing(path[0].Function) || ReleaseConcernsFrame(scope, frame, finding)))
                    {
                        lookAlike = finding;
                    }
                }
            }

            // Nothing on this frame's lines keeps the value the frame below returned to it: what it does with that
            // value after the call may (see CodeReader.Returned).
            if (index > 0 && Returned(scope, frame, frames[index - 1]) is { Holds: true } returned)
            {
                return returned;
            }
        }

        return lookAlike;
    }

    // Read in a caller of the site's function, a stopped ticker, a cancelled context or a closed file says why the
    // value it passes on is not leaked only when that value is the released object, is built from it (`w :=
    // bufio.NewWriter(f)` over the closed `f`) or rides it (`time.AfterFunc(d, func() { use(v) })`): a driver loop's
    // own ticker, stopped by its defer, is a different object, and its release says nothing about the growth. (In the
    // site's function itself a look-alike stays as read.)
    private static bool ReleaseConcernsFrame(FunctionScope scope, CodeFrame frame, CodeFinding finding)
    {
        if (finding.Pattern is not (SuspectPattern.TickerNotStopped or SuspectPattern.TimerNotStopped or SuspectPattern.ContextNotCancelled
            or SuspectPattern.UnclosedResource) || finding.Line == frame.Line)
        {
            return true;
        }

        var made = scope.Lines.FirstOrDefault(l => l.Number == finding.Line && Path.GetFullPath(l.File.Path) == Path.GetFullPath(finding.File));
        var at = scope.Lines.FirstOrDefault(l => l.Number == frame.Line);
        if (made is null || at is null)
        {
            // A callee's statement (read one call down, with the value passed to it), or a line not found: kept as read.
            return true;
        }

        var released = NamesGivenValues(made);
        var value = NamesGivenValues(at);
        return released.Count == 0 || released.Any(at.Has) || value.Any(made.Has);
    }

    // The names left of a line's `:=` or `=` that receive a value (`f, err := os.Open(p)` -> f; `p.t = ...` -> t), without
    // `_` and `err`; unlike AssignedNames (CodeReader.Returned), not by result position.
    private static List<string> NamesGivenValues(GoLine line)
    {
        var assign = line.IndexOf(":=") is var d and > 0 ? d : line.IndexOf("=");
        return assign < 1 ? [] : Enumerable.Range(0, assign).Where(i => line[i].IsIdentifier && line[i].Text is not ("_" or "err") && line[i].Kind != GoTokenKind.Keyword
            && !line.Matches(i + 1, ".")).Select(i => line[i].Text).ToList();
    }

    // The found file and line of every user frame of the goroutine groups that grew.
    private HashSet<(string File, int Line)> GrowingParks(GoroutineParks parks) =>
        parks.GrowingFrames.Select(f => (File: locator.Locate(f.File), f.Line)).Where(f => f.File is not null)
            .Select(f => (Path.GetFullPath(f.File!), (int)f.Line)).ToHashSet();

    // `p.pool.New = func() any {` or `New: func() any {`: the literal starting on the line is a pool's New.
    private static bool IsPoolNew(FunctionScope scope, int literalLine) =>
        scope.Lines.FirstOrDefault(l => l.Number == literalLine) is { } head && (head.Find("New", "=", "func") >= 0 || head.Find("New", ":", "func") >= 0);

    // The first MaxFramesRead frames, then each further caller (up to MaxCallDepth more) while every frame below it
    // hands its value up: `return make(...)`, or `b := newBuf()` ... `return b`. A helper chain that builds the value
    // is read up to the function that keeps it; a caller that only calls (main's loop) is not read.
    private List<CodeFrame> FramesToRead(IReadOnlyList<CodeFrame> path)
    {
        var frames = path.Take(MaxFramesRead).ToList();
        for (var i = MaxFramesRead; i < path.Count && i < MaxFramesRead + MaxCallDepth; i++)
        {
            if (!path.Take(i).All(HandsUp))
            {
                break;
            }

            frames.Add(path[i]);
        }

        return frames;
    }

    // The frame's line returns what it computes, directly or through the local it assigns.
    private bool HandsUp(CodeFrame frame)
    {
        if (Scope(frame, null) is not { } scope || scope.Lines.FirstOrDefault(l => l.Number == frame.Line) is not { } line)
        {
            return false;
        }

        if (line.Matches(0, "return"))
        {
            return true;
        }

        var assign = line.IndexOf(":=") is var d and > 0 ? d : line.IndexOf("=");
        if (assign < 1 || !line[0].IsIdentifier)
        {
            return false;
        }

        var local = line[0].Text;
        return scope.Lines.Any(l => l.Number > line.Number && l.Matches(0, "return")
            && Enumerable.Range(1, l.Count - 1).Any(i => l[i].IsIdentifier && l[i].Text == local && !l.Matches(i - 1, ".")));
    }

    // Resolves the imports of every package on the path, so that an imported package of the program knows who imports
    // it (main, on every path) and counts its exported functions as reachable only where they are used.
    private void LinkImports(IReadOnlyList<CodeFrame> path)
    {
        foreach (var frame in path)
        {
            if (locator.Package(frame.File) is not { } package || !linked.Add(package))
            {
                continue;
            }

            foreach (var file in package.Files)
            {
                foreach (var name in file.ImportPaths.Keys)
                {
                    locator.Imported(file, name);
                }
            }
        }
    }

    /// <summary>The `go` statement that started a goroutine whose stack is <paramref name="path"/> (user frames, leaf
    /// first, so the last is the goroutine's entry): for a func literal, the `go func` around its line in the declaring
    /// function; for a named function, the first `go name(` in its package. Null when the source is not found.</summary>
    public CodeFrame? GoStatement(IReadOnlyList<CodeFrame> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Count == 0 || Scope(path[^1], null) is not { } scope)
        {
            return null;
        }

        var entry = path[^1];
        var prefix = PackagePrefix(entry.Function);
        if (Enclosing(entry.Function) != entry.Function)
        {
            return scope.GoStatementAround((int)entry.Line) is { } line
                ? new CodeFrame(prefix + scope.Body.Name, AsRecorded(entry.File, scope.Body.File.Path), line)
                : null;
        }

        var name = GoFunction.MethodNameOf(InPackageName(entry.Function));
        foreach (var function in scope.Package.Files.SelectMany(f => f.Functions))
        {
            foreach (var line in function.Lines())
            {
                var go = line.IndexOf("go");
                if (go >= 0 && line[go].Kind == GoTokenKind.Keyword && line.IndexOf(name, go) is var at and > 0 && line.Matches(at + 1, "(")
                    && (at == go + 1 || line[at - 1].Text == "."))
                {
                    return new CodeFrame(prefix + function.Name, AsRecorded(entry.File, function.File.Path), line.Number);
                }
            }
        }

        return StartedThroughHelper(scope.Package, name, prefix, entry.File);
    }

    // A function handed as a value (`h.spawn(c.writePump)`, `run(worker)`) to a helper of the package that starts its
    // func parameter (`func (h *Hub) spawn(run func()) { go run() }`) runs as a goroutine started at the helper's `go`
    // statement, which is what the profiles would name as its creator.
    private static CodeFrame? StartedThroughHelper(GoPackage package, string name, string prefix, string recordedFile)
    {
        var functions = package.Files.SelectMany(f => f.Functions).ToList();
        foreach (var function in functions)
        {
            foreach (var line in function.Lines())
            {
                for (var at = 0; at < line.Count; at++)
                {
                    var asValue = line[at].IsIdentifier && line[at].Text == name && !line.Matches(at + 1, "(");
                    if (asValue && HelperCalledAround(line, at) is { } helper
                        && functions.FirstOrDefault(f => f.MethodName == helper) is { } callee && GoOnParameter(callee) is { } go)
                    {
                        return new CodeFrame(prefix + callee.Name, AsRecorded(recordedFile, callee.File.Path), go);
                    }
                }
            }
        }

        return null;
    }

    // The name of the call whose parentheses hold the token at `at` on the line: `h.spawn(c.writePump)` -> "spawn".
    private static string? HelperCalledAround(GoLine line, int at)
    {
        var depth = 0;
        for (var i = at - 1; i > 0; i--)
        {
            if (line[i].Text == ")")
            {
                depth++;
            }
            else if (line[i].Text == "(" && depth-- == 0)
            {
                return line[i - 1].IsIdentifier ? line[i - 1].Text : null;
            }
        }

        return null;
    }

    // The line of `go p(` where p is one of the function's parameters, or null.
    private static int? GoOnParameter(GoFunction function) =>
        function.Lines().FirstOrDefault(l => l.IndexOf("go") is var go and >= 0 && l[go].Kind == GoTokenKind.Keyword && l[go + 1].IsIdentifier
            && l.Matches(go + 2, "(") && function.DeclaresParameter(l[go + 1].Text))?.Number;

    /// <summary>True when the body of the function <paramref name="frame"/> runs in calls <paramref name="function"/>
    /// (a profile's function name; matched by its name in the package, `h.spawn(` or `spawn(`): goroutines a helper
    /// starts are started on behalf of the functions that call it.</summary>
    public bool Calls(CodeFrame frame, string function)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(function);
        if (Function(frame) is not { } body)
        {
            return false;
        }

        var name = GoFunction.MethodNameOf(InPackageName(function));
        return body.Lines().Any(l => CallSites(l).Any(i => l[i].Text == name));
    }

    // The positions of the called names on a line: an identifier followed by `(` (`h.spawn(`, `spawn(`), not a
    // declaration's name after `func`.
    private static IEnumerable<int> CallSites(GoLine line) =>
        Enumerable.Range(0, Math.Max(0, line.Count - 1)).Where(i => line[i].IsIdentifier && line.Matches(i + 1, "(") && !line.Matches(i - 1, "func"));

    // A file found on disk, named the way the profile names its package's files: a Go package is one directory, so the
    // `go` statement's file sits beside the recorded file of the goroutine's entry frame.
    private static string AsRecorded(string recordedSibling, string found) =>
        recordedSibling[..(recordedSibling.LastIndexOf('/') + 1)] + Path.GetFileName(found);

    /// <summary>Statements of the program's packages (those of <paramref name="programFrames"/>, frames the profiles
    /// recorded) that get an HTTP response and never close its body, in functions that can run, each with the function
    /// as the profiles name it and its file as recorded. Such a leak shows in the profiles only inside net/http's
    /// transport goroutines, which no frame of the program allocates in.</summary>
    public IReadOnlyList<(CodeFrame At, CodeFinding Finding)> UnclosedResponses(IEnumerable<CodeFrame> programFrames)
    {
        ArgumentNullException.ThrowIfNull(programFrames);
        var found = new List<(CodeFrame, CodeFinding)>();
        var seen = new HashSet<GoPackage>();
        foreach (var frame in programFrames)
        {
            if (locator.Package(frame.File) is not { } package || !seen.Add(package))
            {
                continue;
            }

            var prefix = PackagePrefix(frame.Function);
            foreach (var function in package.Files.SelectMany(f => f.Functions))
            {
                var scope = new FunctionScope(package, function, prefix + function.Name, null);
                if (!scope.IsLive(function))
                {
                    continue;
                }

                foreach (var line in function.Lines())
                {
                    if (StatementRules.UnclosedResponse(scope, line) is { Holds: true } finding)
                    {
                        found.Add((new CodeFrame(prefix + function.Name, AsRecorded(frame.File, function.File.Path), line.Number), finding));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The source line of a frame, trimmed, or null when its file is not found.</summary>
    public string? Code(string recordedPath, long line) =>
        locator.File(recordedPath) is { } file && line >= 1 && line <= file.LineCount ? file.LineText((int)line) : null;

    /// <summary>The function a frame runs in, for listings: its file and its first and last line.</summary>
    public GoFunction? Function(CodeFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return locator.File(frame.File)?.FindFunction(InPackageName(Enclosing(frame.Function)), (int)frame.Line);
    }

    /// <summary>What a function's name has before its in-package name ("main." for "main.(*Hub).Stream"): prefixed to
    /// another function of the same package, it names that one as the profiles would.</summary>
    public static string PackagePrefix(string function) => function[..(function.Length - InPackageName(function).Length)];

    /// <summary>"gcfixtures/internal/harness.(*Options).sampler.func4" -> "(*Options).sampler.func4";
    /// "main.(*Cache[...]).Put" -> "(*Cache).Put".</summary>
    public static string InPackageName(string function)
    {
        ArgumentNullException.ThrowIfNull(function);
        // Type arguments (`Cache[gcfixtures/app.Key,go.shape.int_0]`) may hold slashes and dots of their own.
        function = GoSourceFile.StripTypeArguments(function);
        var slash = function.LastIndexOf('/');
        var dot = function.IndexOf('.', slash + 1);
        return dot < 0 ? function : function[(dot + 1)..];
    }

    /// <summary>"main.spawnWaiter.func1.2" -> "main.spawnWaiter": a func literal belongs to its declaring function.</summary>
    public static string Enclosing(string function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var name = function;
        while (true)
        {
            var dot = name.LastIndexOf('.');
            if (dot < 0)
            {
                return name;
            }

            var tail = name[(dot + 1)..];
            var isLiteral = tail.Length > 0 && (tail.All(char.IsDigit) || (tail.StartsWith("func", StringComparison.Ordinal) && tail[4..].All(char.IsDigit) && tail.Length > 4));
            if (!isLiteral)
            {
                return name;
            }

            name = name[..dot];
        }
    }

    private FunctionScope? Scope(CodeFrame frame, CodeFrame? startedBy)
    {
        if (locator.Package(frame.File) is not { } package || Function(frame) is not { } body)
        {
            return null;
        }

        return new FunctionScope(package, body, frame.Function, startedBy) { PerCallTypes = perCallTypes };
    }

    // The package types whose values a function of the path constructs (`&T{`, `T{`, `new(T)`): the profiles see that
    // function run again and again, so each run makes a new value. main runs once: only what it constructs inside the
    // loop or func literal that runs the path's call counts; a setup loop before the work (`for _, s := range syms {
    // books[s] = &Book{...} }`) builds a fixed set of long-lived values once.
    private HashSet<string> PerCallTypes(IReadOnlyList<CodeFrame> path)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var frame in path)
        {
            if (Scope(frame, null) is not { } scope)
            {
                continue;
            }

            var once = scope.Body.Name is "main" or "init";
            foreach (var line in scope.Lines.Where(l => !once || scope.RunsWith(l.Number, (int)frame.Line)))
            {
                for (var i = 0; i + 1 < line.Count; i++)
                {
                    var constructed = line[i].IsIdentifier && scope.Package.TypeNames.Contains(line[i].Text) && !line.Matches(i - 1, ".")
                        && (line.Matches(i + 1, "{") || (line.Matches(i - 2, "new", "(") && line.Matches(i + 1, ")")));
                    if (constructed)
                    {
                        types.Add(line[i].Text);
                    }
                }
            }
        }

        return types;
    }

    /// <summary>Calls followed down from a frame's line: `s.remember(v)` -> `s.index.add(v)` -> `ix.items[k] = v`; deeper
    /// than a few, the value has usually been copied or summarised, and the search grows with every level.</summary>
    public const int MaxCallDepth = 3;

    // A call on the line to a function of the package that keeps one of its parameters (`store.Put(token, sess)`
    // with `s.sessions[token] = sess` in Put): the value a frame allocates is often kept one or more calls further
    // down, where no profile frame points. A callee's lines that hand one of its parameters to another call are
    // followed the same way, up to MaxCallDepth calls down, into other packages of the program too (`idem.Store.Remember`
    // in internal/idem) when their source is found. A holding finding wins over a look-alike.
    // What the frame passes is judged too: a sub-slice or substring handed to the callee that keeps it pins its buffer
    // (`name := text[:i]`, `index.Put(id, name)`, `x.byID[id] = name` in Put).
    private CodeFinding? Callee(FunctionScope scope, GoLine line)
    {
        var kept = Callee(scope, line, 1, [scope.Body]);
        if (kept is not { Holds: true } && StatementRules.ValueContextPassed(scope, line) is { } carried
            && ChildOfPassedContext(scope, line, carried.Made) is { } child)
        {
            return child;
        }

        if (kept is not { Holds: true } && line.IndexOf("(") is > 0 and var call && StatementRules.SubSliceIn(scope, line, call + 1, line.Count) is { } viewed
            && KeptInRing(scope, line, call) is { } ring)
        {
            // A fixed-size ring bounds how many views it keeps, not what each one pins.
            return new CodeFinding(SuspectPattern.SubslicePinsBuffer, true, line.File.Path, line.Number, line.Code,
                $"{Path.GetFileName(line.File.Path)}:{line.Number} `{line.Code}` hands on a sub-slice of `{viewed}` (or a value holding one), and "
                + $"{Path.GetFileName(ring.File.Path)}:{ring.Number} `{ring.Code}` keeps it in the fixed-size array `{StatementRules.ArrayElementWrite(scope, ring) ?? "ring"}`: "
                + $"the ring holds a bounded number of them, but each kept slice pins the whole backing array of `{viewed}`");
        }

        if (kept is not { Pattern: SuspectPattern.UnboundedMap or SuspectPattern.UnboundedSlice } || line.IndexOf("(") is not (> 0 and var open)
            || StatementRules.SubSliceIn(scope, line, open + 1, line.Count) is not { } buffer)
        {
            return kept;
        }

        // The evidence is the callee's line that keeps the parameter the view is passed as (`w.items[k] = v` for the
        // `f[1]` of `Put(string(f[0]), f[1])`), not another parameter's (the copied key in `w.order`).
        kept = KeptParameter(scope, line, open) ?? kept;

        var here = $"{Path.GetFileName(line.File.Path)}:{line.Number} `{line.Code}`";
        return new CodeFinding(SuspectPattern.SubslicePinsBuffer, true, line.File.Path, line.Number, line.Code,
            $"{here} hands on a sub-slice of `{buffer}` (or a value holding one), and {kept.Evidence}: each kept slice pins the whole backing array of `{buffer}`");
    }

    // `ctx := context.WithValue(s.base, key, req)` then `s.authorize(ctx)`, where authorize derives
    // `context.WithTimeout(ctx, d)` and cancels it only on one path: the value rides the parent of a child nobody
    // cancels, so the long-lived ancestor's children (or the child's timer) keep it. Under context.Background() a
    // child with only a cancel is held by nothing (no ancestor keeps children, no timer), so dropping it keeps nothing.
    private CodeFinding? ChildOfPassedContext(FunctionScope scope, GoLine line, GoLine made)
    {
        CodeFinding? lookAlike = null;
        foreach (var (callee, package, prefix, _) in Callees(scope, line))
        {
            var calleeScope = new FunctionScope(package, callee, prefix + callee.Name) { PerCallTypes = perCallTypes };
            foreach (var l in calleeScope.Lines)
            {
                if (StatementRules.DerivesFromParameter(calleeScope, l) is not { } child)
                {
                    continue;
                }

                var detached = made.Find("context", ".", "Background", "(") > 5 || made.Find("context", ".", "TODO", "(") > 5;
                var here = $"{Path.GetFileName(made.File.Path)}:{made.Number} `{made.Code}` attaches the value to a context that {GoFunction.MethodNameOf(callee.Name)} derives a child from: ";
                if (child.Holds && detached && StatementRules.DerivesCancelOnly(l))
                {
                    return child with
                    {
                        Holds = false,
                        Evidence = here + child.Evidence + "; but under context.Background() no ancestor keeps children and no timer holds this one, so the dropped child and its values are garbage",
                    };
                }

                var finding = child with { Evidence = here + child.Evidence + (child.Holds ? ", and with it the value" : string.Empty) };
                if (finding.Holds)
                {
                    return finding;
                }

                lookAlike ??= finding;
            }
        }

        return lookAlike;
    }

    private CodeFinding? Callee(FunctionScope scope, GoLine line, int depth, HashSet<GoFunction> visited)
    {
        CodeFinding? lookAlike = null;
        var lookAlikeWhole = false;
        foreach (var (callee, package, prefix, receiver) in Callees(scope, line))
        {
            if (!visited.Add(callee))
            {
                continue;
            }

            // A method called on a value this function made (`m := NewMonitor(..)`, `m.Start()`) may start what keeps it.
            var onLocalValue = receiver is not null && scope.Lines.Any(l => l.Number <= line.Number && l.Matches(0, receiver, ":="));
            var calleeScope = new FunctionScope(package, callee, prefix + callee.Name) { PerCallTypes = perCallTypes };
            foreach (var l in calleeScope.Lines)
            {
                // A timer the callee arms into a field around what it was passed keeps that value as much as a container.
                var finding = StatementRules.Keeps(calleeScope, l) ?? (onLocalValue ? StatementRules.ReceiverLifecycle(calleeScope, l) : null)
                    ?? StatementRules.ArmsTimerOnParameter(calleeScope, l);
                if (finding is null && depth < MaxCallDepth && PassesParameter(calleeScope, l))
                {
                    finding = Callee(calleeScope, l, depth + 1, visited);
                }

                if (finding is { Holds: true })
                {
                    return finding;
                }

                // A look-alike that keeps the parameter itself (`c.byKey[k] = h`) says more than one that keeps a part
                // of it (`c.order = append(c.order, h.Key)`).
                if (finding is not null && (lookAlike is null || (!lookAlikeWhole && KeepsWhole(calleeScope, l))))
                {
                    lookAlikeWhole = KeepsWhole(calleeScope, l);
                    lookAlike = finding;
                }
            }
        }

        return lookAlike;
    }

    // The statement of the called function (the call whose `(` is at `open`) that keeps the parameter its view
    // argument is passed as, or null when none does directly.
    private CodeFinding? KeptParameter(FunctionScope scope, GoLine line, int open) =>
        ViewParameterLines(scope, line, open).Select(x => (x.Line, x.Parameter, Finding: StatementRules.Keeps(x.Scope, x.Line)))
            .Where(x => x.Finding is { Pattern: SuspectPattern.UnboundedMap or SuspectPattern.UnboundedSlice } && Stores(x.Line, x.Parameter))
            .Select(x => x.Finding).FirstOrDefault();

    // The line of the called function (the call whose `(` is at `open`) that stores the parameter its view argument is
    // passed as into an element of a fixed-size array field (`ix.ring[ix.next%len(ix.ring)] = b`), or null.
    private GoLine? KeptInRing(FunctionScope scope, GoLine line, int open) =>
        ViewParameterLines(scope, line, open).FirstOrDefault(x => StatementRules.ArrayElementWrite(x.Scope, x.Line) is not null && Stores(x.Line, x.Parameter)).Line;

    // Each line of the functions the call whose `(` is at `open` may run, with the name of the parameter its view
    // argument is passed as.
    private IEnumerable<(FunctionScope Scope, GoLine Line, string Parameter)> ViewParameterLines(FunctionScope scope, GoLine line, int open)
    {
        var index = StatementRules.ViewArgument(scope, line, open + 1, line.Count);
        var name = line[open - 1].Text;
        foreach (var (callee, package, prefix, _) in Callees(scope, line).Where(c => c.Function.MethodName == name))
        {
            var parameters = callee.ParameterNames();
            if (index < 0 || index >= parameters.Count)
            {
                continue;
            }

            var calleeScope = new FunctionScope(package, callee, prefix + callee.Name) { PerCallTypes = perCallTypes };
            foreach (var l in calleeScope.Lines)
            {
                yield return (calleeScope, l, parameters[index]);
            }
        }
    }

    // The line's right side (after its assignment) names the parameter by itself.
    private static bool Stores(GoLine line, string parameter)
    {
        var eq = line.IndexOf("=");
        return Enumerable.Range(eq + 1, line.Count - eq - 1).Any(i => line[i].Text == parameter && line[i].IsIdentifier && !line.Matches(i - 1, "."));
    }

    // The line's right side names a parameter by itself, not only a field of it.
    private static bool KeepsWhole(FunctionScope scope, GoLine line)
    {
        var eq = line.IndexOf("=");
        return Enumerable.Range(eq + 1, line.Count - eq - 1).Any(i => line[i].IsIdentifier && !line.Matches(i - 1, ".") && !line.Matches(i + 1, ".")
            && scope.Body.DeclaresParameter(line[i].Text));
    }

    // The functions a line calls whose source is at hand: `name(` in the package, `pkg.Name(` in an imported package
    // of the program, `x.Name(` a method of x's type (of any type so named, in the package or the imported ones, when
    // x's declaration does not show it).
    // Receiver: the local a method is called on (`m` in `m.Start()`), else null.
    private IEnumerable<(GoFunction Function, GoPackage Package, string Prefix, string? Receiver)> Callees(FunctionScope scope, GoLine line)
    {
        var prefix = PackagePrefix(scope.Function);
        var file = scope.Body.File;
        foreach (var i in CallSites(line).Where(i => !InLongTimerCallback(scope, line, i)))
        {
            var name = line[i].Text;
            var selected = line.Matches(i - 1, ".");
            if (selected && i >= 2 && line[i - 2].IsIdentifier && !line.Matches(i - 3, ".") && file.Imports.Contains(line[i - 2].Text)
                && !scope.Body.DeclaresParameter(line[i - 2].Text))
            {
                // pkg.Name(: a function of another package, found only when it is part of the program.
                if (locator.Imported(file, line[i - 2].Text) is { } other)
                {
                    foreach (var f in other.Files.SelectMany(f => f.Functions).Where(f => f.Name == name))
                    {
                        yield return (f, other, file.ImportPaths[line[i - 2].Text] + ".", null);
                    }
                }

                continue;
            }

            var type = selected && i >= 2 ? ValueTypes.OfExpression(scope.Package, scope.Body, line.Start + i - 2) : null;
            if (type is { Length: > 0 } && scope.Package.NamedKind(type) == GoVarKind.Interface)
            {
                // A call through an interface (`s.audit.Write(e)` on a Sink) may run any implementation's method.
                type = null;
            }

            var packages = new List<(GoPackage Package, string Prefix)> { (scope.Package, prefix) };
            if (selected && type is null or ValueTypes.Foreign)
            {
                packages.AddRange(file.ImportPaths.Keys.Select(n => (Package: locator.Imported(file, n), Prefix: file.ImportPaths[n] + "."))
                    .Where(p => p.Package is not null).Select(p => (p.Package!, p.Prefix)));
            }

            foreach (var (package, packagePrefix) in packages)
            {
                var home = package == scope.Package;
                foreach (var f in package.Files.SelectMany(f => f.Functions))
                {
                    var isMethod = f.Name.EndsWith("." + name, StringComparison.Ordinal);
                    var matches = selected
                        ? isMethod && (!home || type is null || f.Name[..^(name.Length + 1)].Trim('(', ')', '*') == type)
                        : home && f.Name == name;
                    if (matches && f != scope.Body)
                    {
                        var receiver = selected && i >= 2 && line[i - 2].IsIdentifier && !line.Matches(i - 3, ".") ? line[i - 2].Text : null;
                        yield return (f, package, packagePrefix, receiver);
                    }
                }
            }
        }
    }

    // A line that calls something with one of the function's parameters among the arguments.
    private static bool PassesParameter(FunctionScope scope, GoLine line)
    {
        var open = line.IndexOf("(");
        return open > 0 && Enumerable.Range(open + 1, line.Count - open - 1)
            .Any(i => line[i].IsIdentifier && !line.Matches(i - 1, ".") && scope.Body.DeclaresParameter(line[i].Text));
    }
}
