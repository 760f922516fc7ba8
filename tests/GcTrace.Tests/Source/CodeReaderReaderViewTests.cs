// A bufio reader hands out slices of its own buffer (Scanner.Bytes, Reader.ReadSlice), and the pieces of
// bytes.Fields/Split are slices of what they cut: kept in a long-lived container, each pins the whole buffer; a copy
// (string(...), bytes.Clone) pins nothing.
using GcTrace.Events;

namespace GcTrace.Tests.Source;

public class CodeReaderReaderViewTests
{
    private const string Scanned = """
        package main

        import (
            "bufio"
            "bytes"
            "io"
        )

        type Ring struct {
            max  int
            vals map[string][]byte
            keys []string
        }

        func (g *Ring) Add(key string, val []byte) {
            g.keys = append(g.keys, key)
            g.vals[key] = val
            if len(g.keys) > g.max {
                delete(g.vals, g.keys[0])
                g.keys = g.keys[1:]
            }
        }

        var ring = &Ring{max: 100, vals: map[string][]byte{}}

        func load(r io.Reader) {
            s := bufio.NewScanner(r)
            s.Buffer(make([]byte, 64<<10), 1<<20) // site
            for s.Scan() {
                parts := bytes.Split(s.Bytes(), []byte(" "))
                ring.Add(string(parts[0]), parts[2])
            }
        }

        func main() {
            load(nil)
        }
        """;

    [Fact]
    public void Read_ScannerTokenKeptBesideACopiedKey_PinsTheScannersBuffer()
    {
        var f = CodeReaderTests.Read("main.load", Scanned)!;

        f.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer, f.Evidence);
        f.Holds.Should().BeTrue();
        // The evidence is the line that keeps the view's parameter, not the copied key's.
        f.Evidence.Should().Contain("sub-slice of `s.Bytes()`").And.Contain("`g.vals[key] = val`");
    }

    [Fact]
    public void Read_ScannerTokenCopied_IsNoPin()
    {
        var copied = Scanned.Replace("ring.Add(string(parts[0]), parts[2])", "ring.Add(string(parts[0]), bytes.Clone(parts[2]))", StringComparison.Ordinal);
        copied.Should().Contain("bytes.Clone(parts[2])");

        CodeReaderTests.Read("main.load", copied)?.Pattern.Should().NotBe(SuspectPattern.SubslicePinsBuffer);
    }

    private const string ReadSliced = """
        package main

        import (
            "bufio"
            "bytes"
            "io"
        )

        var byUser = map[string][]byte{}

        func consume(r io.Reader) {
            br := bufio.NewReaderSize(r, 256<<10) // site
            for {
                line, err := br.ReadSlice('\n')
                if err != nil {
                    return
                }
                name, rest, _ := bytes.Cut(line, []byte("="))
                byUser[string(name)] = bytes.TrimSpace(rest)
            }
        }
        """;

    [Fact]
    public void Read_PieceOfAReadSliceKept_PinsTheReadersBuffer()
    {
        var f = CodeReaderTests.Read("main.consume", ReadSliced)!;

        f.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer, f.Evidence);
        f.Evidence.Should().Contain("`br.ReadSlice()`");
        CodeReaderTests.Read("main.consume", ReadSliced.Replace("bytes.TrimSpace(rest)", "[]byte(string(rest))", StringComparison.Ordinal))!
            .Pattern.Should().Be(SuspectPattern.UnboundedMap);
    }

    [Fact]
    public void Read_TrimOfAPlainString_IsTheStringItself()
    {
        var src = """
            package main

            import "strings"

            var names = map[int]string{}

            func remember(id int, name string) {
                n := strings.Repeat(name, 4) // site
                names[id] = strings.TrimSpace(n)
            }
            """;

        // A trim drops only the edges: what it keeps is (almost) all of n, no small piece of a large buffer.
        CodeReaderTests.Read("main.remember", src)!.Pattern.Should().Be(SuspectPattern.UnboundedMap);
        CodeReaderTests.Read("main.remember", src.Replace("strings.TrimSpace(n)", "strings.Fields(n)[0]", StringComparison.Ordinal))!
            .Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer);
    }
}
