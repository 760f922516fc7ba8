// GoToken: one lexical token of Go source, with the line it starts on.
namespace GcTrace.Source;

/// <param name="Text">The token as written (strings keep their quotes).</param>
/// <param name="Line">1-based line the token starts on, as profiles number lines.</param>
public readonly record struct GoToken(GoTokenKind Kind, string Text, int Line)
{
    public bool Is(string text) => Text == text && Kind is GoTokenKind.Operator or GoTokenKind.Keyword or GoTokenKind.Identifier;

    public bool IsIdentifier => Kind == GoTokenKind.Identifier;
}
