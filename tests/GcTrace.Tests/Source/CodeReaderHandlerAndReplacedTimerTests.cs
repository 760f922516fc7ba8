// CodeReader: a container of handler structs grows by the closures in them; a timer stored into a map entry the caller's
// key may already hold replaces the old one unstopped; a long timer's callback is not on the path being read.
using GcTrace.Events;
using GcTrace.Source;

namespace GcTrace.Tests.Source;

public class CodeReaderHandlerAndReplacedTimerTests
{
    private static CodeFinding? Read(string function, string source) => CodeReaderTests.Read(function, source);

    // A lease manager re-arms each tenant's expiry on every renewal; only a revoked tenant's timer is stopped.
    private const string Leases = """
        package main

        import "time"

        type lease struct {
            tenant string
            grant  []byte
        }

        type manager struct {
            expiry map[string]*time.Timer
            expired int
        }

        func (m *manager) renew(req *lease, revoked bool) {
            if revoked {
                if t, ok := m.expiry[req.tenant]; ok {
                    t.Stop()
                }
                delete(m.expiry, req.tenant)
                return
            }
            l := &lease{tenant: req.tenant}
            l.grant = make([]byte, 4<<10) // site
            m.expiry[req.tenant] = time.AfterFunc(15*time.Minute, func() { m.expire(l) })
        }

        func (m *manager) expire(l *lease) { m.expired += len(l.grant) }

        func main() {
            m := &manager{expiry: map[string]*time.Timer{}}
            for i := 0; ; i++ {
                m.renew(&lease{tenant: "t"}, i%100 == 0)
            }
        }
        """;

    [Fact]
    public void Read_TimerReplacedInAnEntryTheCallersKeyHolds_StoppedOnlyWhenRevoked_IsTimerNotStopped()
    {
        var f = Read("main.(*manager).renew", Leases)!;

        f.Pattern.Should().Be(SuspectPattern.TimerNotStopped);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("without stopping the one the entry held").And.Contain("expiry[req.tenant]");
    }

    [Fact]
    public void Read_TimerStoppedBeforeItIsReplaced_IsTheLookAlike()
    {
        var src = Leases.Replace("\tm.expiry[req.tenant] = time.AfterFunc", "\tif old := m.expiry[req.tenant]; old != nil {\n\t\told.Stop()\n\t}\n\tm.expiry[req.tenant] = time.AfterFunc", StringComparison.Ordinal)
            .Replace("    m.expiry[req.tenant] = time.AfterFunc", "    if old := m.expiry[req.tenant]; old != nil {\n        old.Stop()\n    }\n    m.expiry[req.tenant] = time.AfterFunc", StringComparison.Ordinal);
        src.Should().NotBe(Leases);

        var f = Read("main.(*manager).renew", src)!;

        f.Pattern.Should().Be(SuspectPattern.TimerNotStopped);
        f.Holds.Should().BeFalse(f.Evidence);
    }

    [Fact]
    public void Read_TimerStoppedOnRevokeWhoseBranchDoesNotReturn_IsOnThePath_TheLookAlike()
    {
        // Without the return the revoke branch's Stop runs before the store below, for the same key.
        var src = Leases.Replace("        delete(m.expiry, req.tenant)\n        return\n", "        delete(m.expiry, req.tenant)\n", StringComparison.Ordinal);
        src.Should().NotBe(Leases);

        Read("main.(*manager).renew", src)!.Holds.Should().BeFalse();
    }

    [Fact]
    public void Read_TimerUnderAKeyMintedPerCall_StoppedElsewhere_IsTheLookAlike()
    {
        // A sequence number is new on every call: the store never replaces a timer, and the Stop elsewhere is its release.
        var src = Leases.Replace("m.expiry[req.tenant] = time.AfterFunc", "m.expired++\n    seq := fmt.Sprint(m.expired)\n    m.expiry[seq] = time.AfterFunc", StringComparison.Ordinal)
            .Replace("import \"time\"", "import (\n    \"fmt\"\n    \"time\"\n)", StringComparison.Ordinal);

        var f = Read("main.(*manager).renew", src)!;

        f.Pattern.Should().Be(SuspectPattern.TimerNotStopped);
        f.Holds.Should().BeFalse(f.Evidence);
    }

    [Fact]
    public void Read_ReplacedTimerWhoseCallbackCapturesOnlyParameters_IsTheLookAlike()
    {
        // The callback keeps nothing made on this call: a replaced timer is a few hundred bytes, not the site's memory.
        var src = Leases.Replace("func() { m.expire(l) }", "func() { m.expire(req) }", StringComparison.Ordinal);

        Read("main.(*manager).renew", src)!.Holds.Should().BeFalse();
    }

