// A func literal the compiler named after a function it was inlined into (a library constructor's sync.Pool New
// literal becoming main.main.funcN at the library's line) keeps its own name, as pprof prints it; a literal written in
// its declaring function is still blamed on that function.
using GcTrace.Diagnosis;
using GcTrace.Profiles;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Diagnosis;

public class InlinedLiteralNameTests
{
    private static StackFrame F(string function, string file, long line) => new(function, file, line, false);

    [Fact]
    public void Literal_InAnotherFileThanItsNamesakeOnTheStack_KeepsItsOwnName()
    {
        IReadOnlyList<StackFrame> stack =
        [
            F("main.main.func4", "gcfixtures/internal/bufpool/pool.go", 56),
            F("sync.(*Pool).Get", "sync/pool.go", 151),
            F("gcfixtures/internal/bufpool.(*Pool).Get", "gcfixtures/internal/bufpool/pool.go", 63),
            F("main.main", "gcfixtures/app/main.go", 66),
        ];

        Frames.Blamed(stack, 0).Should().Be("main.main.func4");
    }

    [Fact]
    public void Literal_InTheFileOfItsNamesakeOnTheStack_IsBlamedOnIt()
    {
        IReadOnlyList<StackFrame> stack =
        [
            F("main.main.func1", "gcfixtures/app/main.go", 24),
            F("main.(*router).dispatch", "gcfixtures/app/router.go", 27),
            F("main.main.func3", "gcfixtures/app/main.go", 33),
            F("main.main", "gcfixtures/app/main.go", 31),
        ];

        Frames.Blamed(stack, 0).Should().Be("main.main");
        Frames.Blamed(stack, 2).Should().Be("main.main");
    }

    [Fact]
    public void Literal_WhoseNamesakeIsNotOnTheStack_IsBlamedOnIt()
    {
        IReadOnlyList<StackFrame> stack =
        [
            F("main.(*Server).run.func2", "gcfixtures/app/server.go", 40),
            F("runtime.goexit", "runtime/asm_amd64.s", 1594),
        ];

        Frames.Blamed(stack, 0).Should().Be("main.(*Server).run");
    }

    // src18_chunk_lease: src18bufpool.New is inlined into main.main, so its Pool.New literal is main.main.func4 at
    // pool.go:56, as `go tool pprof -top -lines -base FIRST LAST` ranks it first; src28_gateway_codec: NewCodec is
    // inlined into (*Gateway).serve, which runs in its own goroutine.
    [Theory]
    [InlineData("runs/src18_chunk_lease", "main.main.func4", "main.main")]
    [InlineData("runs/src28_gateway_codec", "main.(*Gateway).serve.func1", "main.(*Gateway).serve")]
    public void HeapSite_OfAnInlinedConstructorsLiteral_IsNamedAsPprofNamesIt(string folder, string literal, string enclosing)
    {
        var dir = Path.Combine(RepoPaths.Fixtures, folder);
        var heap = SuspectSites.Heap(ProfiledRuns.Series(folder).Snapshot());
        var expected = PprofLineRows.Load(Directory.GetFiles(dir, "heap-base-*.lines.txt").Single()).First(r => r.Function == literal);

        heap.Should().ContainKey(literal);
        (heap[literal].Site.File, heap[literal].Site.Line).Should().Be((expected.File, expected.Line));
        heap.Keys.Should().NotContain(enclosing, $"{enclosing}'s own lines allocate nothing that grows; its literal is inlined from another file");
    }

    // src28_login_routes: the handler literal is written in main.main (main.go) and main.main is on its stack (its
    // Drive callback dispatches to it), so main.main is the place to fix.
    [Fact]
    public void HeapSite_OfALiteralWrittenInMain_IsBlamedOnMain()
    {
        var heap = SuspectSites.Heap(ProfiledRuns.Series("runs/src28_login_routes").Snapshot());

        heap.Should().ContainKey("main.main").And.NotContainKey("main.main.func1");
        heap["main.main"].Site.Function.Should().Be("main.main.func1");
    }
}
