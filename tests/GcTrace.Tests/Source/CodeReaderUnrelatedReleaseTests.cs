// Which finding becomes the evidence: a release (a stopped ticker, a closed file) of an object the site's value does not
// come from says nothing about why the site grows; a number computed from a buffer is no view of it; a value closed on
// one path but returned past on another is left open.
using GcTrace.Events;
using GcTrace.Source;

namespace GcTrace.Tests.Source;

public class CodeReaderUnrelatedReleaseTests
{
    // A worker loop owns a ticker it stops by defer and calls the work; the shards are built once, in a setup loop of
    // main, and each add stores a record in its shard's map, which nothing deletes from.
    private const string Shards = """
        package main

        import "time"

        type Rec struct {
            data [2048]byte
        }

        type Shard struct {
            entries map[int]*Rec
        }

        func (s *Shard) add(k int) {
            r := &Rec{} // site
            s.entries[k] = r
        }

        func (s *Shard) size() int {
            return len(s.entries)
        }

        func run(work func()) {
            t := time.NewTicker(time.Millisecond)
            defer t.Stop()
            for range t.C {
                work() // call work
            }
        }

        func main() {
            shards := make([]*Shard, 4)
            for i := range shards {
                shards[i] = &Shard{entries: map[int]*Rec{}}
            }
            n := 0
            run(func() { // run loop
                n++
                shards[n%4].add(n) // call add
            })
        }
        """;

    private static CodeFinding? ReadShards(string source) => CodeReaderOwnershipTests.Read(source,
        ("main.(*Shard).add", "// site"), ("main.main.func1", "// call add"), ("main.run", "// call work"), ("main.main", "// run loop"));

