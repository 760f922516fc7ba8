// DeclaredType: where a field's or var's declared type begins in its file, and the element type at its bottom.
namespace GcTrace.Source;

/// <param name="File">The file holding the declaration.</param>
/// <param name="Start">The type's first token (`map`, `[`, `*`, a name); may be past the end of the file's tokens.</param>
/// <param name="Element">The type under every `map[K]`, `[]`, `[N]` and `*` (`func` of `map[string][]func()`,
/// `sync` of `*sync.Pool`): what one entry of the container, or what the pointer, holds.</param>
internal sealed record DeclaredType(GoSourceFile File, int Start, int Element)
{
    /// <summary>The declaration is a map or a slice/array (possibly of pointers), not a pointer or a plain type.</summary>
    public bool IsContainer => Start < File.Tokens.Count && File.Tokens[Start].Text is "map" or "[";

    /// <summary>The declared type is its element itself or a pointer to it (`sync.Pool`, `*sync.Pool`), no container.</summary>
    public bool IsDirect => Enumerable.Range(Start, Math.Max(0, Element - Start)).All(i => File.Tokens[i].Text == "*");

    /// <summary>The element's tokens from <see cref="Element"/> on, as many as asked for (fewer at the end of the file).</summary>
    public IEnumerable<string> ElementTokens(int count) => File.Tokens.Skip(Element).Take(count).Select(t => t.Text);

    /// <summary>The type's own text, from its first token to its element's first (`map[string][]func`).</summary>
    public string Text => string.Concat(Enumerable.Range(Start, Math.Min(Element + 1, File.Tokens.Count) - Start).Select(i => File.Tokens[i].Text));

    /// <summary>Walks `map[K]`, `[]`, `[N]` and `*` from <paramref name="at"/> down to the element type's first token.</summary>
    public static int ElementOf(IReadOnlyList<GoToken> t, int at)
    {
        while (at < t.Count && t[at].Text is "map" or "[" or "*")
        {
            at += t[at].Text == "map" ? 1 : 0;
            if (at < t.Count && t[at].Text == "[")
            {
                var depth = 0;
                do
                {
                    depth += t[at].Text == "[" ? 1 : t[at].Text == "]" ? -1 : 0;
                    at++;
                }
                while (at < t.Count && depth > 0);
            }
            else if (at < t.Count && t[at].Text == "*")
            {
                at++;
            }
        }

        return at;
    }
}
