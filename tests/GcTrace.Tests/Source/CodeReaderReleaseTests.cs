// CodeReader rules that generalise beyond one program's names: a release must be the same value's and must be able
// to run; a queue's drain is not a bound; calls are followed a few levels; generics, value receivers, sub-packages.
using GcTrace.Events;
using GcTrace.Source;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Source;

public class CodeReaderReleaseTests
{
    private static CodeFinding? Read(string function, string source, params (string Path, string Text)[] more) =>
        CodeReaderTests.Read(function, source, more);

    private static CodeFinding? ReadPath(Dictionary<string, string> files, params CodeFrame[] path) =>
        new CodeReader(SourceLocator.RecordedPathsOnly(new InMemorySourceFiles(files))).Read(path);

    // a) q = q[1:] -----------------------------------------------------------------------------------------------

    private const string Queue = """
        package main

        var backlog [][]byte

        func enqueue(n int) {
            p := make([]byte, 4<<10) // site
            backlog = append(backlog, p)
        }

        func dequeue() []byte {
            if len(backlog) == 0 {
                return nil
            }
            j := backlog[0]
            backlog = backlog[1:]
            return j
        }

        func main() {
            for i := 0; ; i++ {
                enqueue(i)
                if i%5 != 0 {
                    dequeue()
                }
            }
        }
        """;

