// CodeReader: decides a suspect's leak pattern from the code at its site and around it, as an expert reads it.
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
public sealed class CodeReader(SourceLocator locator)
{
    /// <summary>Frames of the path read, leaf first: beyond a few, the code is the program's plumbing (main's loop,
    /// a server's dispatch), whose own tickers and contexts are not what the suspect retains.</summary>
    public const int MaxFramesRead = 3;

    /// <summary>The decision for a call path (user frames, leaf first), or null when no file is found or no
    /// statement has a pattern's shape.</summary>
    public CodeFinding? Read(IReadOnlyList<CodeFrame> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        CodeFinding? lookAlike = null;
        var startedBy = path.Count > 0 && Enclosing(path[^1].Function) == path[^1].Function ? GoStatement(path) : null;
        foreach (var frame in path.Take(MaxFramesRead))
        {
            if (Scope(frame, ReferenceEquals(frame, path[^1]) ? startedBy : null) is not { } scope)
            {
                continue;
            }

            // The frame's own statements first; only when none shows a pattern, the calls that may keep its value.
            var nearestFirst = scope.Lines.OrderBy(l => Math.Abs(l.Number - frame.Line)).ThenBy(l => l.Number).ToList();
            var readings = nearestFirst.Select(l => StatementRules.Read(scope, l)).Concat(nearestFirst.Select(l => Callee(scope, l)));
            foreach (var reading in readings)
            {
                if (reading is { } finding)
                {
                    if (finding.Holds)
                    {
                        return finding;
                    }

                    lookAlike ??= finding;
                }
            }
        }

        return lookAlike;
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
        var prefix = entry.Function[..(entry.Function.Length - InPackageName(entry.Function).Length)];
        if (Enclosing(entry.Function) != entry.Function)
        {
            return scope.GoStatementAround((int)entry.Line) is { } line
                ? new CodeFrame(prefix + scope.Body.Name, AsRecorded(entry.File, scope.Body.File.Path), line)
                : null;
        }

        var name = InPackageName(entry.Function);
        name = name[(name.LastIndexOf('.') + 1)..];
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

        return null;
    }

    // A file found on disk, named the way the profile names its package's files: a Go package is one directory, so the
    // `go` statement's file sits beside the recorded file of the goroutine's entry frame.
    private static string AsRecorded(string recordedSibling, string found) =>
        recordedSibling[..(recordedSibling.LastIndexOf('/') + 1)] + Path.GetFileName(found);

    /// <summary>The source line of a frame, trimmed, or null when its file is not found.</summary>
    public string? Code(string recordedPath, long line) =>
        locator.File(recordedPath) is { } file && line >= 1 && line <= file.LineCount ? file.LineText((int)line) : null;

    /// <summary>The function a frame runs in, for listings: its file and its first and last line.</summary>
    public GoFunction? Function(CodeFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return locator.File(frame.File)?.FindFunction(InPackageName(Enclosing(frame.Function)), (int)frame.Line);
    }

    /// <summary>"gcfixtures/internal/harness.(*Options).sampler.func4" -> "(*Options).sampler.func4".</summary>
    public static string InPackageName(string function)
    {
        ArgumentNullException.ThrowIfNull(function);
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

        return new FunctionScope(package, body, frame.Function, startedBy);
    }

    // A call on the line to a function of the package that keeps one of its parameters (`store.Put(token, sess)`
    // with `s.sessions[token] = sess` in Put): the value a frame allocates is often kept one call further down,
    // where no profile frame points. A holding finding wins over a look-alike; calls are followed one level deep.
    private static CodeFinding? Callee(FunctionScope scope, GoLine line)
    {
        CodeFinding? lookAlike = null;
        var prefix = scope.Function[..(scope.Function.Length - InPackageName(scope.Function).Length)];
        for (var i = 0; i + 1 < line.Count; i++)
        {
            if (!line[i].IsIdentifier || line[i + 1].Text != "(")
            {
                continue;
            }

            var name = line[i].Text;
            var callees = scope.Package.Files.SelectMany(f => f.Functions)
                .Where(f => f != scope.Body && (f.Name == name || f.Name.EndsWith("." + name, StringComparison.Ordinal)));
            foreach (var callee in callees)
            {
                var calleeScope = new FunctionScope(scope.Package, callee, prefix + callee.Name);
                foreach (var l in calleeScope.Lines)
                {
                    if (StatementRules.Keeps(calleeScope, l) is { } finding)
                    {
                        if (finding.Holds)
                        {
                            return finding;
                        }

                        lookAlike ??= finding;
                    }
                }
            }
        }

        return lookAlike;
    }
}
