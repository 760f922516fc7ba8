// CodeReader: a container whose entries are func values grows by closures (closure-capture, whatever map or slice
// holds them on the way); a long one-shot timer a callee re-arms into a field around its caller's value keeps the
// replaced one (timer-not-stopped); an AfterFunc literal is kept long only when its delay is long, read as a constant.
using GcTrace.Events;
using GcTrace.Source;

namespace GcTrace.Tests.Source;

public class CodeReaderFuncContainerTests
{
    private static CodeFinding? Read(string function, string source, params (string Path, string Text)[] more) =>
        CodeReaderTests.Read(function, source, more);

    // A feed registers a per-request callback through an interface; the implementation, in another file, files the
    // callback in a topic's slice read into a local and stored back.
    private const string Feed = """
        package main

        type Feed interface {
            Watch(topic string, cb func([]byte))
        }

        type request struct {
            scratch []byte
        }

        type api struct {
            feed Feed
        }

        func (a *api) handle(topic string) {
            r := &request{}
            r.scratch = make([]byte, 16<<10) // site
            a.feed.Watch(topic, func(b []byte) { copy(r.scratch, b) })
        }

        func main() {
            a := &api{feed: newMemFeed()}
            for i := 0; ; i++ {
                a.handle("t")
            }
        }
        """;

    private const string MemFeed = """
        package main

        type memFeed struct {
            watchers map[string][]func([]byte)
        }

        func newMemFeed() *memFeed { return &memFeed{watchers: map[string][]func([]byte){}} }

        func (m *memFeed) Watch(topic string, cb func([]byte)) {
            ws := m.watchers[topic]
            ws = append(ws, cb)
            m.watchers[topic] = ws
        }
        """;

    [Fact]
    public void Read_CallbackFiledInAContainerOfFuncsBehindAnInterface_IsClosureCapture()
    {
        var f = Read("main.(*api).handle", Feed, ("/build/app/feed.go", MemFeed))!;

        f.Pattern.Should().Be(SuspectPattern.ClosureCapture);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("m.watchers[topic] = ws").And.Contain("func values (`map[string][]func`)");
    }

    [Fact]
    public void Read_ContainerOfFuncsThatIsEmptiedOnUnwatch_IsTheLookAlike()
    {
        var feed = Feed.Replace("a.handle(\"t\")", "a.handle(\"t\")\n\t\ta.feed.(*memFeed).Unwatch(\"t\")", StringComparison.Ordinal);
        var mem = MemFeed + "\nfunc (m *memFeed) Unwatch(topic string) { delete(m.watchers, topic) }\n";

        var f = Read("main.(*api).handle", feed, ("/build/app/feed.go", mem))!;

        f.Pattern.Should().Be(SuspectPattern.ClosureCapture);
        f.Holds.Should().BeFalse(f.Evidence);
    }