    [Fact]
    public void Read_QueueDrainedFromTheFront_IsUnboundedSlice()
    {
        var f = Read("main.enqueue", Queue)!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedSlice);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("never truncated");
    }

    [Theory]
    [InlineData("backlog = backlog[n:]")]
    [InlineData("backlog = backlog[:len(backlog)-1]")]
    public void Read_OtherDrains_AreNoBoundEither(string drain)
    {
        var src = Queue.Replace("backlog = backlog[1:]", "n := 1\n\tbacklog = " + drain.Split(" = ")[1], StringComparison.Ordinal);

        Read("main.enqueue", src)!.Holds.Should().BeTrue();
    }

    [Theory]
    [InlineData("if len(backlog) > 1024 {\n\t\tbacklog = backlog[1:]\n\t}")]
    [InlineData("backlog = backlog[len(backlog)-1024:]")]
    [InlineData("for len(backlog) > 0 {\n\t\tbacklog = backlog[1:]\n\t}")]
    [InlineData("backlog = backlog[:0]")]
    public void Read_ACapAWindowOrAReset_BoundsTheQueue(string bound)
    {
        var src = Queue.Replace("func main() {", "func trim() {\n\t" + bound + "\n}\n\nfunc main() {\n\ttrim()", StringComparison.Ordinal);

        var f = Read("main.enqueue", src)!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedSlice);
        f.Holds.Should().BeFalse(f.Evidence);
    }

    [Fact]
    public void Read_QueueInAFieldOfALongLivedStruct_DrainedFromTheFront_IsUnboundedSlice()
    {
        var src = """
            package main

            type Dispatcher struct {
                pending []*Job
            }

            func (d *Dispatcher) Push(j *Job) {
                d.pending = append(d.pending, j) // site
            }

            func (d *Dispatcher) next() *Job {
                j := d.pending[0]
                d.pending = d.pending[1:]
                return j
            }

            func main() {
                d := &Dispatcher{}
                for {
                    d.Push(&Job{})
                    d.next()
                }
            }
            """;

        Read("main.(*Dispatcher).Push", src)!.Should().Match<CodeFinding>(f => f.Pattern == SuspectPattern.UnboundedSlice && f.Holds);
    }

    // b) a Stop that nothing calls, or another value's Stop ------------------------------------------------------

    private const string Probe = """
        package main

        import "time"

        type Probe struct {
            ticker *time.Ticker
            buf    []byte
        }

        func (p *Probe) Start() {
            p.ticker = time.NewTicker(time.Minute) // site
            go p.loop()
        }

        func (p *Probe) loop() {
            for range p.ticker.C {
            }
        }

        func (p *Probe) Stop() {
            p.ticker.Stop()
        }

        func main() {
            for {
                p := &Probe{buf: make([]byte, 4096)}
                p.Start()
            }
        }
        """;

    [Fact]
    public void Read_StopMethodThatNothingCalls_DoesNotStopTheTicker()
    {
        var f = Read("main.(*Probe).Start", Probe)!;

        f.Pattern.Should().Be(SuspectPattern.TickerNotStopped);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("never stopped (main.go:21 (`p.ticker.Stop()`) is in (*Probe).Stop, which nothing calls)")
            .And.Contain("no `p.ticker.Stop()` anywhere in the package that runs");
    }

    [Fact]
    public void Read_StopMethodCalledOnTheValue_StopsTheTicker()
    {
        var src = Probe.Replace("p.Start()", "p.Start()\n\t\tdefer p.Stop()", StringComparison.Ordinal);

        var f = Read("main.(*Probe).Start", src)!;

        f.Holds.Should().BeFalse(f.Evidence);
        f.Evidence.Should().Contain("p.ticker.Stop()");
    }

    [Fact]
    public void Read_AnotherTickersStop_DoesNotCountAsCallingTheProbesStop()
    {
        // main stops a ticker of its own: `t.Stop()` is time.Ticker's Stop, not (*Probe).Stop.
        var src = Probe.Replace("for {\n", "t := time.NewTicker(time.Second)\n\tdefer t.Stop()\n\tfor {\n", StringComparison.Ordinal);

        Read("main.(*Probe).Start", src)!.Holds.Should().BeTrue();
    }

    [Fact]
    public void Read_GoroutineWaitingOnAFieldTicker_WhoseStopNothingCalls_IsTickerNotStopped()
    {
        var lines = Probe.Split('\n');
        var loop = Array.FindIndex(lines, l => l.Contains("for range p.ticker.C", StringComparison.Ordinal)) + 1;
        var files = new Dictionary<string, string> { ["/app/main.go"] = Probe };

        var f = ReadPath(files, new CodeFrame("main.(*Probe).loop", "/app/main.go", loop))!;

        f.Pattern.Should().Be(SuspectPattern.TickerNotStopped);
        f.Holds.Should().BeTrue(f.Evidence);
    }

    [Fact]
    public void Read_TwoLocalTickers_OnlyTheStoppedOneIsStopped()
    {
        var src = """
            package main

            import "time"

            func poll() {
                heartbeat := time.NewTicker(time.Second) // site
                retry := time.NewTicker(time.Minute)
                defer retry.Stop()
                for range heartbeat.C {
                }
            }
            """;

        Read("main.poll", src)!.Holds.Should().BeTrue();
    }

    [Fact]
    public void Read_DeleteInAFunctionNothingCalls_DoesNotEvict()
    {
        var src = """
            package main

            var cache = map[int][]byte{}

            func put(id int) {
                cache[id] = make([]byte, 1024) // site
            }

            func evict(id int) {
                delete(cache, id)
            }

            func main() {
                for i := 0; ; i++ {
                    put(i)
                }
            }
            """;

        var f = Read("main.put", src)!;
        f.Holds.Should().BeTrue();
        f.Evidence.Should().EndWith("which nothing deletes from (main.go:10 (`delete(cache, id)`) is in evict, which nothing calls)");
        Read("main.put", src.Replace("put(i)", "put(i)\n\t\tevict(i - 100)", StringComparison.Ordinal))!.Holds.Should().BeFalse();
    }

    [Fact]
    public void Read_DeleteInAMethodValuePassedAsACallback_CanRun()
    {
        var src = """
            package main

            import "time"

            type store struct{ m map[int][]byte }

            func (s *store) put(id int) {
                s.m[id] = make([]byte, 1024) // site
                time.AfterFunc(time.Second, func() { s.expire(id) })
            }

            func (s *store) expire(id int) {
                delete(s.m, id)
            }

            func main() {
                s := &store{m: map[int][]byte{}}
                for i := 0; ; i++ {
                    s.put(i)
                }
            }
            """;

        Read("main.(*store).put", src)!.Holds.Should().BeFalse();
    }

    // c) a cancel func kept in a field, map or slice -------------------------------------------------------------

    private const string Jobs = """
        package main

        import "context"

        type job struct {
            ctx    context.Context
            cancel context.CancelFunc
        }

        type Runner struct {
            jobs map[int]*job
        }

        func (r *Runner) Start(parent context.Context, id int) {
            ctx, cancel := context.WithCancel(parent) // site
            r.jobs[id] = &job{ctx: ctx, cancel: cancel}
        }

        func main() {
            r := &Runner{jobs: map[int]*job{}}
            for i := 0; ; i++ {
                r.Start(context.Background(), i)
            }
        }
        """;

    [Fact]
    public void Read_CancelStoredInAFieldNothingCalls_IsContextNotCancelled()
    {
        var f = Read("main.(*Runner).Start", Jobs)!;

        f.Pattern.Should().Be(SuspectPattern.ContextNotCancelled);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("nothing calls `cancel`");
    }

    [Theory]
    [InlineData("func (r *Runner) Finish(id int) {\n\tr.jobs[id].cancel()\n\tdelete(r.jobs, id)\n}\n", "r.Finish(i - 10)")]
    [InlineData("func (r *Runner) Finish(id int) {\n\tif j, ok := r.jobs[id]; ok {\n\t\tj.cancel()\n\t\tdelete(r.jobs, id)\n\t}\n}\n", "r.Finish(i - 10)")]
    [InlineData("func (r *Runner) StopAll() {\n\tfor _, j := range r.jobs {\n\t\tj.cancel()\n\t}\n\tr.jobs = map[int]*job{}\n}\n", "r.StopAll()")]
    public void Read_CancelStoredAndCalledThroughTheStore_IsALookAlike(string release, string call)
    {
        var src = Jobs.Replace("func main() {", release + "\nfunc main() {", StringComparison.Ordinal)
            .Replace("r.Start(context.Background(), i)", "r.Start(context.Background(), i)\n\t\t" + call, StringComparison.Ordinal);

        var f = Read("main.(*Runner).Start", src)!;

        f.Pattern.Should().Be(SuspectPattern.ContextNotCancelled);
        f.Holds.Should().BeFalse(f.Evidence);
    }

    [Fact]
    public void Read_CancelCalledOnlyInAMethodNothingCalls_IsContextNotCancelled()
    {
        var src = Jobs.Replace("func main() {", "func (r *Runner) Finish(id int) {\n\tr.jobs[id].cancel()\n}\n\nfunc main() {", StringComparison.Ordinal);

        Read("main.(*Runner).Start", src)!.Holds.Should().BeTrue();
    }

    [Fact]
    public void Read_CancelAssignedStraightIntoAField_IsCancelledOnlyWhereTheFieldIsCalled()
    {
        var src = """
            package main

            import "context"

            type Session struct {
                ctx    context.Context
                cancel context.CancelFunc
            }

            func open(parent context.Context) *Session {
                s := &Session{}
                s.ctx, s.cancel = context.WithCancel(parent) // site
                return s
            }

            func main() {
                for {
                    open(context.Background())
                }
            }
            """;

        Read("main.open", src)!.Holds.Should().BeTrue();
        var closed = src.Replace("open(context.Background())", "s := open(context.Background())\n\t\ts.cancel()", StringComparison.Ordinal);
        Read("main.open", closed)!.Holds.Should().BeFalse();
    }

    [Fact]
    public void Read_CancelAppendedToAPackageSlice_NeverCalled_IsContextNotCancelled()
    {
        var src = """
            package main

            import "context"

            var cancels []context.CancelFunc

            func watch(parent context.Context) {
                ctx, cancel := context.WithCancel(parent) // site
                cancels = append(cancels, cancel)
                go run(ctx)
            }
            """;

        Read("main.watch", src)!.Should().Match<CodeFinding>(f => f.Pattern == SuspectPattern.ContextNotCancelled && f.Holds);
        var shutdown = src + "\nfunc shutdown() {\n\tfor _, c := range cancels {\n\t\tc()\n\t}\n\tcancels = nil\n}\n";
        var f = Read("main.watch", shutdown)!;
        f.Holds.Should().BeFalse(f.Evidence);
    }

    // d) calls followed a few levels, down and up ----------------------------------------------------------------

    [Fact]
    public void Read_ValueKeptThreeCallsDown_InAnotherFile_IsFound()
    {
        var main = """
            package main

            type Server struct{ idx *Index }

            func (s *Server) handle(id int) {
                doc := make([]byte, 8<<10) // site
                s.remember(id, doc)
            }

            func (s *Server) remember(id int, doc []byte) {
                s.idx.add(id, doc)
            }
            """;
        var index = """
            package main

            type Index struct{ docs map[int][]byte }

            func (ix *Index) add(id int, doc []byte) {
                ix.put(id, doc)
            }

            func (ix *Index) put(id int, doc []byte) {
                ix.docs[id] = doc
            }
            """;

        var f = Read("main.(*Server).handle", main, ("/build/app/index.go", index))!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedMap);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().StartWith("index.go:10 `ix.docs[id] = doc`");

        var evicting = index + "\nfunc (ix *Index) drop(id int) { delete(ix.docs, id) }\n";
        Read("main.(*Server).handle", main, ("/build/app/index.go", evicting))!.Holds.Should().BeFalse();
    }

    [Fact]
    public void Read_AllocatedInAHelperChain_IsReadUpToTheCallerThatKeepsIt()
    {
        var src = """
            package main

            var cache = map[int][]byte{}

            func newBuf() []byte {
                return make([]byte, 8<<10)
            }

            func frame() []byte {
                b := newBuf()
                b[0] = 1
                return b
            }

            func encode() []byte {
                return frame()
            }

            func handle(id int) {
                out := encode()
                cache[id] = out
            }

            func main() {
                for i := 0; ; i++ {
                    handle(i)
                }
            }
            """;
        var files = new Dictionary<string, string> { ["/app/main.go"] = src };

        var f = ReadPath(files,
            new CodeFrame("main.newBuf", "/app/main.go", 6),
            new CodeFrame("main.frame", "/app/main.go", 10),
            new CodeFrame("main.encode", "/app/main.go", 16),
            new CodeFrame("main.handle", "/app/main.go", 20),
            new CodeFrame("main.main", "/app/main.go", 26))!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedMap);
        f.Line.Should().Be(21);
    }

    [Fact]
    public void Read_ACallerThatOnlyCalls_IsNotReadBeyondTheFirstFrames()
    {
        // main's own ticker is the program's plumbing, not what the helper chain allocates for.
        var src = """
            package main

            import "time"

            func a() { b() }

            func b() { c() }

            func c() { _ = make([]byte, 8<<10) }

            func main() {
                t := time.NewTicker(time.Second)
                for range t.C {
                    a()
                }
            }
            """;
        var files = new Dictionary<string, string> { ["/app/main.go"] = src };

        ReadPath(files,
            new CodeFrame("main.c", "/app/main.go", 9),
            new CodeFrame("main.b", "/app/main.go", 7),
            new CodeFrame("main.a", "/app/main.go", 5),
            new CodeFrame("main.main", "/app/main.go", 14)).Should().BeNull();
    }

    // e) generics, value receivers, sub-packages -----------------------------------------------------------------

    private const string Generic = """
        package main

        type Cache[K comparable, V any] struct {
            items map[K]V
        }

        func NewCache[K comparable, V any]() *Cache[K, V] {
            return &Cache[K, V]{items: make(map[K]V)}
        }

        func (c *Cache[K, V]) Put(key K, value V) {
            c.items[key] = value // site
        }
        """;

    [Theory]
    [InlineData("main.(*Cache[...]).Put")]
    [InlineData("main.(*Cache[go.shape.string_0,go.shape.[]uint8_1]).Put")]
    [InlineData("main.(*Cache[gcfixtures/app/internal/keys.ID,go.shape.*uint8_0]).Put")]
    public void Read_GenericMethod_AsProfilesNameIt_IsRead(string function)
    {
        var f = Read(function, Generic)!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedMap);
        f.Holds.Should().BeTrue(f.Evidence);
        Read(function, Generic + "\nfunc (c *Cache[K, V]) Evict(key K) { delete(c.items, key) }\n")!.Holds.Should().BeFalse();
    }

    [Fact]
    public void Read_ValueReceiverMethod_IsRead()
    {
        var src = """
            package main

            type registry struct {
                byName map[string][]byte
            }

            func (r registry) add(name string) {
                r.byName[name] = make([]byte, 2048) // site
            }
            """;

        Read("main.registry.add", src)!.Should().Match<CodeFinding>(f => f.Pattern == SuspectPattern.UnboundedMap && f.Holds);
    }

    [Fact]
    public void Read_SubPackageFile_RecordedUnderTheModulePath_IsFoundAndReadWithItsPackage()
    {
        var store = """
            package store

            type Store struct {
                rows map[int][]byte
            }

            func New() *Store { return &Store{rows: map[int][]byte{}} }

            func (s *Store) Put(id int, row []byte) {
                s.rows[id] = row // site
            }

            func (s *Store) drop(id int) {
                delete(s.rows, id)
            }
            """;
        var files = new InMemorySourceFiles(new() { ["/src/prog/internal/store/store.go"] = store });
        var reader = new CodeReader(new SourceLocator(["/src"], files));
        var frame = new CodeFrame("gcfixtures/prog/internal/store.(*Store).Put", "gcfixtures/prog/internal/store/store.go", 10);

        var f = reader.Read([frame])!;

        // drop is unexported and nothing calls it: the delete cannot run.
        f.Pattern.Should().Be(SuspectPattern.UnboundedMap);
        f.Holds.Should().BeTrue(f.Evidence);
        f.File.Should().Be("/src/prog/internal/store/store.go");
    }

    [Fact]
    public void Read_MapDeclaredThroughANamedType_IsAMap()
    {
        var src = """
            package main

            type registry map[string][]byte

            type index map[int]string

            type server struct {
                byID index
            }

            var reg = registry{}

            func add(k string, s *server, id int) {
                reg[k] = make([]byte, 1024) // site
                s.byID[id] = k
            }
            """;

        var f = Read("main.add", src)!;
        f.Pattern.Should().Be(SuspectPattern.UnboundedMap);
        f.Evidence.Should().Contain("the package-level map `reg`");

        var field = src.Replace("reg[k] = make([]byte, 1024) // site\n    s.byID[id] = k", "s.byID[id] = k // site", StringComparison.Ordinal);
        Read("main.add", field)!.Evidence.Should().Contain("the field `s.byID`");
    }

    [Fact]
    public void Read_RangeOverAChannelField_ParksUnlessSomethingClosesIt()
    {
        var src = """
            package main

            type Stage struct {
                in  chan []byte
                out [][]byte
            }

            func (s *Stage) Start() {
                go s.run()
            }

            func (s *Stage) run() {
                for b := range s.in { // site
                    s.out = append(s.out[:0], b)
                }
            }

            func main() {
                for {
                    s := &Stage{in: make(chan []byte)}
                    s.Start()
                }
            }
            """;

        var f = Read("main.(*Stage).run", src)!;
        f.Pattern.Should().Be(SuspectPattern.GoroutineLeak);
        f.Holds.Should().BeTrue(f.Evidence);

        var closed = src.Replace("s.Start()", "s.Start()\n\t\tclose(s.in)", StringComparison.Ordinal);
        Read("main.(*Stage).run", closed)!.Holds.Should().BeFalse();
    }

    [Fact]
    public void Read_TimerReArmedInAFieldWithoutStoppingThePreviousOne_IsTimerNotStopped()
    {
        var src = """
            package main

            import "time"

            type Session struct {
                idle *time.Timer
            }

            func (s *Session) touch() {
                s.idle = time.AfterFunc(2*time.Minute, s.expire) // site
            }

            func (s *Session) expire() {}

            func (s *Session) Close() {
                s.idle.Stop()
            }

            func main() {
                s := &Session{}
                defer s.Close()
                for {
                    s.touch()
                }
            }
            """;

        var f = Read("main.(*Session).touch", src)!;
        f.Pattern.Should().Be(SuspectPattern.TimerNotStopped);
        f.Holds.Should().BeTrue(f.Evidence);

        var stopsFirst = src.Replace("s.idle = time.AfterFunc", "if s.idle != nil {\n\t\ts.idle.Stop()\n\t}\n\ts.idle = time.AfterFunc", StringComparison.Ordinal);
        Read("main.(*Session).touch", stopsFirst)!.Holds.Should().BeFalse();
    }

    [Fact]
    public void Read_CancelCalledOnlyOnTheErrorPath_IsContextNotCancelled()
    {
        var src = """
            package main

            import "context"

            func run(parent context.Context, t *task) error {
                ctx, cancel := context.WithTimeout(parent, time.Hour) // site
                if err := validate(ctx, t); err != nil {
                    cancel()
                    return err
                }
                go work(ctx, t)
                return nil
            }
            """;

        Read("main.run", src)!.Should().Match<CodeFinding>(f => f.Pattern == SuspectPattern.ContextNotCancelled && f.Holds);
        var deferred = src.Replace("if err := validate", "defer cancel()\n\tif err := validate", StringComparison.Ordinal);
        Read("main.run", deferred)!.Holds.Should().BeFalse();
    }

    [Fact]
    public void Read_FuncValueOfANamedFuncTypeKeptInAMap_IsClosureCapture()
    {
        var src = """
            package main

            type Handler func(w io.Writer) error

            type Router struct {
                routes map[string]Handler
            }

            var router = &Router{routes: map[string]Handler{}}

            func (r *Router) Handle(path string, h Handler) {
                r.routes[path] = h
            }

            func export(id int) {
                report := make([]byte, 16<<10) // site
                router.Handle(fmt.Sprint(id), func(w io.Writer) error {
                    _, err := w.Write(report)
                    return err
                })
            }
            """;

        var f = Read("main.export", src)!;
        f.Pattern.Should().Be(SuspectPattern.ClosureCapture);
        f.Holds.Should().BeTrue(f.Evidence);
    }

    // Part 2 (the held-out src3_ batch's general gaps), each on a program of its own ----------------------------

    private const string ShopMain = """
        package main

        import (
            "fmt"

            "example.com/shop/internal/cache"
        )

        type Catalog struct {
            pages *cache.Store[string, []byte]
        }

        var catalog = &Catalog{pages: cache.New[string, []byte]()}

        func (c *Catalog) Render(id int) []byte {
            page := make([]byte, 8<<10) // site
            c.pages.Keep(fmt.Sprint(id), page)
            return page
        }

        func main() {
            for i := 0; ; i++ {
                catalog.Render(i)
            }
        }
        """;

    private const string ShopCache = """
        package cache

        import "sync"

        type Store[K comparable, V any] struct {
            mu   sync.Mutex
            data map[K]V
        }

        func New[K comparable, V any]() *Store[K, V] { return &Store[K, V]{data: map[K]V{}} }

        func (s *Store[K, V]) Keep(k K, v V) {
            s.mu.Lock()
            s.data[k] = v
            s.mu.Unlock()
        }

        // Drop is exported, but the program never calls it.
        func (s *Store[K, V]) Drop(k K) {
            delete(s.data, k)
        }
        """;

    private static CodeFinding? ReadShop(string main, string cache)
    {
        var files = new InMemorySourceFiles(new() { ["/home/dev/shop/main.go"] = main, ["/home/dev/shop/internal/cache/cache.go"] = cache });
        var lines = main.Split('\n');
        var site = Array.FindIndex(lines, l => l.Contains("// site", StringComparison.Ordinal)) + 1;
        var call = Array.FindIndex(lines, l => l.Contains("catalog.Render(i)", StringComparison.Ordinal)) + 1;
        return new CodeReader(SourceLocator.RecordedPathsOnly(files)).Read([
            new CodeFrame("main.(*Catalog).Render", "/home/dev/shop/main.go", site),
            new CodeFrame("main.main", "/home/dev/shop/main.go", call)]);
    }

    [Fact]
    public void Read_ValueKeptInAnImportedPackageOfTheProgram_IsFollowedThere_AndAnExportedDeleteNothingCallsDoesNotEvict()
    {
        var f = ReadShop(ShopMain, ShopCache)!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedMap);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().StartWith("cache.go:14 `s.data[k] = v`").And.Contain("is in (*Store).Drop, which nothing calls");

        var dropping = ShopMain.Replace("return page", "if id > 100 {\n\t\tc.pages.Drop(fmt.Sprint(id - 100))\n\t}\n\treturn page", StringComparison.Ordinal);
        ReadShop(dropping, ShopCache)!.Holds.Should().BeFalse();
    }

    [Fact]
    public void Read_ExportedDeleteNamedOnlyInCodeThatNeverRuns_DoesNotEvict()
    {
        // src13_label_metrics (held out): the registry's Forget calls the index's Remove, and nothing calls Forget.
        var forgetting = ShopMain.Replace("func main() {", "func (c *Catalog) Forget(id int) {\n\tc.pages.Drop(fmt.Sprint(id))\n}\n\nfunc main() {", StringComparison.Ordinal);
        var f = ReadShop(forgetting, ShopCache)!;
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("is in (*Store).Drop, which nothing calls");

        var forgotten = forgetting.Replace("return page", "if id > 100 {\n\t\tc.Forget(id - 100)\n\t}\n\treturn page", StringComparison.Ordinal);
        ReadShop(forgotten, ShopCache)!.Holds.Should().BeFalse("Render calls Forget, which drops");
    }

    [Fact]
    public void Read_FieldNamedLikeAPackageType_HasTheTypeItsDeclarationGives()
    {
        // src13_label_metrics (held out): `series *src13metrics.Index[*series]` in a package that declares `type series`.
        var named = ShopMain.Replace("pages *cache.Store[string, []byte]", "Catalog *cache.Store[string, []byte]", StringComparison.Ordinal)
            .Replace("{pages: cache.New", "{Catalog: cache.New", StringComparison.Ordinal)
            .Replace("c.pages.Keep", "c.Catalog.Keep", StringComparison.Ordinal);
        var f = ReadShop(named, ShopCache)!;
        f.Pattern.Should().Be(SuspectPattern.UnboundedMap);
        f.Evidence.Should().StartWith("cache.go:14 `s.data[k] = v`", "the field `Catalog` is a *cache.Store, not the type Catalog");
    }

    [Fact]
    public void Read_FuncLiteralFrame_ReadsTheLiteralAndItsCallsBeforeTheFunctionAroundIt()
    {
        // main fills a bounded table at start-up; the literal's call is what keeps growing.
        var src = """
            package main

            var accounts = map[int][]byte{}

            var journal []string

            func record(e string) {
                journal = append(journal, e)
            }

            func main() {
                for id := 0; id < 512; id++ {
                    accounts[id] = make([]byte, 1024)
                }
                drive(func() {
                    record(fmt.Sprint(len(accounts))) // site
                })
            }
            """;

        var f = Read("main.main.func1", src)!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedSlice);
        f.Evidence.Should().Contain("journal = append(journal, e)");
    }

    [Fact]
    public void Read_CallThroughAnInterfaceField_IsFollowedIntoItsImplementations()
    {
        var src = """
            package main

            type Sink interface {
                Write(e Entry) error
            }

            type memorySink struct {
                entries []Entry
            }

            func (m *memorySink) Write(e Entry) error {
                m.entries = append(m.entries, e)
                return nil
            }

            type Service struct {
                audit Sink
            }

            func (s *Service) Update(id int) error {
                doc := make([]byte, 8<<10) // site
                return s.audit.Write(Entry{ID: id, Doc: doc})
            }
            """;

        var f = Read("main.(*Service).Update", src)!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedSlice);
        f.Holds.Should().BeTrue(f.Evidence);
    }

    [Fact]
    public void Read_SubstringHandedToTheCalleeThatKeepsIt_IsSubslicePinsBuffer()
    {
        var src = """
            package main

            type Index struct {
                names map[int]string
            }

            var index = &Index{names: map[int]string{}}

            func (x *Index) Put(id int, name string) {
                x.names[id] = name
            }

            func ingest(id int, b *strings.Builder) {
                b.Grow(32 << 10) // site
                text := b.String()
                first := text[:strings.IndexByte(text, '\n')]
                index.Put(id, first)
            }
            """;

        var f = Read("main.ingest", src)!;
        f.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer);
        f.Holds.Should().BeTrue(f.Evidence);

        var cloned = src.Replace("index.Put(id, first)", "index.Put(id, strings.Clone(first))", StringComparison.Ordinal);
        Read("main.ingest", cloned)!.Pattern.Should().Be(SuspectPattern.UnboundedMap);
    }

    [Fact]
    public void Read_EvictionUnderADurationTimesAUnit_NeverRuns()
    {
        var src = """
            package main

            type Limiter struct {
                maxIdle time.Duration
                windows map[string]time.Time
            }

            func (l *Limiter) Allow(key string, now time.Time) {
                l.windows[key] = now // site
                l.sweep(now)
            }

            func (l *Limiter) sweep(now time.Time) {
                for k, seen := range l.windows {
                    if now.Sub(seen) > l.maxIdle*time.Second {
                        delete(l.windows, k)
                    }
                }
            }
            """;

        var f = Read("main.(*Limiter).Allow", src)!;
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("10^9 times too long");

        Read("main.(*Limiter).Allow", src.Replace("l.maxIdle*time.Second", "l.maxIdle", StringComparison.Ordinal))!.Holds.Should().BeFalse();
    }

    [Fact]
    public void Read_BodyClosedOnlyInABranchThatReturns_IsUnclosedResource()
    {
        var src = """
            package main

            func (n *Notifier) Deliver(payload []byte) error {
                resp, err := n.client.Post(n.url, "application/json", bytes.NewReader(payload)) // site
                if err != nil {
                    return err
                }
                if resp.StatusCode >= 300 {
                    resp.Body.Close()
                    return fmt.Errorf("status %d", resp.StatusCode)
                }
                n.sent++
                return nil
            }
            """;

        var f = Read("main.(*Notifier).Deliver", src)!;
        f.Pattern.Should().Be(SuspectPattern.UnclosedResource);
        f.Holds.Should().BeTrue(f.Evidence);

        var closed = src.Replace("n.sent++", "resp.Body.Close()\n\tn.sent++", StringComparison.Ordinal);
        Read("main.(*Notifier).Deliver", closed)!.Holds.Should().BeFalse();
    }

    [Theory]
    [InlineData("f, err := os.Open(path) // site", "defer f.Close()", SuspectPattern.UnclosedResource)]
    [InlineData("ctx, cancel := context.WithTimeout(parent, time.Minute) // site", "defer cancel()", SuspectPattern.ContextNotCancelled)]
    [InlineData("t := time.NewTicker(time.Second) // site", "defer t.Stop()", SuspectPattern.TickerNotStopped)]
    public void Read_ReleaseDeferredInsideALoop_RunsOnlyWhenTheFunctionReturns(string make, string release, SuspectPattern pattern)
    {
        var src = $$"""
            package main

            func consume(parent context.Context, paths <-chan string) {
                for path := range paths {
                    {{make}}
                    {{release}}
                    use(path)
                }
            }
            """;

        var f = Read("main.consume", src)!;
        f.Pattern.Should().Be(pattern);
        f.Holds.Should().BeTrue(f.Evidence);

        // In a func literal called per iteration, the defer runs at the end of each call.
        var perCall = src.Replace("for path := range paths {", "for path := range paths {\n\t\tfunc() {", StringComparison.Ordinal)
            .Replace("use(path)", "use(path)\n\t\t}()", StringComparison.Ordinal);
        Read("main.consume.func1", perCall)!.Holds.Should().BeFalse();
    }

    [Fact]
    public void Read_WritesIntoALongLivedBufferNothingResets_IsUnboundedSlice()
    {
        var src = """
            package main

            var journal bytes.Buffer

            type Recorder struct {
                out strings.Builder
            }

            func note(r *Recorder, id int) {
                line := fmt.Sprintf("event %d\n", id) // site
                journal.WriteString(line)
            }
            """;

        var f = Read("main.note", src)!;
        f.Pattern.Should().Be(SuspectPattern.UnboundedSlice);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("the package-level buffer `journal`");

        var field = src.Replace("journal.WriteString(line)", "fmt.Fprintf(&r.out, \"%s\", line)", StringComparison.Ordinal);
        Read("main.note", field)!.Should().Match<CodeFinding>(x => x.Pattern == SuspectPattern.UnboundedSlice && x.Holds);

        var flushed = src + "\nfunc flush(w io.Writer) {\n\tjournal.WriteTo(w)\n}\n";
        Read("main.note", flushed)!.Holds.Should().BeFalse();

        var local = src.Replace("journal.WriteString(line)", "var b bytes.Buffer\n\tb.WriteString(line)", StringComparison.Ordinal);
        Read("main.note", local).Should().BeNull("a local buffer dies with the call");
    }
    // A stream handler makes a heartbeat ticker and hands it to the goroutine that waits on it: the goroutine's `t` is
    // the caller's `beat`, and only a Stop of `beat` in the caller lets that goroutine's wait end.
    private const string PassedHeartbeat = """
        package main

        import "time"

        type stream struct{ out []byte }

        func (s *stream) pulse(t *time.Ticker) {
            for range t.C { // site
                _ = s.out
            }
        }

        func serve(done chan struct{}) {
            s := &stream{out: make([]byte, 32<<10)}
            beat := time.NewTicker(15 * time.Second)
            //STOP
            go s.pulse(beat)
            <-done
        }

        func main() {
            for {
                done := make(chan struct{})
                close(done)
                serve(done)
            }
        }
        """;

    [Fact]
    public void Read_GoroutineOnATickerParameterItsCallerNeverStops_IsTickerNotStopped()
    {
        var f = Read("main.(*stream).pulse", PassedHeartbeat)!;

        f.Pattern.Should().Be(SuspectPattern.TickerNotStopped);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("nothing stops");
    }

    [Fact]
    public void Read_GoroutineOnATickerParameterItsCallerStops_IsTheLookAlike()
    {
        var f = Read("main.(*stream).pulse", PassedHeartbeat.Replace("//STOP", "defer beat.Stop()", StringComparison.Ordinal))!;

        f.Pattern.Should().Be(SuspectPattern.TickerNotStopped);
        f.Holds.Should().BeFalse(f.Evidence);
        f.Evidence.Should().Contain("stops");
    }
}
