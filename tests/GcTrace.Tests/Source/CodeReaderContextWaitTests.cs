// A goroutine parked on `<-ctx.Done()` of a context whose cancel is dropped waits for the parent: the context is
// what was forgotten (context-not-cancelled); with the cancel called, the wait ends and it is the look-alike.
using GcTrace.Events;
using GcTrace.Source;

namespace GcTrace.Tests.Source;

public class CodeReaderContextWaitTests
{
    private const string Watcher = """
        package main

        import "context"

        var root context.Context

        func process(id int) {
            ctx, _ := context.WithCancel(root)
            buf := make([]byte, 8<<10)
            go func() {
                <-ctx.Done() // site
                buf[0] = 0
            }()
            buf[1] = byte(id)
        }

        func main() {
            for i := 0; ; i++ {
                process(i)
            }
        }
        """;

    [Fact]
    public void Read_GoroutineWaitingOnDoneOfADroppedCancel_IsContextNotCancelled()
    {
        var f = CodeReaderTests.Read("main.process.func1", Watcher)!;

        f.Pattern.Should().Be(SuspectPattern.ContextNotCancelled);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("`ctx.Done()`, which never closes").And.Contain("main.go:8 `ctx, _ := context.WithCancel(root)` drops the cancel function");
    }

    [Fact]
    public void Read_GoroutineWaitingOnDoneOfADeferredCancel_IsTheLookAlike()
    {
        var cancelled = Watcher.Replace("ctx, _ :=", "ctx, cancel :=", StringComparison.Ordinal)
            .Replace("buf := make", "defer cancel()\n\tbuf := make", StringComparison.Ordinal);

        var f = CodeReaderTests.Read("main.process.func1", cancelled)!;

        f.Pattern.Should().Be(SuspectPattern.ContextNotCancelled);
        f.Holds.Should().BeFalse(f.Evidence);
        f.Evidence.Should().Contain("closes when the context is cancelled");
    }

    [Fact]
    public void Read_SelectWhoseOnlyWayOutIsDoneOfADroppedCancel_IsContextNotCancelled()
    {
        var select = Watcher.Replace("<-ctx.Done() // site", "select { // site\n\t\tcase <-ctx.Done():\n\t\tcase <-never:\n\t\t}", StringComparison.Ordinal)
            .Replace("var root context.Context", "var root context.Context\n\nvar never chan int", StringComparison.Ordinal);

        CodeReaderTests.Read("main.process.func1", select)!.Pattern.Should().Be(SuspectPattern.ContextNotCancelled);
    }

    [Fact]
    public void Read_SelectWithAnotherWayOut_DoesNotParkTheGoroutine()
    {
        // The results channel is closed by the function that starts the goroutine, so the select ends without the
        // context; what is left is the dropped cancel itself, read at its own line.
        var select = Watcher.Replace("<-ctx.Done() // site", "select { // site\n\t\tcase <-ctx.Done():\n\t\tcase <-results:\n\t\t}", StringComparison.Ordinal)
            .Replace("buf := make", "results := make(chan int)\n\tdefer close(results)\n\tbuf := make", StringComparison.Ordinal);

        var f = CodeReaderTests.Read("main.process.func1", select)!;

        f.Evidence.Should().NotContain("parks the goroutine");
        f.Line.Should().Be(8, f.Evidence);
    }
}
