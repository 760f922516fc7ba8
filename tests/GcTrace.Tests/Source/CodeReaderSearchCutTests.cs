// A prefix cut at a position found by searching (strings.IndexByte) is a small piece of a large string or buffer and
// pins it; a prefix as long as what a read filled (r.Read(raw)) is the buffer's used part.
using GcTrace.Events;

namespace GcTrace.Tests.Source;

public class CodeReaderSearchCutTests
{
    private const string Titles = """
        package main

        import (
            "io"
            "strings"
        )

        var titles = map[string]string{}

        func index(path string, r io.Reader) {
            data, _ := io.ReadAll(r) // site
            text := string(data)
            i := strings.IndexByte(text, '\n')
            titles[path] = text[:i]
        }

        func main() {
            index("a", nil)
        }
        """;

    [Fact]
    public void Read_PrefixCutAtASearchedPosition_PinsTheWholeString()
    {
        var f = CodeReaderTests.Read("main.index", Titles)!;

        f.Pattern.Should().Be(SuspectPattern.SubslicePinsBuffer, f.Evidence);
        f.Evidence.Should().Contain("keeps a sub-slice of `text`");
    }

    [Fact]
    public void Read_PrefixAsLongAsARead_IsNotASmallPiece()
    {
        var read = Titles.Replace("text := string(data)", "raw := make([]byte, 4096)", StringComparison.Ordinal)
            .Replace("i := strings.IndexByte(text, '\\n')", "n, _ := r.Read(raw)", StringComparison.Ordinal)
            .Replace("titles[path] = text[:i]", "titles[path] = raw[:n]", StringComparison.Ordinal)
            .Replace("map[string]string", "map[string][]byte", StringComparison.Ordinal);
        read.Should().Contain("r.Read(raw)");

        CodeReaderTests.Read("main.index", read)!.Pattern.Should().NotBe(SuspectPattern.SubslicePinsBuffer);
    }
}
