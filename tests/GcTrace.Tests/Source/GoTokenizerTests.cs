// GoTokenizer on the lexical corners that move line numbers or hide tokens: comments, raw strings, runes, operators.
using GcTrace.Source;

namespace GcTrace.Tests.Source;

public class GoTokenizerTests
{
    [Fact]
    public void Tokenize_CommentsAndStrings_KeepLineNumbersAndHideTheirContents()
    {
        var src = "package main\n/* a\nb */ var x = `raw\nstring` // delete(x, k)\nfunc f() { m[k] = \"delete(\" }\n";

        var tokens = GoTokenizer.Tokenize(src);

        tokens.Should().NotContain(t => t.Text == "delete");
        tokens.Single(t => t.Text == "x").Line.Should().Be(3);
        tokens.Single(t => t.Text == "f").Line.Should().Be(5);
        tokens.Single(t => t.Kind == GoTokenKind.String && t.Text.StartsWith('`')).Line.Should().Be(3);
    }

    [Fact]
    public void Tokenize_Operators_LongestMatchFirst()
    {
        var tokens = GoTokenizer.Tokenize("ch <- v; x := <-ch; a <<= 2; b &^= c; r := '\\''");

        tokens.Select(t => t.Text).Should().ContainInOrder("ch", "<-", "v", ";", "x", ":=", "<-", "ch", ";", "a", "<<=", "2", ";", "b", "&^=", "c");
        tokens[^1].Kind.Should().Be(GoTokenKind.Rune);
    }

    [Fact]
    public void Parse_TopLevel_FindsFuncsWithReceiversAndPackageVarKinds()
    {
        var src = """
            package cache

            import "sync"

            var (
                mu    sync.Mutex
                items = map[string][]byte{}
                log   []string
                pool  = sync.Pool{New: func() any { return new([]byte) }}
                seen  sync.Map
            )

            var byID = make(map[int]*entry, 16)

            type lru[K comparable] struct{ m map[K]int }

            func (c *lru[K]) put(k K) { c.m[k] = 1 }

            func (s server) handle() (struct{ a int }, error) {
                return struct{ a int }{}, nil
            }

            func main() {}
            """;

        var file = GoSourceFile.Parse("cache.go", src);

        file.Package.Should().Be("cache");
        file.Vars.Select(v => (v.Name, v.Kind)).Should().Equal(
            ("mu", GoVarKind.Other), ("items", GoVarKind.Map), ("log", GoVarKind.Slice), ("pool", GoVarKind.Pool),
            ("seen", GoVarKind.SyncMap), ("byID", GoVarKind.Map));
        file.Functions.Select(f => f.Name).Should().Equal("(*lru).put", "server.handle", "main");
        file.FindFunction("(*lru[...]).put", 0)!.FirstLine.Should().Be(17);
        file.FindFunction("server.handle", 0)!.LastLine.Should().Be(21);
    }
}
