// Goroutines started through a helper (`h.spawn(c.pump)` with `go run()` in spawn): where they were started, and which
// functions start them (they call the helper).
using GcTrace.Source;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Source;

public class HelperStartedGoroutineTests
{
    private const string Path = "gcfixtures/app/hub.go";

    private const string Src = """
        package main

        type client struct{ send chan []byte }

        func (c *client) pump() {
            for range c.send {
            }
        }

        type Hub struct{}

        func (h *Hub) spawn(run func()) { go run() }

        func (h *Hub) Join() {
            c := &client{send: make(chan []byte)}
            h.spawn(c.pump)
        }

        func (h *Hub) Leave() {
            h.log("leave")
        }

        func (h *Hub) log(s string) {}
        """;

    private static CodeReader Reader() => new(SourceLocator.RecordedPathsOnly(new InMemorySourceFiles(new() { [Path] = Src })));

    [Fact]
    public void MethodValueHandedToAHelperThatStartsItsParameter_StartedAtTheHelpersGoStatement()
    {
        Reader().GoStatement([new CodeFrame("main.(*client).pump", Path, 6)]).Should().Be(new CodeFrame("main.(*Hub).spawn", Path, 12));
    }

    [Fact]
    public void Calls_TheHelperFromItsCaller_NotFromAFunctionThatCallsSomethingElse()
    {
        var reader = Reader();

        reader.Calls(new CodeFrame("main.(*Hub).Join", Path, 15), "main.(*Hub).spawn").Should().BeTrue();
        reader.Calls(new CodeFrame("main.(*Hub).Leave", Path, 20), "main.(*Hub).spawn").Should().BeFalse();
    }

    [Fact]
    public void FunctionHandedToAHelperThatDoesNotStartIt_HasNoGoStatement()
    {
        var src = """
            package main

            func pump() {
                select {}
            }

            func register(f func()) { hooks = append(hooks, f) }

            func main() {
                register(pump)
            }
            """;
        var reader = new CodeReader(SourceLocator.RecordedPathsOnly(new InMemorySourceFiles(new() { [Path] = src })));

        reader.GoStatement([new CodeFrame("main.pump", Path, 4)]).Should().BeNull();
    }
}