    // A gateway arms an ack timer per message (stopped on ack) whose callback feeds a retry queue drained from the
    // front; the message body goes to a journal map nothing deletes from.
    private const string Gateway = """
        package main

        import "time"

        type gateway struct {
            waiting map[int]*time.Timer
            retry   *queue
            kept    *journal
        }

        type queue struct{ ids []int }

        func (q *queue) push(id int) { q.ids = append(q.ids, id) }

        func (q *queue) pop() int {
            id := q.ids[0]
            q.ids = q.ids[1:]
            return id
        }

        type journal struct{ byID map[int][]byte }

        func (j *journal) keep(id int, body []byte) { j.byID[id] = body }

        func (g *gateway) accept(id int, raw []byte) {
            body := make([]byte, len(raw)) // site
            copy(body, raw)
            g.waiting[id] = time.AfterFunc(2*time.Minute, func() { g.retry.push(id) })
            g.kept.keep(id, body)
        }

        func (g *gateway) ack(id int) {
            if t, ok := g.waiting[id]; ok {
                t.Stop()
                delete(g.waiting, id)
            }
        }

        func main() {
            g := &gateway{waiting: map[int]*time.Timer{}, retry: &queue{}, kept: &journal{byID: map[int][]byte{}}}
            for i := 0; ; i++ {
                g.accept(i, make([]byte, 64))
                g.ack(i)
                g.retry.pop()
            }
        }
        """;

    [Fact]
    public void Read_CallInsideALongTimersCallback_IsNotOnThePath_TheJournalKeepsTheBody()
    {
        var f = Read("main.(*gateway).accept", Gateway)!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedMap);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("j.byID[id] = body");
    }

    [Fact]
    public void Read_CallInsideAShortTimersCallback_RunsWithinTheWindow_AndIsRead()
    {
        // A 50 ms timer fires while memory grows: what its callee keeps counts (here the queue, nearer the site).
        var src = Gateway.Replace("2*time.Minute", "50*time.Millisecond", StringComparison.Ordinal);

        var f = Read("main.(*gateway).accept", src)!;

        f.Evidence.Should().Contain("q.ids = append(q.ids, id)");
    }

    // A plugin host keeps hook structs per stage; a build attaches one whose After literal captures a manifest copy.
    private const string Hooks = """
        package main

        type Build struct{ ID int; Manifest []byte }

        type Hook struct {
            Name   string
            Before func(b *Build)
            After  func(b *Build)
        }

        type Host struct{ byStage map[string][]Hook }

        func (h *Host) Register(stage string, hook Hook) {
            h.byStage[stage] = append(h.byStage[stage], hook)
        }

        func attach(h *Host, b *Build) {
            pinned := make([]byte, len(b.Manifest)) // site
            copy(pinned, b.Manifest)
            h.Register("publish", Hook{
                Name: "signer",
                After: func(done *Build) {
                    _ = pinned[0]
                },
            })
        }

        func lint(b *Build) {}

        func main() {
            h := &Host{byStage: map[string][]Hook{}}
            h.Register("compile", Hook{Name: "lint", Before: lint})
            for i := 0; ; i++ {
                attach(h, &Build{ID: i, Manifest: make([]byte, 64)})
            }
        }
        """;

    [Fact]
    public void Read_HandlerStructsWithCapturingLiteralsKeptPerBuild_IsClosureCapture()
    {
        var f = Read("main.attach", Hooks)!;

        f.Pattern.Should().Be(SuspectPattern.ClosureCapture);
        f.Holds.Should().BeTrue(f.Evidence);
        f.Evidence.Should().Contain("`Hook` structs of func fields");
    }

    [Fact]
    public void Read_HandlerStructsFilledOnlyWithPackageFuncs_StayTheContainersPattern()
    {
        var src = Hooks.Replace("After: func(done *Build) {\n                _ = pinned[0]\n            },", "After: lint,", StringComparison.Ordinal)
            .Replace("After: func(done *Build) {\n            _ = pinned[0]\n        },", "After: lint,", StringComparison.Ordinal);
        src.Should().NotBe(Hooks);

        var f = Read("main.attach", src)!;

        f.Pattern.Should().Be(SuspectPattern.UnboundedMap);
    }

    [Fact]
    public void Read_StructOfFuncsThatAlsoCarriesData_StaysTheContainersPattern()
    {
        // A struct with a slice field keeps that data itself: it is no bundle of callbacks.
        var src = Hooks.Replace("    After  func(b *Build)\n}", "    After  func(b *Build)\n    Input  []byte\n}", StringComparison.Ordinal);
        src.Should().NotBe(Hooks);

        Read("main.attach", src)!.Pattern.Should().Be(SuspectPattern.UnboundedMap);
    }

    [Fact]
    public void Read_HandlerStructsRemovedOnUnregister_IsTheLookAlike()
    {
        var src = Hooks.Replace("func lint(b *Build) {}", "func lint(b *Build) {}\n\nfunc (h *Host) Clear(stage string) { delete(h.byStage, stage) }", StringComparison.Ordinal)
            .Replace("attach(h, &Build{ID: i, Manifest: make([]byte, 64)})", "attach(h, &Build{ID: i, Manifest: make([]byte, 64)})\n        h.Clear(\"publish\")", StringComparison.Ordinal);

        var f = Read("main.attach", src)!;

        f.Pattern.Should().Be(SuspectPattern.ClosureCapture);
        f.Holds.Should().BeFalse(f.Evidence);
    }
}