    [Fact]
    public void Read_SameShapeOfPlainValues_StaysAnUnboundedMap()
    {
        // The same local-then-store shape with byte slices as entries: the map is what grows, not closures.
        var feed = Feed.Replace("cb func([]byte)", "cb []byte", StringComparison.Ordinal)
            .Replace("a.feed.Watch(topic, func(b []byte) { copy(r.scratch, b) })", "a.feed.Watch(topic, r.scratch)", StringComparison.Ordinal);
        var mem = MemFeed.Replace("func([]byte)", "[]byte", StringComparison.Ordinal);

        var f = Read("main.(*api).handle", feed, ("/build/app/feed.go", mem))!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedMap);
        f.Holds.Should().BeTrue(f.Evidence);
    }

    // A package-level registry of a named func type, keyed per tenant, filled with method values.
    private const string Hooks = """
        package main

        type hook func(event string)

        var hooks = make(map[string][]hook)

        type tenantView struct {
            page []byte
        }

        func (v *tenantView) refresh(event string) { v.page = v.page[:0] }

        func open(tenant string) {
            v := &tenantView{page: make([]byte, 0, 32<<10)} // site
            hs := hooks[tenant]
            hs = append(hs, v.refresh)
            hooks[tenant] = hs
        }

        func main() {
            for i := 0; ; i++ {
                open("acme")
            }
        }
        """;

    [Fact]
    public void Read_MethodValuesInAPackageMapOfANamedFuncType_IsClosureCapture()
    {
        var f = Read("main.open", Hooks)!;

        f.Pattern.Should().Be(SuspectPattern.ClosureCapture);
        f.Holds.Should().BeTrue(f.Evidence);
    }

    // A dialer re-arms a per-attempt deadline through an interface; the implementation keeps it in a field of the
    // attempt it was passed, replacing the previous timer.
    private const string Dialer = """
        package main

        import "time"

        type Deadlines interface {
            Start(a *attempt)
        }

        type attempt struct {
            packet []byte
            guard  *time.Timer
        }

        type dialer struct {
            deadlines Deadlines
            open      map[int]*attempt
        }

        func (d *dialer) dial(id int) {
            a := &attempt{packet: make([]byte, 8<<10)} // site
            d.open[id] = a
            for try := 0; try < 3; try++ {
                d.deadlines.Start(a)
            }
            delete(d.open, id)
        }

        func main() {
            d := &dialer{deadlines: &guards{}, open: map[int]*attempt{}}
            for i := 0; ; i++ {
                d.dial(i)
            }
        }
        """;

    private const string Guards = """
        package main

        import "time"

        const guardFor = 5 * time.Minute

        type guards struct{ fired int }

        func (g *guards) Start(a *attempt) {
            a.guard = time.AfterFunc(guardFor, func() {
                g.expire(a)
            })
        }

        func (g *guards) expire(a *attempt) { g.fired += len(a.packet) }
        """;

    [Fact]
    public void Read_LongTimerReArmedIntoAFieldOfThePassedValue_IsTimerNotStopped()
    {
        var f = Read("main.(*dialer).dial", Dialer, ("/build/app/guards.go", Guards))!;

        f.Pattern.Should().Be(SuspectPattern.TimerNotStopped);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("a.guard = time.AfterFunc(guardFor, func() {").And.Contain("without stopping the previous one");
    }

    [Fact]
    public void Read_TimerStoppedBeforeItIsReArmed_IsNotTheCause()
    {
        var guards = Guards.Replace("a.guard = time.AfterFunc", "if a.guard != nil {\n        a.guard.Stop()\n    }\n    a.guard = time.AfterFunc", StringComparison.Ordinal);

        var f = Read("main.(*dialer).dial", Dialer, ("/build/app/guards.go", guards));

        f.Should().NotBeNull();
        f!.Holds.Should().BeFalse(f.Evidence);
    }

    [Fact]
    public void Read_ShortTimerReArmedWithoutStop_FiresBeforeItMatters()
    {
        var guards = Guards.Replace("5 * time.Minute", "200 * time.Millisecond", StringComparison.Ordinal);

        var f = Read("main.(*dialer).dial", Dialer, ("/build/app/guards.go", guards));

        f.Should().NotBeNull();
        f!.Holds.Should().BeFalse(f.Evidence);
    }

    // An unassigned AfterFunc literal: how long it keeps what it captures is its delay, read through constants.
    private const string Retry = """
        package main

        import "time"

        const wait = DELAY

        func push(n int) {
            body := make([]byte, 24<<10) // site
            time.AfterFunc(wait, func() { send(n, body) })
        }

        func send(n int, body []byte) { _ = body[n%len(body)] }

        func main() {
            for i := 0; ; i++ {
                push(i)
            }
        }
        """;

    [Theory]
    [InlineData("90 * time.Second", true)]
    [InlineData("2 * time.Hour", true)]
    [InlineData("50 * time.Millisecond", false)]
    [InlineData("3 * time.Second", false)]
    public void Read_AfterFuncLiteral_IsLongOnlyWhenItsConstantDelayIs(string delay, bool holds)
    {
        var f = Read("main.push", Retry.Replace("DELAY", delay, StringComparison.Ordinal))!;

        f.Pattern.Should().Be(SuspectPattern.ClosureCapture);
        f.Holds.Should().Be(holds, f.Evidence);
    }

    [Fact]
    public void Read_AfterFuncLiteralWithANonConstantDelayInMinutes_CountsAsLong()
    {
        var src = Retry.Replace("const wait = DELAY", "var minutes = 3", StringComparison.Ordinal)
            .Replace("time.AfterFunc(wait,", "time.AfterFunc(time.Duration(minutes)*time.Minute,", StringComparison.Ordinal);

        var f = Read("main.push", src)!;

        f.Pattern.Should().Be(SuspectPattern.ClosureCapture);
        f.Holds.Should().BeTrue(f.Evidence);
    }
}
