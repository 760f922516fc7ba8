// Names in a stack: which frames are the program's own, which are the profiler's, and a closure's enclosing function.
using System.Text.RegularExpressions;
using GcTrace.Profiles;

namespace GcTrace.Diagnosis;
/// <summary>
/// A suspect must name code the user can change, so growth under runtime.mapassign is blamed on the caller that
/// assigns. Standard-library packages are recognised by their top-level path element (go/src has no dots there).
/// </summary>
internal static partial class Frames
{
    private static readonly HashSet<string> StdRoots = new(StringComparer.Ordinal)
    {
        "archive", "bufio", "builtin", "bytes", "cmp", "compress", "container", "context", "crypto", "database",
        "debug", "embed", "encoding", "errors", "expvar", "flag", "fmt", "go", "hash", "html", "image", "index",
        "internal", "io", "iter", "log", "maps", "math", "mime", "net", "os", "path", "plugin", "reflect", "regexp",
        "runtime", "slices", "sort", "strconv", "strings", "sync", "syscall", "testing", "text", "time", "unicode",
        "unique", "unsafe", "vendor", "weak", "golang.org",
    };

    [GeneratedRegex(@"(\.func\d+)+(\.\d+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex FuncLiteralSuffix();

    public static bool IsStd(string function)
    {
        if (function.Length == 0)
        {
            return true;
        }

        var slash = function.IndexOf('/', StringComparison.Ordinal);
        var dot = function.IndexOf('.', StringComparison.Ordinal);
        var end = slash >= 0 && (dot < 0 || slash < dot) ? slash : dot;
        var root = end < 0 ? function : function[..end];
        return StdRoots.Contains(root);
    }

    /// <summary>The leaf-most frame of the program's own code, or -1 when the stack is all standard library.</summary>
    public static int UserFrameIndex(IReadOnlyList<StackFrame> stack)
    {
        for (var i = 0; i < stack.Count; i++)
        {
            if (!IsStd(stack[i].Function))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Memory the profiler allocated to write the profiles themselves (gzip writers, string tables): it
    /// shows up in-use in every snapshot and would otherwise be blamed on whoever scrapes.</summary>
    public static bool IsProfilerOwn(IReadOnlyList<StackFrame> stack) =>
        stack.Any(f => f.Function.StartsWith("runtime/pprof.", StringComparison.Ordinal)
            || f.Function.StartsWith("net/http/pprof.", StringComparison.Ordinal));

    /// <summary>True for a func literal, whose name the compiler builds as Enclosing.funcN (cmd/compile closure naming).</summary>
    public static bool IsFuncLiteral(string function) => FuncLiteralSuffix().IsMatch(function);

    /// <summary>main.spawnWaiter.func1 -> main.spawnWaiter: the function that declared the literal, the place to fix.</summary>
    public static string Enclosing(string function) => FuncLiteralSuffix().Replace(function, string.Empty);

    /// <summary>The function a frame's growth is blamed on: a func literal's declaring function (the code to fix, and one
    /// suspect for a function and the literals it declares), except a package's init. The compiler names the
    /// initialiser of package-level variables init, so a literal built there (`var pool = NewPool()`, NewPool inlined)
    /// has no declaring function in the source but itself: it keeps its own name, as pprof prints it.</summary>
    public static string Blamed(string function) =>
        IsFuncLiteral(function) && Enclosing(function) is var enclosing && !IsPackageInit(enclosing) ? enclosing : function;

    /// <summary>The function the frame at <paramref name="index"/> of a stack is blamed on: as <see cref="Blamed(string)"/>,
    /// except a func literal written in another file than the function it is named after. A literal is written inside
    /// its declaring function, so it shares that function's file; when the same stack shows that function at a line in
    /// another file, the literal came from a callee inlined into it (`pool := lib.New(...)` in main.main makes New's
    /// Pool.New literal main.main.funcN, at lib's line): the source has no such literal in that function, and the
    /// literal keeps its own name, as pprof prints it. Nor a literal that outlived its declaring function: when that
    /// function is not on the stack and the literal is not the entry of a goroutine (its `go` statement is in the
    /// declaring function), someone else kept the literal and called it later (a handler or middleware returned as
    /// `http.HandlerFunc(func(w, r) {...})`, a callback stored in a struct), so it is a function in its own right and
    /// keeps its own name, as pprof's -top prints it.</summary>
    public static string Blamed(IReadOnlyList<StackFrame> stack, int index)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var frame = stack[index];
        var blamed = Blamed(frame.Function);
        if (blamed == frame.Function)
        {
            return blamed;
        }

        var declaringOnStack = false;
        for (var i = index + 1; i < stack.Count; i++)
        {
            if (stack[i].Function != blamed)
            {
                continue;
            }

            if (frame.File.Length > 0 && stack[i].File.Length > 0 && stack[i].File != frame.File)
            {
                return frame.Function;
            }

            declaringOnStack = true;
        }

        if (declaringOnStack || IsGoroutineEntry(stack, index))
        {
            return blamed;
        }

        // Called by another literal of the same declaring function (one nested in it, or a sibling): blamed as that one.
        for (var i = index + 1; i < stack.Count; i++)
        {
            if (IsFuncLiteral(stack[i].Function) && Enclosing(stack[i].Function) == blamed)
            {
                return Blamed(stack, i);
            }
        }

        return frame.Function;
    }

    // Only the runtime below the frame (runtime.goexit): the function a `go` statement started.
    private static bool IsGoroutineEntry(IReadOnlyList<StackFrame> stack, int index)
    {
        for (var i = index + 1; i < stack.Count; i++)
        {
            if (!stack[i].Function.StartsWith("runtime.", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // "main.init", "gcfixtures/app/cache.init": a package's initialiser, the name right after the package's ("main.T.init"
    // is a method).
    private static bool IsPackageInit(string function)
    {
        var tail = function[(function.LastIndexOf('/') + 1)..];
        return tail.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 && tail[(dot + 1)..] == "init";
    }

    public static bool Any(IReadOnlyList<StackFrame> stack, int count, params string[] prefixes)
    {
        for (var i = 0; i < count && i < stack.Count; i++)
        {
            foreach (var p in prefixes)
            {
                if (stack[i].Function.StartsWith(p, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
