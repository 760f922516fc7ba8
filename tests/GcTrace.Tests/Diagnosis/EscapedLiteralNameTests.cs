// A func literal that outlived the function that declares it (a handler a middleware constructor returns, an encoder a
// method returns and a worker keeps) is called by whoever kept it, not by that function: it keeps its own name, as
// pprof's -top prints it. A literal its declaring function calls, or starts with `go`, is still blamed on that function.
using GcTrace.Diagnosis;
using GcTrace.Profiles;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Diagnosis;

public class EscapedLiteralNameTests
{
    private static StackFrame F(string function, string file, long line) => new(function, file, line, false);

    private static readonly StackFrame[] ServedByNetHttp =
    [
        F("net/http.HandlerFunc.ServeHTTP", "net/http/server.go", 2109),
        F("net/http.serverHandler.ServeHTTP", "net/http/server.go", 2947),
        F("net/http.(*conn).serve", "net/http/server.go", 1991),
        F("runtime.goexit", "runtime/asm_amd64.s", 1594),
    ];

    [Fact]
    public void HandlerLiteral_CalledByNetHttp_KeepsItsOwnName()
    {
        IReadOnlyList<StackFrame> stack = [F("main.Idempotent.func1", "gcfixtures/app/main.go", 81), .. ServedByNetHttp];

        Frames.Blamed(stack, 0).Should().Be("main.Idempotent.func1");
    }

    [Fact]
    public void NestedHandlerLiteral_CalledByNetHttp_KeepsItsOwnName()
    {
        IReadOnlyList<StackFrame> stack = [F("main.withAudit.func1.1", "gcfixtures/app/mw.go", 41), .. ServedByNetHttp];

        Frames.Blamed(stack, 0).Should().Be("main.withAudit.func1.1");
    }

    [Fact]
    public void LiteralCalledByAnotherLiteralOfItsFunction_IsBlamedAsThatOne()
    {
        IReadOnlyList<StackFrame> served =
        [
            F("main.withAudit.func1.1.1", "gcfixtures/app/mw.go", 44),
            F("sync.(*Once).doSlow", "sync/once.go", 74),
            F("main.withAudit.func1.1", "gcfixtures/app/mw.go", 43),
            .. ServedByNetHttp,
        ];
        IReadOnlyList<StackFrame> started =
        [
            F("main.(*Pump).Start.func2", "gcfixtures/app/pump.go", 30),
            F("main.(*Pump).Start.func1", "gcfixtures/app/pump.go", 25),
            F("runtime.goexit", "runtime/asm_amd64.s", 1594),
        ];

        Frames.Blamed(served, 0).Should().Be("main.withAudit.func1.1");
        Frames.Blamed(started, 0).Should().Be("main.(*Pump).Start");
    }

    [Fact]
    public void StoredLiteral_CalledByAnotherFunctionsGoroutine_KeepsItsOwnName()
    {
        IReadOnlyList<StackFrame> stack =
        [
            F("main.(*catalog).encoder.func1", "gcfixtures/app/main.go", 34),
            F("main.(*exporter).run", "gcfixtures/app/exporter.go", 13),
            F("runtime.goexit", "runtime/asm_amd64.s", 1594),
        ];

        Frames.Blamed(stack, 0).Should().Be("main.(*catalog).encoder.func1");
    }

    [Fact]
    public void LiteralTheDeclaringFunctionPassesToALibrary_IsBlamedOnIt()
    {
        IReadOnlyList<StackFrame> stack =
        [
            F("main.main.func2", "gcfixtures/app/main.go", 80),
            F("gcfixtures/internal/harness.(*Options).Drive", "gcfixtures/internal/harness/harness.go", 147),
            F("main.main", "gcfixtures/app/main.go", 76),
            F("runtime.main", "runtime/proc.go", 250),
        ];

        Frames.Blamed(stack, 0).Should().Be("main.main");
    }

    // Real recordings: Go 1.19 records a make + copy without the callee's frame (src23_idem_keys: Remember;
    // src31_audit_chain: Keep), so the handler literal at the call line is what `go tool pprof -top -lines -base`
    // ranks; src31_export_hooks: the encoder literal allocates itself, called by the workers that keep it.
    [Theory]
    [InlineData("runs/src23_idem_keys", "main.Idempotent.func1", "main.Idempotent")]
    [InlineData("runs/src31_audit_chain", "main.withJournal.func1.1", "main.withJournal")]
    [InlineData("runs/src31_export_hooks", "main.(*catalog).encoder.func1", "main.(*catalog).encoder")]
    public void HeapSite_OfALiteralThatOutlivedItsDeclaringFunction_IsNamedAndSitedAsPprof(string folder, string literal, string enclosing)
    {
        var dir = Path.Combine(RepoPaths.Fixtures, folder);
        var heap = SuspectSites.Heap(ProfiledRuns.Series(folder).Snapshot());
        var expected = PprofLineRows.Load(Directory.GetFiles(dir, "heap-base-*.lines.txt").Single()).First(r => r.Function == literal);

        heap.Should().ContainKey(literal).And.NotContainKey(enclosing);
        (heap[literal].Site.File, heap[literal].Site.Line).Should().Be((expected.File, expected.Line));
    }
}
