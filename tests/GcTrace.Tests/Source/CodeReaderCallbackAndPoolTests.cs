// CodeReader rules from the fourth held-out batch (src8_): a callback kept one map down by a registry whose remover
// nothing calls, and a sync.Pool whose Put a return skips. Each rule is shown on a leak and on the look-alike.
using GcTrace.Events;
using GcTrace.Source;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Source;

public class CodeReaderCallbackAndPoolTests
{
    // Frames are given leaf first as (function, text marking the frame's line), in one file /build/app/main.go.
    private static CodeFinding? Read(string source, params (string Function, string Marker)[] frames) => CodeReaderOwnershipTests.Read(source, frames);

    // A registry behind an interface keeps each hook under its event, one map down; Off deletes it by the id On returns.
    private const string Hooks = """
        package main

        type Hook func(event string) error

        type Registry interface {
            On(event string, h Hook) (id int)
            Off(event string, id int)
            Fire(event string) int
        }

        type registry struct {
            nextID int
            hooks  map[string]map[int]Hook
        }

        func newRegistry() Registry { return &registry{hooks: make(map[string]map[int]Hook)} }

        func (r *registry) On(event string, h Hook) int {
            r.nextID++
            if r.hooks[event] == nil {
                r.hooks[event] = make(map[int]Hook)
            }
            r.hooks[event][r.nextID] = h
            return r.nextID
        }

        func (r *registry) Off(event string, id int) {
            delete(r.hooks[event], id)
        }

        func (r *registry) Fire(event string) int {
            n := 0
            for _, h := range r.hooks[event] {
                if h(event) == nil {
                    n++
                }
            }
            return n
        }

        type Uploader struct {
            hooks Registry
        }

        func (u *Uploader) Stage(data []byte) {
            staged := make([]byte, 16<<10) // site
            copy(staged, data)
            REGISTER u.hooks.On("flush", func(event string) error {
                staged[0] ^= 1
                return nil
            })
            UNREGISTER
        }

        func main() {
            u := &Uploader{hooks: newRegistry()}
            for i := 0; i < 10; i++ {
                u.Stage(nil)
                u.hooks.Fire("flush")
            }
        }
        """;

    [Fact]
    public void Read_HookKeptOneMapDownWhoseOffNothingCalls_IsClosureCapture()
    {
        var f = Read(Hooks.Replace("REGISTER ", string.Empty, StringComparison.Ordinal).Replace("UNREGISTER", string.Empty, StringComparison.Ordinal),
            ("main.(*Uploader).Stage", "// site"))!;

        f.Pattern.Should().Be(SuspectPattern.ClosureCapture, f.Evidence);
        f.Holds.Should().BeTrue(f.Evidence);
        // The inner map's store, not the outer map's one key per event; the remover is named and why it never runs.
        f.Evidence.Should().StartWith("main.go:").And.Contain("`r.hooks[event][r.nextID] = h`").And.Contain("(*registry).Off, which nothing calls");
    }

    [Fact]
    public void Read_HookRemovedByTheIdOnReturned_IsTheLookAlike()
    {
        var f = Read(Hooks.Replace("REGISTER ", "id := ", StringComparison.Ordinal).Replace("UNREGISTER", "defer u.hooks.Off(\"flush\", id)", StringComparison.Ordinal),
            ("main.(*Uploader).Stage", "// site"))!;

        f.Pattern.Should().Be(SuspectPattern.ClosureCapture, f.Evidence);
        f.Holds.Should().BeFalse(f.Evidence);
        f.Evidence.Should().Contain("`delete(r.hooks[event], id)`");
    }

    // A package-level bus whose OnEvent returns a one-line unsubscribe (a splice of the handlers slice).
    private const string Bus = """
        package main

        type Event struct{ Name string }

        type Bus struct {
            handlers []func(Event)
        }

        var bus = &Bus{}

        func (b *Bus) OnEvent(fn func(Event)) func() {
            b.handlers = append(b.handlers, fn)
            i := len(b.handlers) - 1
            return func() { b.handlers = append(b.handlers[:i], b.handlers[i+1:]...) }
        }

        func (b *Bus) Emit(e Event) {
            for _, h := range b.handlers {
                h(e)
            }
        }

        func handle() {
            buf := make([]byte, 16<<10) // site
            SUBSCRIBE bus.OnEvent(func(e Event) {
                buf[0] = byte(len(e.Name))
            })
            UNSUBSCRIBE
        }

        func main() {
            for i := 0; i < 10; i++ {
                handle()
                bus.Emit(Event{})
            }
        }
        """;

    [Fact]
    public void Read_OneLineUnsubscribeNothingCalls_RemovesNothing()
    {
        var f = Read(Bus.Replace("SUBSCRIBE ", string.Empty, StringComparison.Ordinal).Replace("UNSUBSCRIBE", string.Empty, StringComparison.Ordinal), ("main.handle", "// site"))!;

        f.Pattern.Should().Be(SuspectPattern.ClosureCapture, f.Evidence);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("is in the func (*Bus).OnEvent returns, which nothing calls");
    }

