// CodeReader rules from the second held-out batch (src6_): who owns a container, who calls a release, who keeps a
// callback or a view. Each rule is shown on a leak and on the look-alike that is not one.
using GcTrace.Events;
using GcTrace.Source;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Source;

public class CodeReaderOwnershipTests
{
    private const string Path = "/build/app/main.go";

    // Frames are given leaf first as (function, text marking the frame's line).
    internal static CodeFinding? Read(string source, params (string Function, string Marker)[] frames)
    {
        var lines = source.Split('\n');
        var path = frames.Select(f =>
        {
            var line = Array.FindIndex(lines, l => l.Contains(f.Marker, StringComparison.Ordinal)) + 1;
            line.Should().BePositive($"the snippet has `{f.Marker}`");
            return new CodeFrame(f.Function, Path, line);
        }).ToList();
        var reader = new CodeReader(SourceLocator.RecordedPathsOnly(new InMemorySourceFiles(new Dictionary<string, string> { [Path] = source })));
        return reader.Read(path);
    }

    private const string Span = """
        package main

        import (
            "context"
            "errors"
            "time"
        )

        type span struct {
            attrs []byte
        }

        func (s *span) set(k string) {
            s.attrs = append(s.attrs, k...)
        }

        type operation struct {
            ctx    context.Context
            cancel context.CancelFunc
            span   *span
        }

        func (op *operation) abort() {
            op.cancel()
        }

        func (op *operation) finish() {
            op.cancel()
        }

        var root = context.Background()

        func begin() *operation {
            sp := &span{attrs: make([]byte, 0, 32<<10)}
            ctx := context.WithValue(root, "span", sp)
            ctx, cancel := context.WithDeadline(ctx, time.Now().Add(time.Hour))
            return &operation{ctx: ctx, cancel: cancel, span: sp}
        }

        func handle(fail bool) error {
            op := begin()
            op.span.set("sku")
            if fail {
                op.abort()
                return errors.New("failed")
            }
            RELEASE
            return nil
        }

        func main() {
            for i := 0; i < 10; i++ {
                _ = handle(i%7 == 0)
            }
        }
        """;

    [Fact]
    public void Read_CancelKeptInAStructAndCalledOnlyByAHelperOnTheErrorPath_IsContextNotCancelled()
    {
        var f = Read(Span.Replace("RELEASE", string.Empty, StringComparison.Ordinal),
            ("main.begin", "sp := &span{"), ("main.handle", "op := begin()"))!;

        f.Pattern.Should().Be(SuspectPattern.ContextNotCancelled);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("called only on the error path").And.Contain("`op.abort()`");
    }

    [Fact]
    public void Read_CancelKeptInAStructAndCalledWhenTheRequestEnds_IsALookAlike()
    {
        var f = Read(Span.Replace("RELEASE", "defer op.finish()", StringComparison.Ordinal),
            ("main.begin", "sp := &span{"), ("main.handle", "op := begin()"))!;

        f.Pattern.Should().Be(SuspectPattern.ContextNotCancelled);
        f.Holds.Should().BeFalse(f.Evidence);
    }

    [Fact]
    public void Read_AppendIntoAFieldOfAValueMadePerCall_IsNotAnUnboundedSlice()
    {
        // The only growth the code shows is the per-request span's own buffer: not a container that outlives the call.
        var src = """
            package main

            type span struct {
                attrs []byte
            }

            func (s *span) set(k string) {
                s.attrs = append(s.attrs, k...)
            }

            func handle() int {
                sp := &span{attrs: make([]byte, 0, 32<<10)}
                sp.set("sku")
                return len(sp.attrs)
            }

            func main() {
                for i := 0; i < 10; i++ {
                    handle()
                }
            }
            """;

        var f = Read(src, ("main.handle", "sp := &span{"));

        (f is { Holds: true, Pattern: SuspectPattern.UnboundedSlice }).Should().BeFalse(f?.Evidence);
    }

