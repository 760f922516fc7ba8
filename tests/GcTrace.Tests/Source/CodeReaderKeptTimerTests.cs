// CodeReader: a one-shot timer kept per entry of a container is released only by its own Stop; a remover that only a
// dropped func value calls never runs; a container's own slice shrunk and stored back views no buffer.
using GcTrace.Events;
using GcTrace.Source;

namespace GcTrace.Tests.Source;

public class CodeReaderKeptTimerTests
{
    private static CodeFinding? Read(string function, string source) => CodeReaderTests.Read(function, source);

    // A resolver arms a give-up timer per query and forgets the query on its answer: the entry goes, the timer stays.
    private const string Resolver = """
        package main

        import "time"

        const giveUp = 3 * time.Minute

        type query struct {
            id  int
            raw []byte
        }

        type resolver struct {
            waiting map[int]*time.Timer
            answers chan int
        }

        func (r *resolver) ask(id int) {
            q := &query{id: id, raw: make([]byte, 8<<10)} // site
            r.waiting[id] = time.AfterFunc(giveUp, func() { r.fail(q) })
        }

        func (r *resolver) fail(q *query) { _ = q.raw }

        func (r *resolver) answered(id int) {
            delete(r.waiting, id)
        }

        func main() {
            r := &resolver{waiting: map[int]*time.Timer{}, answers: make(chan int, 1)}
            for i := 0; ; i++ {
                r.ask(i)
                r.answered(i)
            }
        }
        """;

    [Fact]
    public void Read_TimerPerEntryDeletedWithoutStop_IsTimerNotStopped()
    {
        var f = Read("main.(*resolver).ask", Resolver)!;

        f.Pattern.Should().Be(SuspectPattern.TimerNotStopped);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("armed for 3m").And.Contain("nothing stops it");
    }

    [Theory]
    [InlineData("if t, ok := r.waiting[id]; ok {\n\t\tt.Stop()\n\t}\n\tdelete(r.waiting, id)")]
    [InlineData("r.waiting[id].Stop()\n\tdelete(r.waiting, id)")]
    public void Read_TimerPerEntryStoppedOnRemoval_IsTheLookAlike(string removal)
    {
        var src = Resolver.Replace("delete(r.waiting, id)", removal, StringComparison.Ordinal);

        var f = Read("main.(*resolver).ask", src)!;

        f.Pattern.Should().Be(SuspectPattern.TimerNotStopped);
        f.Holds.Should().BeFalse(f.Evidence);
        f.Evidence.Should().Contain("stops");
    }

    [Fact]
    public void Read_ShortTimerPerEntry_FiresBeforeItMatters()
    {
        var src = Resolver.Replace("3 * time.Minute", "250 * time.Millisecond", StringComparison.Ordinal);

        var f = Read("main.(*resolver).ask", src)!;

        f.Holds.Should().BeFalse(f.Evidence);
        f.Evidence.Should().Contain("armed for 250ms").And.Contain("fires within a few GC cycles");
    }

    // A per-key deadline made as a local NewTimer, replaced in the map on every retry and deleted when the key is done.
    private const string Deadlines = """
        package main

        import "time"

        var deadlines = map[string]*time.Timer{}

        func retry(key string) {
            body := make([]byte, 4<<10) // site
            t := time.NewTimer(time.Duration(2) * time.Hour)
            deadlines[key] = t
            go func() {
                <-t.C
                _ = body
            }()
        }

        func finish(key string) {
            delete(deadlines, key)
        }

        func main() {
            for {
                retry("k")
                finish("k")
            }
        }
        """;

    [Fact]
    public void Read_LocalTimerReplacedInAMap_IsTimerNotStopped()
    {
        var f = Read("main.retry", Deadlines)!;

        f.Pattern.Should().Be(SuspectPattern.TimerNotStopped);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("per entry of `deadlines`");
    }

    [Fact]
    public void Read_LocalTimerReplacedInAMapAfterStoppingThePrevious_IsTheLookAlike()
    {
        var src = Deadlines.Replace("deadlines[key] = t", "if old := deadlines[key]; old != nil {\n\t\told.Stop()\n\t}\n\tdeadlines[key] = t", StringComparison.Ordinal);

        var f = Read("main.retry", src)!;

        f.Pattern.Should().Be(SuspectPattern.TimerNotStopped);
        f.Holds.Should().BeFalse(f.Evidence);
    }

    // A bus whose `on` returns the func that unregisters; `off` shrinks the topic's own slice and stores it back.
    private const string Bus = """
        package main

        type handler func(int)

        type entry struct {
            id int
            fn handler
        }

        type bus struct {
            next int
            subs map[string][]entry
        }

        func (b *bus) on(topic string, fn handler) func() {
            b.next++
            id := b.next
            b.subs[topic] = append(b.subs[topic], entry{id: id, fn: fn})
            return func() { b.off(topic, id) }
        }

        func (b *bus) off(topic string, id int) {
            list := b.subs[topic]
            for i, e := range list {
                if e.id == id {
                    list = append(list[:i], list[i+1:]...)
                    break
                }
            }
            list = list[:len(list):len(list)]
            if len(list) == 0 {
                delete(b.subs, topic)
                return
            }
            b.subs[topic] = list
        }

        func watch(b *bus) {
            state := make([]byte, 8<<10) // site
            b.on("tick", func(v int) { state[v%len(state)]++ })
        }

        func main() {
            b := &bus{subs: map[string][]entry{}}
            for {
                watch(b)
            }
        }
        """;

    [Fact]
    public void Read_HandlerWhoseUnregisterIsDropped_IsClosureCapture()
    {
        var f = Read("main.watch", Bus)!;

        f.Pattern.Should().Be(SuspectPattern.ClosureCapture);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("b.subs[topic] = append(");
    }

    [Fact]
    public void Read_HandlerUnregisteredOnReturn_IsTheLookAlike()
    {
        var src = Bus.Replace("b.on(\"tick\",", "stop := b.on(\"tick\",", StringComparison.Ordinal)
            .Replace("state[v%len(state)]++ })", "state[v%len(state)]++ })\n\tdefer stop()", StringComparison.Ordinal);

        var f = Read("main.watch", src)!;

        f.Pattern.Should().Be(SuspectPattern.ClosureCapture);
        f.Holds.Should().BeFalse(f.Evidence);
    }

    // A return inside a func literal between the open and the close leaves the literal, not the function.
    [Fact]
    public void Read_ReturnInsideANestedLiteralBeforeTheClose_IsNoEarlyReturn_ButOneOfTheFunctionIs()
    {
        var src = """
            package main

            import "os"

            func tail(path string) (int, error) {
                f, err := os.Open(path) // site
                if err != nil {
                    return 0, err
                }
                valid := func(s string) bool {
                    if len(s) == 0 {
                        return false
                    }
                    return true
                }
                defer f.Close()
                if !valid(path) {
                    return 0, nil
                }
                return 1, nil
            }
            """;

        var f = Read("main.tail", src)!;
        f.Pattern.Should().Be(SuspectPattern.UnclosedResource);
        f.Holds.Should().BeFalse(f.Evidence);

        var earlyReturn = src.Replace("\n    valid := func", "\n    if len(path) > 64 {\n        return 0, nil\n    }\n    valid := func", StringComparison.Ordinal);
        earlyReturn.Should().NotBe(src);
        Read("main.tail", earlyReturn)!.Holds.Should().BeTrue("the function itself returns before its deferred close");
    }
}