    [Fact]
    public void Read_OneLineUnsubscribeDeferred_IsTheLookAlike()
    {
        var f = Read(Bus.Replace("SUBSCRIBE ", "off := ", StringComparison.Ordinal).Replace("UNSUBSCRIBE", "defer off()", StringComparison.Ordinal), ("main.handle", "// site"))!;

        f.Pattern.Should().Be(SuspectPattern.ClosureCapture, f.Evidence);
        f.Holds.Should().BeFalse(f.Evidence);
        f.Evidence.Should().Contain("`return func() { b.handlers = append(b.handlers[:i], b.handlers[i+1:]...) }`) removes from");
    }

    [Fact]
    public void DeclaresParameter_ATypeInTheSignature_IsNoParameter()
    {
        var file = GoSourceFile.Parse("/x/a.go", "package a\n\ntype Hook func()\n\nfunc On(event string, h Hook) (int, error) { return 0, nil }\n");
        var on = file.Functions.Single(f => f.Name == "On");

        on.DeclaresParameter("h").Should().BeTrue();
        on.DeclaresParameter("event").Should().BeTrue();
        on.DeclaresParameter("Hook").Should().BeFalse("Hook is h's type");
        on.DeclaresParameter("int").Should().BeFalse("(int, error) are unnamed results");
        on.DeclaresParameter("string").Should().BeFalse();
    }

    // A pool wrapper: Lease gets a buffer and records it, Release puts it back; serve may return in between.
    private const string Frames = """
        package main

        import (
            "errors"
            "sync"
        )

        type FramePool struct {
            pool   sync.Pool
            mu     sync.Mutex
            leased map[uint64]*[]byte
        }

        func NewFramePool() *FramePool {
            p := &FramePool{leased: make(map[uint64]*[]byte)}
            p.pool.New = func() any {
                b := make([]byte, 32<<10) // site
                return &b
            }
            return p
        }

        func (p *FramePool) Lease(id uint64) []byte {
            bp := p.pool.Get().(*[]byte) // get
            p.mu.Lock()
            p.leased[id] = bp
            p.mu.Unlock()
            return *bp
        }

        func (p *FramePool) Release(id uint64) {
            p.mu.Lock()
            bp, ok := p.leased[id]
            delete(p.leased, id)
            p.mu.Unlock()
            if ok {
                p.pool.Put(bp)
            }
        }

        var frames = NewFramePool()

        func serve(id uint64, wire []byte) error {
            buf := frames.Lease(id) // lease
            DEFER
            if len(wire) < 4 {
                return errors.New("short frame")
            }
            copy(buf, wire)
            RELEASE
            return nil
        }

        func main() {
            for i := 0; i < 10; i++ {
                _ = serve(uint64(i), nil)
            }
        }
        """;

    [Fact]
    public void Read_PoolNewWhosePutAReturnSkips_IsSyncPoolMisuse()
    {
        var source = Frames.Replace("DEFER", string.Empty, StringComparison.Ordinal).Replace("RELEASE", "frames.Release(id)", StringComparison.Ordinal);

        var f = Read(source, ("main.NewFramePool.func1", "// site"), ("main.(*FramePool).Lease", "// get"), ("main.serve", "// lease"))!;

        f.Pattern.Should().Be(SuspectPattern.SyncPoolMisuse, f.Evidence);
        f.Holds.Should().BeTrue(f.Evidence);
        // The Get, the Put, and the path that skips it.
        f.Evidence.Should().Contain("`bp := p.pool.Get().(*[]byte)`").And.Contain("`p.pool.Put(bp)`")
            .And.Contain("serve gets it through").And.Contain("(`return errors.New(\"short frame\")`) before").And.Contain("(`frames.Release(id)`)");
    }

    [Fact]
    public void Read_PoolNewWhoseReleaseIsDeferred_IsTheLookAlike()
    {
        var source = Frames.Replace("DEFER", "defer frames.Release(id)", StringComparison.Ordinal).Replace("RELEASE", string.Empty, StringComparison.Ordinal);

        var f = Read(source, ("main.NewFramePool.func1", "// site"), ("main.(*FramePool).Lease", "// get"), ("main.serve", "// lease"))!;

        f.Pattern.Should().Be(SuspectPattern.SyncPoolMisuse, f.Evidence);
        f.Holds.Should().BeFalse(f.Evidence);
    }