    [Fact]
    public void Read_MapOfAValueMainBuildsInASetupLoop_IsLongLivedAndItsStoreIsTheEvidence()
    {
        var f = ReadShards(Shards)!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedMap, f.Evidence);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("s.entries[k] = r");
    }

    [Fact]
    public void Read_DriverLoopsOwnStoppedTicker_IsNeverTheLookAlike()
    {
        // The twin deletes: the map is the look-alike; the driver's ticker is a different object and says nothing.
        var twin = Shards.Replace("return len(s.entries)", "delete(s.entries, 0)\n    return len(s.entries)", StringComparison.Ordinal)
            .Replace("n++\n", "n++\n        shards[n%4].size()\n", StringComparison.Ordinal);
        twin.Should().Contain("delete(s.entries, 0)");

        var f = ReadShards(twin)!;

        f.Holds.Should().BeFalse(f.Evidence);
        f.Pattern.Should().Be(SuspectPattern.UnboundedMap, f.Evidence);
        f.Evidence.Should().NotContain("NewTicker");
    }

    [Fact]
    public void Read_ValuePerPassOfTheWorkLoopInMain_IsStillPerCall()
    {
        // Built inside the loop that runs the call, each pass makes a new shard: its map dies with it.
        var perPass = Shards.Replace("shards[n%4].add(n) // call add", "s := &Shard{entries: map[int]*Rec{}}\n        s.add(n) // call add", StringComparison.Ordinal);

        var f = ReadShards(perPass);

        (f is { Holds: true, Pattern: SuspectPattern.UnboundedMap }).Should().BeFalse(f?.Evidence);
    }

    // A log tailer opens each segment, closes it by defer, reads it into a fresh buffer and keeps the buffer's first
    // line (cut by a helper) in a fixed ring of recent heads.
    private const string Tailer = """
        package main

        import (
            "bytes"
            "io"
            "os"
        )

        type head struct {
            seg  int
            line []byte
        }

        type Tail struct {
            recent [256]head
            at     int
        }

        func firstLine(b []byte) []byte {
            if i := bytes.IndexByte(b, '\n'); i >= 0 {
                return b[:i]
            }
            return b
        }

        func (t *Tail) load(name string, seg int) error {
            f, err := os.Open(name)
            if err != nil {
                return err
            }
            defer f.Close()
            buf := make([]byte, 1<<15) // site
            if _, err := io.ReadFull(f, buf); err != nil {
                return err
            }
            l := firstLine(buf)
            t.recent[t.at%len(t.recent)] = head{seg: seg, line: l}
            t.at++
            return nil
        }
        """;

    [Fact]
    public void Read_ViewKeptInAFixedRingBesideAClosedFile_PinsTheBuffer()
    {
        var f = CodeReaderTests.Read("main.(*Tail).load", Tailer)!;

        f.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer, f.Evidence);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("fixed-size array `recent`");
    }

    [Fact]
    public void Read_CopiedHeadBesideAClosedFile_IsNoView()
    {
        var copied = Tailer.Replace("l := firstLine(buf)", "l := append([]byte(nil), firstLine(buf)...)", StringComparison.Ordinal);

        var f = CodeReaderTests.Read("main.(*Tail).load", copied);

        (f?.Pattern).Should().NotBe(SuspectPattern.SubslicePinsBuffer, f?.Evidence);
        (f?.Holds ?? false).Should().BeFalse(f?.Evidence);
    }

    private const string Counts = """
        package main

        import "bytes"

        var sizes = map[string]int{}

        func countLines(b []byte) int {
            return bytes.Count(b, []byte("\n"))
        }

        func measure(name string, n int) {
            buf := make([]byte, 1<<16) // site
            sizes[name] = bytes.Count(buf[:n], []byte("\n"))
        }
        """;

    [Fact]
    public void Read_CountOfABuffer_IsNoView()
    {
        var f = CodeReaderTests.Read("main.measure", Counts)!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedMap, f.Evidence);
    }

    [Fact]
    public void Read_ProgramHelperReturningAnInt_IsNoView()
    {
        var f = CodeReaderTests.Read("main.measure", Counts.Replace("bytes.Count(buf[:n], []byte(\"\\n\"))", "countLines(buf[:n])", StringComparison.Ordinal))!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedMap, f.Evidence);
    }

    [Fact]
    public void Read_TrimmedBuffer_IsStillAView()
    {
        var trimmed = Counts.Replace("map[string]int", "map[string][]byte", StringComparison.Ordinal)
            .Replace("bytes.Count(buf[:n], []byte(\"\\n\"))", "bytes.TrimSpace(buf[:n])", StringComparison.Ordinal);

        var f = CodeReaderTests.Read("main.measure", trimmed)!;

        f.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer, f.Evidence);
    }

    // A session pool registers each session until Close; serve closes it at the end, but one early return skips it.
    private const string Sessions = """
        package main

        import "errors"

        type session struct {
            buf []byte
            p   *Pool
        }

        type Pool struct {
            live map[*session]bool
        }

        func (p *Pool) acquire() *session {
            s := &session{buf: make([]byte, 1<<16), p: p} // site
            p.live[s] = true
            return s
        }

        func (s *session) Close() {
            delete(s.p.live, s)
        }

        func (p *Pool) serve(q int) error {
            s := p.acquire() // call
            if q < 0 {
                return errors.New("negative query")
            }
            s.buf[0] = byte(q)
            s.Close()
            return nil
        }
        """;

    private static CodeFinding? ReadSessions(string source) => CodeReaderOwnershipTests.Read(source,
        ("main.(*Pool).acquire", "// site"), ("main.(*Pool).serve", "// call"));

    [Fact]
    public void Read_EarlyReturnBeforeTheClose_LeavesTheValueOpen()
    {
        var f = ReadSessions(Sessions)!;

        f.Pattern.Should().Be(SuspectPattern.UnclosedResource, f.Evidence);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("return errors.New(\"negative query\")");
    }

    [Fact]
    public void Read_ClosedOnEveryPath_IsNotLeftOpen()
    {
        var f = ReadSessions(Sessions.Replace("s := p.acquire() // call", "s := p.acquire() // call\n    defer s.Close()", StringComparison.Ordinal)
            .Replace("    s.Close()\n", string.Empty, StringComparison.Ordinal));

        (f is { Holds: true, Pattern: SuspectPattern.UnclosedResource }).Should().BeFalse(f?.Evidence);
    }
}
