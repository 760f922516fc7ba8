// GoFunction: one top-level func declaration: its name as profiles print it and where its body is.
namespace GcTrace.Source;

/// <param name="Name">In-package name as in a profile's function name after the package: "cacheResult",
/// "(*lru).put", "server.handle".</param>
/// <param name="BodyStart">Index of the body's `{` in the file's tokens.</param>
/// <param name="BodyEnd">Index of the body's matching `}`.</param>
public sealed record GoFunction(string Name, GoSourceFile File, int BodyStart, int BodyEnd)
{
    public int FirstLine => File.Tokens[BodyStart].Line;

    public int LastLine => File.Tokens[BodyEnd].Line;

    public bool Contains(int line) => line >= FirstLine && line <= LastLine;

    /// <summary>The body's tokens grouped by source line, in order (a line may start inside a multi-line statement).</summary>
    public IEnumerable<GoLine> Lines()
    {
        var i = BodyStart + 1;
        while (i < BodyEnd)
        {
            var line = File.Tokens[i].Line;
            var start = i;
            while (i < BodyEnd && File.Tokens[i].Line == line)
            {
                i++;
            }

            yield return new GoLine(File, start, i);
        }
    }
}