    [Fact]
    public void Read_PoolGetWhosePutAReturnSkipsInTheSameFunction_IsSyncPoolMisuse()
    {
        const string source = """
            package main

            import "sync"

            var bufs = sync.Pool{New: func() any { return make([]byte, 64<<10) }}

            func handle(msg []byte) int {
                b := bufs.Get().([]byte) // site
                if len(msg) == 0 {
                    return 0
                }
                n := copy(b, msg)
                bufs.Put(b)
                return n
            }

            func main() {
                for i := 0; i < 10; i++ {
                    handle(nil)
                }
            }
            """;

        var f = Read(source, ("main.handle", "// site"))!;
        f.Pattern.Should().Be(SuspectPattern.SyncPoolMisuse, f.Evidence);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("handle returns at main.go:10 (`return 0`) before it");

        var balanced = Read(source.Replace("b := bufs.Get().([]byte) // site", "b := bufs.Get().([]byte) // site\n    defer bufs.Put(b)", StringComparison.Ordinal),
            ("main.handle", "// site"))!;
        balanced.Holds.Should().BeFalse(balanced.Evidence);
    }

    [Fact]
    public void Read_HeldOutFramePool_ReadsThePoolWhosePutServeSkips()
    {
        // src8_frame_pool as its heap profile records the growing site: the pool's New literal (main.init.func1, since
        // NewFramePool is inlined into the package var's init), the Get in Lease, the lease in serve.
        var locator = new SourceLocator([Path.Combine(RepoPaths.Fixtures, "src")]);
        const string dir = "gcfixtures/src8_frame_pool/";
        var path = new List<CodeFrame> { new("main.init.func1", dir + "frames.go", 19), new("main.(*FramePool).Lease", dir + "frames.go", 27), new("main.serve", dir + "main.go", 38) };

        var f = new CodeReader(locator).Read(path)!;

        f.Pattern.Should().Be(SuspectPattern.SyncPoolMisuse, f.Evidence);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("returns at main.go:41 (`return err`) before main.go:44 (`frames.Release(c.id)`)");
    }
}

public class CodeReaderHardCaseTests
{
    private static readonly SourceLocator Locator = new([Path.Combine(RepoPaths.Fixtures, "src")]);

    private static CodeFrame Frame(string program, string file, string function, string code)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Fixtures, "src", program, file));
        var line = Array.FindIndex(lines, l => l.Contains(code, StringComparison.Ordinal)) + 1;
        line.Should().BePositive($"{program}/{file} has `{code}`");
        return new CodeFrame(function, $"gcfixtures/{program}/{file}", line);
    }

    [Theory]
    // src14_monitor_start: NewMonitor's window, kept because accept calls m.Start(), whose ticker in m.ticker nothing stops.
    [InlineData("src14_monitor_start", true)]
    [InlineData("src14_monitor_start_twin", false)]
    public void Read_TickerMadeByAMethodOfTheValueTheCallerMade_NamesTheTicker(string program, bool holds)
    {
        var path = new List<CodeFrame>
        {
            Frame(program, "monitor.go", "main.NewMonitor", "// SITE"),
            Frame(program, "main.go", "main.(*proxy).accept", "m := NewMonitor("),
        };

        var f = new CodeReader(Locator).Read(path)!;

        f.Pattern.Should().Be(SuspectPattern.TickerNotStopped, f.Evidence);
        f.Holds.Should().Be(holds, f.Evidence);
        f.Evidence.Should().StartWith("monitor.go:23 `m.ticker = time.NewTicker(time.Minute)`");
        if (holds)
        {
            f.Evidence.Should().Contain("is in (*Monitor).Stop, which nothing calls");
        }
    }

    [Fact]
    public void Read_WaiterParkedOnACond_SaysWhatWouldEndTheWait()
    {
        var path = new List<CodeFrame> { Frame("src14_cond_board", "main.go", "main.(*Board).await", "b.cond.Wait()") };

        var f = new CodeReader(Locator).Read(path)!;

        f.Pattern.Should().Be(SuspectPattern.GoroutineLeak, f.Evidence);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("started at main.go:59 (`go s.board.await(id, reply)`) in `b.cond.Wait()`, which nothing ends");
    }

    [Theory]
    // src14_segment_files: the file openSegment creates is kept in segment.f; only (*segment).Close closes it.
    [InlineData("src14_segment_files", true)]
    [InlineData("src14_segment_files_twin", false)]
    public void Read_FileKeptInAStructField_IsClosedWhereTheStructIs(string program, bool holds)
    {
        var path = new List<CodeFrame>
        {
            Frame(program, "segment.go", "main.openSegment", "// SITE"),
            Frame(program, "segment.go", "main.(*Store).Append", "seg, err := openSegment("),
        };

        var f = new CodeReader(Locator).Read(path)!;

        f.Pattern.Should().Be(SuspectPattern.UnclosedResource, f.Evidence);
        f.Holds.Should().Be(holds, f.Evidence);
        f.Evidence.Should().Contain("`return s.f.Close()`");
    }
}