    [Fact]
    public void Read_AppendIntoAFieldOfAValueMadeOnceInMain_IsAnUnboundedSlice()
    {
        var src = """
            package main

            type recorder struct {
                events [][]byte
            }

            func (r *recorder) record(e []byte) {
                r.events = append(r.events, e)
            }

            func handle(r *recorder) {
                e := make([]byte, 4<<10)
                r.record(e)
            }

            func main() {
                r := &recorder{}
                for i := 0; i < 10; i++ {
                    handle(r)
                }
            }
            """;

        var f = Read(src, ("main.handle", "e := make("))!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedSlice);
        f.Holds.Should().BeTrue(f.Evidence);
    }

    private const string Hub = """
        package main

        type Handler func(ev []byte)

        type subscription struct {
            fn Handler
        }

        type Hub struct {
            subs map[string][]*subscription
        }

        func (h *Hub) Subscribe(topic string, fn Handler) func() {
            sub := &subscription{fn: fn}
            h.subs[topic] = append(h.subs[topic], sub)
            return func() {
                list := h.subs[topic]
                for i, s := range list {
                    if s == sub {
                        h.subs[topic] = append(list[:i:i], list[i+1:]...)
                        return
                    }
                }
            }
        }

        type Session struct {
            outbox      []byte
            unsubscribe func()
        }

        func (sess *Session) Close() {
            CLOSE
        }

        func open(h *Hub) *Session {
            sess := &Session{outbox: make([]byte, 0, 32<<10)}
            sess.unsubscribe = h.Subscribe("prices", func(ev []byte) {
                sess.outbox = append(sess.outbox, ev...)
            })
            return sess
        }

        func main() {
            h := &Hub{subs: map[string][]*subscription{}}
            for i := 0; i < 10; i++ {
                open(h).Close()
            }
        }
        """;

    [Fact]
    public void Read_CallbackKeptByTheCalleeWhoseRemoverNothingCalls_IsClosureCapture()
    {
        var f = Read(Hub.Replace("CLOSE", "sess.outbox = sess.outbox[:0]", StringComparison.Ordinal), ("main.open", "sess := &Session{"))!;

        f.Pattern.Should().Be(SuspectPattern.ClosureCapture);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("h.subs").And.Contain("returns, which nothing calls");
    }

    [Fact]
    public void Read_CallbackKeptByTheCalleeWhoseRemoverCloseCalls_IsALookAlike()
    {
        var f = Read(Hub.Replace("CLOSE", "sess.unsubscribe()", StringComparison.Ordinal), ("main.open", "sess := &Session{"))!;

        f.Pattern.Should().Be(SuspectPattern.ClosureCapture);
        f.Holds.Should().BeFalse(f.Evidence);
    }

    private const string Header = """
        package main

        import "bytes"

        type Header struct {
            Key   string
            Route []byte
        }

        func parseHeader(frame []byte) Header {
            var h Header
            for _, line := range bytes.Split(frame, []byte{'\n'}) {
                name, value, _ := bytes.Cut(line, []byte{'='})
                if string(name) == "key" {
                    h.Key = string(value)
                } else {
                    h.Route = ROUTE
                }
            }
            return h
        }

        type Cache struct {
            byKey map[string]Header
            order []string
        }

        func (c *Cache) Put(h Header) {
            c.byKey[h.Key] = h
            c.order = append(c.order, h.Key)
            if len(c.order) > 4096 {
                delete(c.byKey, c.order[0])
                c.order = c.order[1:]
            }
        }

        func consume(c *Cache, n int) {
            buf := make([]byte, 64<<10)
            h := parseHeader(buf[:n])
            c.Put(h)
        }

        func main() {
            c := &Cache{byKey: map[string]Header{}}
            for i := 0; i < 10; i++ {
                consume(c, 100)
            }
        }
        """;

    [Fact]
    public void Read_ParsedResultKeepingSubSlicesOfTheBufferKeptByABoundedCache_IsSubslicePinsBuffer()
    {
        var f = Read(Header.Replace("ROUTE", "value", StringComparison.Ordinal), ("main.consume", "buf := make("))!;

        f.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("`buf`").And.Contain("c.byKey[h.Key] = h");
    }

    [Fact]
    public void Read_ParsedResultCopyingOutOfTheBuffer_IsNotSubslicePinsBuffer()
    {
        var f = Read(Header.Replace("ROUTE", "bytes.Clone(value)", StringComparison.Ordinal), ("main.consume", "buf := make("))!;

        f.Pattern.Should().NotBe(SuspectPattern.SubslicePinsBuffer, f.Evidence);
        f.Holds.Should().BeFalse(f.Evidence);
    }

    private const string MethodValue = """
        package main

        type Conn struct {
            inbox []byte
        }

        func (c *Conn) onEvent(ev []byte) {
            c.inbox = append(c.inbox[:0], ev...)
        }

        type Bus struct {
            handlers []func([]byte)
        }

        var bus = &Bus{}

        func accept() {
            c := &Conn{inbox: make([]byte, 0, 32<<10)} // site
            bus.handlers = append(bus.handlers, KEPT)
        }

        func main() {
            for i := 0; i < 10; i++ {
                accept()
            }
        }
        """;

    [Fact]
    public void Read_MethodValueKeptInALongLivedSlice_IsClosureCapture()
    {
        var f = CodeReaderTests.Read("main.accept", MethodValue.Replace("KEPT", "c.onEvent", StringComparison.Ordinal))!;

        f.Pattern.Should().Be(SuspectPattern.ClosureCapture);
        f.Holds.Should().BeTrue(f.Evidence);
    }

    [Fact]
    public void Read_FieldValueKeptInALongLivedSlice_IsNotClosureCapture()
    {
        var src = MethodValue.Replace("handlers []func([]byte)", "handlers [][]byte", StringComparison.Ordinal)
            .Replace("KEPT", "c.inbox", StringComparison.Ordinal);

        var f = CodeReaderTests.Read("main.accept", src)!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedSlice);
        f.Holds.Should().BeTrue(f.Evidence);
    }

    [Fact]
    public void Read_WritesIntoABufferFieldOfAValueMadePerCall_AreNotAnUnboundedSlice()
    {
        var src = """
            package main

            import "bytes"

            type reply struct {
                out bytes.Buffer
            }

            func render(id int) int {
                r := &reply{} // site
                r.out.WriteString("hello")
                return r.out.Len()
            }

            func main() {
                for i := 0; i < 10; i++ {
                    render(i)
                }
            }
            """;

        var f = CodeReaderTests.Read("main.render", src);

        (f is { Holds: true, Pattern: SuspectPattern.UnboundedSlice }).Should().BeFalse(f?.Evidence);
    }

    private const string Ring = """
        package main

        type Event struct {
            Raw []byte
        }

        type Ring struct {
            items []Event
        }

        func (r *Ring) Push(v Event) {
            r.items = append(r.items, v)
        }

        var recent = &Ring{}

        func fill(b []byte) int { return len(b) - 3 }

        func observe() {
            raw := make([]byte, 24<<10) // site
            n := fill(raw)
            recent.Push(Event{Raw: KEPT})
        }

        func main() {
            for i := 0; i < 10; i++ {
                observe()
            }
        }
        """;

    [Fact]
    public void Read_FilledPrefixOfABufferKeptInAnUnboundedSlice_IsUnboundedSlice()
    {
        // raw[:n] is the part a call wrote into raw: it uses the buffer, it does not pin it; the ring only grows.
        var f = CodeReaderTests.Read("main.observe", Ring.Replace("KEPT", "raw[:n]", StringComparison.Ordinal))!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedSlice);
        f.Holds.Should().BeTrue(f.Evidence);
    }

    [Fact]
    public void Read_SmallPieceCutFromABufferKeptInAnUnboundedSlice_IsSubslicePinsBuffer()
    {
        var f = CodeReaderTests.Read("main.observe", Ring.Replace("KEPT", "raw[4:n]", StringComparison.Ordinal))!;

        f.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer);
        f.Holds.Should().BeTrue(f.Evidence);
    }

    [Fact]
    public void Read_ReturnedSliceComputedWithLenOfTheArgument_IsAViewOfTheBuffer()
    {
        var src = Header.Replace("ROUTE", "value", StringComparison.Ordinal).Replace(
            "h := parseHeader(buf[:n])", "t := title(buf[:n])", StringComparison.Ordinal)
            .Replace("c.Put(h)", "c.Put(Header{Key: \"k\", Route: t})", StringComparison.Ordinal)
            + "\nfunc title(page []byte) []byte {\n\tstart := bytes.Index(page, []byte(\"<t>\"))\n\treturn page[start+len(\"<t>\") : start+9]\n}\n";

        var f = Read(src, ("main.consume", "buf := make("))!;

        f.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer, f.Evidence);
        f.Evidence.Should().Contain("`buf`");
    }
}
