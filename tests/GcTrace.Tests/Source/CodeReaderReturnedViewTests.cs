// A function of the package that returns a slice of its argument (`return p[8:24]`) hands back a view of what it was
// given: called with a whole buffer, its result pins that buffer wherever it is kept, and a fixed-size array ring
// bounds only how many such views are kept. A copy (strings.Clone, append([]byte(nil), ...)) pins nothing. Likewise a
// value a sync.Pool handed out, stored itself in a long-lived container, never goes back to the pool.
using GcTrace.Events;

namespace GcTrace.Tests.Source;

public class CodeReaderReturnedViewTests
{
    private const string Ring = """
        package main

        import "io"

        type slot struct {
            tag []byte
            n   int
        }

        type board struct {
            slots [512]slot
            at    int
        }

        func (b *board) post(s slot) {
            b.slots[b.at%len(b.slots)] = s
            b.at++
        }

        var recent = &board{}

        func tagOf(p []byte) []byte {
            return p[8:24]
        }

        func ingest(r io.Reader) {
            pkt := make([]byte, 32<<10) // site
            io.ReadFull(r, pkt)
            recent.post(slot{tag: tagOf(pkt), n: len(pkt)})
        }

        func main() {
            ingest(nil)
        }
        """;

    [Fact]
    public void Read_HelpersViewKeptInAFixedArrayRing_PinsTheBuffer()
    {
        var f = CodeReaderTests.Read("main.ingest", Ring)!;

        f.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer, f.Evidence);
        f.Holds.Should().BeTrue();
        f.Evidence.Should().Contain("sub-slice of `pkt`").And.Contain("`b.slots[b.at%len(b.slots)] = s`").And.Contain("fixed-size array `slots`");
    }

    [Fact]
    public void Read_HelpersViewCopiedBeforeTheRing_IsNoPin()
    {
        var copied = Ring.Replace("tag: tagOf(pkt)", "tag: append([]byte(nil), tagOf(pkt)...)", StringComparison.Ordinal);
        copied.Should().Contain("append([]byte(nil), tagOf(pkt)...)");

        CodeReaderTests.Read("main.ingest", copied)?.Pattern.Should().NotBe(SuspectPattern.SubslicePinsBuffer);
    }

    [Fact]
    public void Read_HelperThatCopiesWhatItCuts_IsNoPin()
    {
        var copying = Ring.Replace("return p[8:24]", "return append([]byte(nil), p[8:24]...)", StringComparison.Ordinal);
        copying.Should().Contain("return append([]byte(nil), p[8:24]...)");

        CodeReaderTests.Read("main.ingest", copying)?.Pattern.Should().NotBe(SuspectPattern.SubslicePinsBuffer);
    }

    private const string Substring = """
        package main

        import "strings"

        type index struct {
            ids   map[string]bool
            order []string
        }

        var ix = &index{ids: map[string]bool{}}

        func (x *index) keep(id string) {
            x.ids[id] = true
            x.order = append(x.order, id)
            if len(x.order) > 1000 {
                delete(x.ids, x.order[0])
                x.order = x.order[1:]
            }
        }

        func idOf(s string) (string, bool) {
            i := strings.Index(s, "id=")
            if i < 0 {
                return "", false
            }
            return s[i+3 : i+19], true
        }

        func scan(raw []byte) {
            text := string(raw) // site
            if id, ok := idOf(text); ok {
                ix.keep(id)
            }
        }

        func main() {
            scan(nil)
        }
        """;

    [Fact]
    public void Read_SubstringReturnedByAHelperKeptInABoundedIndex_PinsTheFreshString()
    {
        var f = CodeReaderTests.Read("main.scan", Substring)!;

        f.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer, f.Evidence);
        f.Holds.Should().BeTrue();
        f.Evidence.Should().Contain("sub-slice of `text`");
    }

    [Fact]
    public void Read_SubstringClonedBeforeItIsKept_IsNoPin()
    {
        var cloned = Substring.Replace("ix.keep(id)", "ix.keep(strings.Clone(id))", StringComparison.Ordinal);
        cloned.Should().Contain("strings.Clone(id)");

        CodeReaderTests.Read("main.scan", cloned)?.Pattern.Should().NotBe(SuspectPattern.SubslicePinsBuffer);
    }

    private const string Pooled = """
        package main

        import (
            "bytes"
            "sync"
        )

        type held struct {
            id  int
            out *bytes.Buffer
        }

        type Encoder struct {
            scratch sync.Pool
            kept    []held
            n       int
        }

        func (e *Encoder) Encode(v string) []byte {
            e.n++
            b, _ := e.scratch.Get().(*bytes.Buffer)
            if b == nil {
                b = bytes.NewBuffer(make([]byte, 0, 16<<10)) // site
            }
            b.Reset()
            if _, err := b.WriteString(v); err != nil {
                e.scratch.Put(b)
                return nil
            }
            if len(v) > 100 && len(e.kept) < 5000 {
                e.kept = append(e.kept, held{id: e.n, out: b})
                return nil
            }
            res := append([]byte(nil), b.Bytes()...)
            e.scratch.Put(b)
            return res
        }

        var enc = &Encoder{}

        func main() {
            enc.Encode("x")
        }
        """;

    [Fact]
    public void Read_PooledBufferKeptInACappedSlice_IsPoolMisuse()
    {
        var f = CodeReaderTests.Read("main.(*Encoder).Encode", Pooled)!;

        f.Pattern.Should().Be(SuspectPattern.SyncPoolMisuse, f.Evidence);
        f.Holds.Should().BeTrue();
        f.Evidence.Should().Contain("keeps `b`, which the sync.Pool `scratch` handed out");
    }

    [Fact]
    public void Read_PooledBufferCopiedOutAndPutBack_IsNoPoolMisuse()
    {
        var copied = Pooled.Replace("held{id: e.n, out: b})", "held{id: e.n, out: bytes.NewBuffer(append([]byte(nil), b.Bytes()...))})\n        e.scratch.Put(b)", StringComparison.Ordinal);
        copied.Should().Contain("out: bytes.NewBuffer(append([]byte(nil), b.Bytes()...))");

        var f = CodeReaderTests.Read("main.(*Encoder).Encode", copied);
        (f is { Pattern: SuspectPattern.SyncPoolMisuse, Holds: true }).Should().BeFalse(f?.Evidence);
    }
}
