// CodeReader on small Go programs: each pattern's shape is named, and its look-alike twin is not.
using GcTrace.Events;
using GcTrace.Source;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Source;

public class CodeReaderTests
{
    private const string Path = "/build/app/main.go";

    // The frame's line is the line marked "// site" in the snippet; its function is given by name.
    internal static CodeFinding? Read(string function, string source, params (string Path, string Text)[] more)
    {
        var files = new Dictionary<string, string> { [Path] = source };
        foreach (var (p, t) in more)
        {
            files[p] = t;
        }

        var line = Array.FindIndex(source.Split('\n'), l => l.Contains("// site", StringComparison.Ordinal)) + 1;
        line.Should().BePositive("the snippet marks its site");
        var reader = new CodeReader(SourceLocator.RecordedPathsOnly(new InMemorySourceFiles(files)));
        return reader.Read([new CodeFrame(function, Path, line)]);
    }

    private const string MapLeak = """
        package main

        var cache = map[string][]byte{}

        func cacheResult(key string) {
            v := make([]byte, 5<<10) // site
            v[0] = 1
            cache[key] = v
        }
        """;

    [Fact]
    public void Read_AssignIntoPackageMapNeverDeleted_IsUnboundedMap()
    {
        var f = Read("main.cacheResult", MapLeak)!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedMap);
        f.Holds.Should().BeTrue();
        f.Line.Should().Be(8);
        f.Evidence.Should().Be("main.go:8 `cache[key] = v` assigns into the package-level map `cache`, which nothing deletes from");
    }

    [Fact]
    public void Read_MapWithDeleteInAnotherFileOfThePackage_IsALookAlike()
    {
        var evict = "package main\n\nfunc evict(k string) {\n\tdelete(cache, k)\n}\n";

        var f = Read("main.cacheResult", MapLeak, ("/build/app/evict.go", evict))!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedMap);
        f.Holds.Should().BeFalse();
        f.Evidence.Should().Contain("evict.go:4 (`delete(cache, k)`) deletes from");
    }

    [Fact]
    public void Read_MapInAnotherPackageDirectory_DoesNotCountItsDelete()
    {
        var other = "package other\n\nfunc evict(k string) {\n\tdelete(cache, k)\n}\n";

        Read("main.cacheResult", MapLeak, ("/build/other/evict.go", other))!.Holds.Should().BeTrue();
    }

    [Fact]
    public void Read_StructFieldMapOnAMethod_IsUnboundedMapUnlessDeleted()
    {
        var src = """
            package main

            type store struct {
                items map[int][]byte
            }

            func (s *store) put(id int, b []byte) {
                s.items[id] = b // site
            }
            """;

        Read("main.(*store).put", src)!.Should().Match<CodeFinding>(f => f.Pattern == SuspectPattern.UnboundedMap && f.Holds);
        Read("main.(*store).put", src + "\nfunc (s *store) drop(id int) { delete(s.items, id) }\n")!.Holds.Should().BeFalse();
    }

    [Fact]
    public void Read_AppendToPackageSlice_IsUnboundedSliceUnlessTruncated()
    {
        var src = """
            package main

            var history []record

            func audit(r record) {
                history = append(history, r) // site
            }
            """;

        var f = Read("main.audit", src)!;
        f.Pattern.Should().Be(SuspectPattern.UnboundedSlice);
        f.Holds.Should().BeTrue();
        f.Evidence.Should().Be("main.go:6 `history = append(history, r)` appends to the package-level slice `history`, which is never truncated");

        var ring = src + "\nfunc trim() {\n\tif len(history) > 100 {\n\t\thistory = history[1:]\n\t}\n}\n";
        Read("main.audit", ring)!.Should().Match<CodeFinding>(x => x.Pattern == SuspectPattern.UnboundedSlice && !x.Holds);
    }

    [Fact]
    public void Read_FuncLiteralAppendedToPackageSlice_IsClosureCapture()
    {
        var src = """
            package main

            var hooks []func()

            func registerCallback(n int) {
                buf := make([]byte, 32<<10) // site
                hooks = append(hooks, func() { _ = buf[n] })
            }
            """;

        var f = Read("main.registerCallback", src)!;
        f.Pattern.Should().Be(SuspectPattern.ClosureCapture);
        f.Holds.Should().BeTrue();

        var viaLocal = src.Replace("hooks = append(hooks, func() { _ = buf[n] })", "h := func() { _ = buf[n] }\n\thooks = append(hooks, h)", StringComparison.Ordinal);
        Read("main.registerCallback", viaLocal)!.Pattern.Should().Be(SuspectPattern.ClosureCapture);

        var unregistered = src + "\nfunc reset() { hooks = nil }\n";
        Read("main.registerCallback", unregistered)!.Holds.Should().BeFalse();
    }

    [Fact]
    public void Read_TickerWithoutStop_IsTickerNotStopped()
    {
        var src = """
            package main

            import "time"

            func pollLoop(c *conn) {
                t := time.NewTicker(time.Second)
                status := make([]byte, 16<<10) // site
                for range t.C {
                    c.poll(status)
                }
            }
            """;

        var f = Read("main.pollLoop", src)!;
        f.Pattern.Should().Be(SuspectPattern.TickerNotStopped);
        f.Holds.Should().BeTrue();
        f.Evidence.Should().Contain("never stopped (no `t.Stop()` in main.pollLoop)");

        var stopped = src.Replace("status := make", "defer t.Stop()\n\tstatus := make", StringComparison.Ordinal);
        Read("main.pollLoop", stopped)!.Should().Match<CodeFinding>(x => x.Pattern == SuspectPattern.TickerNotStopped && !x.Holds);
    }

    [Fact]
    public void Read_TimeAfterInALoop_IsTimerNotStopped_ButNotOutsideOne()
    {
        var src = """
            package main

            import "time"

            func consume(ch chan []byte) {
                for {
                    select {
                    case b := <-ch: // site
                        use(b)
                    case <-time.After(time.Minute):
                        return
                    }
                }
            }
            """;

        var f = Read("main.consume", src)!;
        f.Pattern.Should().Be(SuspectPattern.TimerNotStopped);
        f.Holds.Should().BeTrue();

        var once = """
            package main

            import "time"

            func consume(ch chan []byte) {
                select {
                case b := <-ch: // site
                    use(b)
                case <-time.After(time.Minute):
                }
            }
            """;
        Read("main.consume", once).Should().BeNull();
    }

    [Fact]
    public void Read_NewTimerStoppedOrNot()
    {
        var src = """
            package main

            import "time"

            func wait(ch chan int) {
                t := time.NewTimer(time.Hour) // site
                select {
                case <-ch:
                case <-t.C:
                }
            }
            """;

        Read("main.wait", src)!.Should().Match<CodeFinding>(x => x.Pattern == SuspectPattern.TimerNotStopped && x.Holds);
        Read("main.wait", src.Replace("select {", "defer t.Stop()\n\tselect {", StringComparison.Ordinal))!.Holds.Should().BeFalse();
    }

    [Fact]
    public void Read_ContextCancelDropped_IsContextNotCancelled()
    {
        var src = """
            package main

            import "context"

            func handle(parent context.Context, id int) {
                ctx, _ := context.WithCancel(parent)
                ctx = context.WithValue(ctx, key, make([]byte, 8<<10)) // site
                work(ctx)
            }
            """;

        var f = Read("main.handle", src)!;
        f.Pattern.Should().Be(SuspectPattern.ContextNotCancelled);
        f.Holds.Should().BeTrue();
        f.Evidence.Should().StartWith("main.go:6 `ctx, _ := context.WithCancel(parent)` drops the cancel function");

        var cancelled = src.Replace("ctx, _ := context.WithCancel(parent)", "ctx, cancel := context.WithTimeout(parent, time.Second)\n\tdefer cancel()", StringComparison.Ordinal);
        Read("main.handle", cancelled)!.Should().Match<CodeFinding>(x => x.Pattern == SuspectPattern.ContextNotCancelled && !x.Holds);
    }

    [Fact]
    public void Read_ResponseBodyNotClosed_IsUnclosedResource()
    {
        var src = """
            package main

            import "net/http"

            func fetchStatus(url string) int {
                resp, err := http.Get(url) // site
                if err != nil {
                    return 0
                }
                return resp.StatusCode
            }
            """;

        var f = Read("main.fetchStatus", src)!;
        f.Pattern.Should().Be(SuspectPattern.UnclosedResource);
        f.Holds.Should().BeTrue();
        f.Evidence.Should().Contain("no `resp.Body.Close()` in main.fetchStatus");

        var closed = src.Replace("return resp.StatusCode", "defer resp.Body.Close()\n\treturn resp.StatusCode", StringComparison.Ordinal);
        Read("main.fetchStatus", closed)!.Holds.Should().BeFalse();
    }

    // src17_upload_status (held out, after its blind pass): the status check returns above the deferred close.
    [Fact]
    public void Read_CloseBelowAnEarlyReturn_IsUnclosedOnThatPath_UnlessTheReturnClosesFirst()
    {
        var src = """
            package main

            import (
                "errors"
                "net/http"
            )

            func ship(client *http.Client, req *http.Request) error {
                resp, err := client.Do(req) // site
                if err != nil {
                    return err
                }
                if resp.StatusCode != http.StatusAccepted {
                    return errors.New(resp.Status)
                }
                defer resp.Body.Close()
                return nil
            }
            """;

        var f = Read("main.ship", src)!;
        f.Pattern.Should().Be(SuspectPattern.UnclosedResource);
        f.Holds.Should().BeTrue("the early return on a refused status leaves the body open");
        f.Evidence.Should().Contain("but only after main.go:14 (`return errors.New(resp.Status)`) returns without closing it");

        var closedFirst = src.Replace("return errors.New(resp.Status)", "resp.Body.Close()\n\t\treturn errors.New(resp.Status)", StringComparison.Ordinal);
        Read("main.ship", closedFirst)!.Holds.Should().BeFalse("the refused path closes the body before it returns");
    }

    [Fact]
    public void Read_FileOpenedAndReturned_LeavesTheDecisionToTheCaller()
    {
        var src = """
            package main

            import "os"

            func open(p string) *os.File {
                f, _ := os.Open(p) // site
                return f
            }
            """;

        Read("main.open", src).Should().BeNull();
        Read("main.open", src.Replace("return f", "_ = f.Name()\n\treturn nil", StringComparison.Ordinal))!
            .Should().Match<CodeFinding>(x => x.Pattern == SuspectPattern.UnclosedResource && x.Holds);
    }

    [Fact]
    public void Read_SubSliceKeptInPackageMap_IsSubslicePinsBuffer_ButACopyIsNot()
    {
        var src = """
            package main

            var keep = map[int][]byte{}
            var seen = 0

            func index(id int) {
                buf := make([]byte, 64<<10) // site
                fill(buf)
                keep[id] = buf[:16]
                if len(keep) > 100 {
                    delete(keep, id-100)
                }
            }
            """;

        var f = Read("main.index", src)!;
        f.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer);
        // The delete bounds how many entries stay, not that each pins 64 KiB: where the heap grows, this is why.
        f.Holds.Should().BeTrue();
        f.Evidence.Should().Contain("even though main.go:11 (`delete(keep, id-100)`) removes from it, each kept slice pins the whole backing array of `buf`");
        Read("main.index", src.Replace("delete(keep, id-100)", "seen++", StringComparison.Ordinal))!
            .Should().Match<CodeFinding>(x => x.Pattern == SuspectPattern.SubslicePinsBuffer && x.Holds);

        var copied = src.Replace("keep[id] = buf[:16]", "keep[id] = bytes.Clone(buf[:16])", StringComparison.Ordinal)
            .Replace("delete(keep, id-100)", "seen++", StringComparison.Ordinal);
        Read("main.index", copied)!.Pattern.Should().Be(SuspectPattern.UnboundedMap, "a copy pins nothing, but the map still only grows");
    }

    [Fact]
    public void Read_PoolGetWithoutPut_IsSyncPoolMisuse()
    {
        var src = """
            package main

            import "sync"

            var bufPool = sync.Pool{New: func() any { return make([]byte, 64<<10) }}

            func handle() {
                b := bufPool.Get().([]byte) // site
                use(b)
            }
            """;

        Read("main.handle", src)!.Should().Match<CodeFinding>(x => x.Pattern == SuspectPattern.SyncPoolMisuse && x.Holds);
        Read("main.handle", src.Replace("use(b)", "use(b)\n\tbufPool.Put(b)", StringComparison.Ordinal))!.Holds.Should().BeFalse();
    }

    [Fact]
    public void Read_GoLiteralParkedOnSend_IsGoroutineLeak_AndADoneCaseIsNot()
    {
        var src = """
            package main

            func spawnWaiter(id int) {
                ch := make(chan []byte)
                go func() {
                    buf := make([]byte, 16<<10) // site
                    ch <- buf
                }()
                select {
                case <-ch:
                case <-time.After(time.Millisecond):
                }
            }
            """;

        var f = Read("main.spawnWaiter.func1", src)!;
        f.Pattern.Should().Be(SuspectPattern.GoroutineLeak);
        f.Holds.Should().BeTrue();
        f.Line.Should().Be(7);
        f.Evidence.Should().Contain("started at main.go:5 (`go func() {`) on a send");

        var withDone = src.Replace("ch <- buf", "select {\n\t\tcase ch <- buf:\n\t\tcase <-done:\n\t\t}", StringComparison.Ordinal)
            .Replace("ch := make(chan []byte)", "ch := make(chan []byte)\n\tdone := make(chan struct{})\n\tdefer close(done)", StringComparison.Ordinal);
        Read("main.spawnWaiter.func1", withDone)!.Holds.Should().BeFalse();

        // A done channel nothing closes is no way out, whatever its name.
        var neverClosed = withDone.Replace("defer close(done)", string.Empty, StringComparison.Ordinal);
        Read("main.spawnWaiter.func1", neverClosed)!.Holds.Should().BeTrue();
    }

    [Fact]
    public void Read_NoFile_IsNull_AndTheLeafFrameDecidesBeforeItsCaller()
    {
        var reader = new CodeReader(SourceLocator.RecordedPathsOnly(new InMemorySourceFiles([])));
        reader.Read([new CodeFrame("main.f", "/nowhere/main.go", 3)]).Should().BeNull();

        var src = """
            package main

            var cache = map[int][]byte{}
            var log []int

            func store(id int) {
                cache[id] = render(id) // site
            }

            func main() {
                for i := 0; ; i++ {
                    log = append(log, i)
                    store(i)
                }
            }
            """;
        var files = new InMemorySourceFiles(new() { [Path] = src });
        var path = new List<CodeFrame> { new("main.store", Path, 7), new("main.main", Path, 13) };
        new CodeReader(SourceLocator.RecordedPathsOnly(files)).Read(path)!.Pattern.Should().Be(SuspectPattern.UnboundedMap);
    }

    [Fact]
    public void Read_FileKeptInAPackageMap_IsNamedByTheMissingClose()
    {
        var src = """
            package main

            var sessions = map[int]*session{}

            func openSession(id int, path string) {
                f, err := os.Open(path)
                if err != nil {
                    return
                }
                r := bufio.NewReaderSize(f, 32<<10) // site
                sessions[id] = &session{f: f, r: r}
            }
            """;

        Read("main.openSession", src)!.Should().Match<CodeFinding>(x => x.Pattern == SuspectPattern.UnclosedResource && x.Holds && x.Line == 6);

        var closedOnEviction = src.Replace("sessions[id] = &session{f: f, r: r}", "sessions[id] = &session{f: f, r: r}\n\tif old, ok := sessions[id-64]; ok {\n\t\told.f.Close()\n\t\tdelete(sessions, id-64)\n\t}", StringComparison.Ordinal);
        var twin = Read("main.openSession", closedOnEviction)!;
        twin.Holds.Should().BeFalse();
    }

    [Fact]
    public void Read_SendOnABufferedChannel_IsALookAlike_AndRangeOverAnUnclosedChannelParks()
    {
        var src = """
            package main

            func callBackend(id int) <-chan []byte {
                result := make(chan []byte, 1)
                go func() {
                    resp := make([]byte, 16<<10) // site
                    result <- resp
                }()
                return result
            }
            """;

        Read("main.callBackend.func1", src)!.Should().Match<CodeFinding>(x => x.Pattern == SuspectPattern.GoroutineLeak && !x.Holds);
        Read("main.callBackend.func1", src.Replace("chan []byte, 1)", "chan []byte)", StringComparison.Ordinal))!.Holds.Should().BeTrue();

        var subscriber = """
            package main

            func subscribe(id int) {
                events := make(chan string)
                state := make([]byte, 4<<10) // site
                go func() {
                    for ev := range events {
                        state[0] = ev[0]
                    }
                }()
            }
            """;
        var f = Read("main.subscribe", subscriber)!;
        f.Should().Match<CodeFinding>(x => x.Pattern == SuspectPattern.GoroutineLeak && x.Holds && x.Line == 7);
        f.Evidence.Should().Contain("which nothing closes");
    }

    [Fact]
    public void GoStatement_LiteralOrNamedEntry_IsTheGoLine()
    {
        var src = """
            package main

            func callBackend(id int) {
                go func() {
                    ch <- id
                }()
            }

            func accept(id int) {
                go pollLoop(id)
            }

            func pollLoop(id int) {
                select {}
            }
            """;
        var reader = new CodeReader(SourceLocator.RecordedPathsOnly(new InMemorySourceFiles(new() { [Path] = src })));

        reader.GoStatement([new CodeFrame("main.callBackend.func1", Path, 5)]).Should().Be(new CodeFrame("main.callBackend", Path, 4));
        reader.GoStatement([new CodeFrame("main.pollLoop", Path, 14)]).Should().Be(new CodeFrame("main.accept", Path, 10));
    }

    [Theory]
    [InlineData("main.spawnWaiter.func1.2", "main.spawnWaiter")]
    [InlineData("example.com/app/internal/cache.(*LRU).Put.func3", "example.com/app/internal/cache.(*LRU).Put")]
    [InlineData("main.functional", "main.functional")]
    public void Enclosing_StripsFuncLiteralSuffixes(string function, string expected) =>
        CodeReader.Enclosing(function).Should().Be(expected);

    private const string SyncMapField = """
        package main

        import "sync"

        type cache struct {
            entries sync.Map
        }

        var c = &cache{}

        func put(k string) {
            v := make([]byte, 4096) // site
            c.entries.Store(k, v)
        }
        """;

    [Fact]
    public void Read_StoreIntoASyncMapField_IsUnboundedMap_AndItsDeleteMakesALookAlike()
    {
        var f = Read("main.put", SyncMapField)!;
        var evicted = Read("main.put", SyncMapField, ("/build/app/evict.go", "package main\n\nfunc evict(k string) {\n\tc.entries.Delete(k)\n}\n"))!;

        (f.Pattern, f.Holds).Should().Be((SuspectPattern.UnboundedMap, true));
        f.Evidence.Should().Contain("the field `c.entries`");
        (evicted.Pattern, evicted.Holds).Should().Be((SuspectPattern.UnboundedMap, false));
    }

    [Fact]
    public void Read_LocalMapCapturedByAHandlerLiteral_IsUnboundedMap()
    {
        const string source = """
            package main

            import "net/http"

            func main() {
                seen := map[string][]byte{}
                http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
                    body := make([]byte, 4096) // site
                    seen[r.URL.Path] = body
                })
            }
            """;

        var f = Read("main.main.func1", source)!;

        (f.Pattern, f.Holds).Should().Be((SuspectPattern.UnboundedMap, true));
        f.Evidence.Should().Contain("the map `seen` captured by the func literal that writes it, which nothing deletes from");
    }

    [Fact]
    public void Read_LocalMapFilledInALoopAndReturned_IsNoPattern()
    {
        const string source = """
            package main

            func collect(n int) map[int][]byte {
                out := map[int][]byte{}
                for i := 0; i < n; i++ {
                    out[i] = make([]byte, 10) // site
                }
                return out
            }
            """;

        Read("main.collect", source).Should().BeNull();
    }
}
