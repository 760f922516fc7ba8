// GoTokenizer: splits Go source into tokens with line numbers; enough of the Go spec to find declarations and calls.
namespace GcTrace.Source;

/// <summary>
/// Follows the Go spec's lexical rules (go.dev/ref/spec#Lexical_elements) for what matters to reading structure:
/// comments (dropped), interpreted and raw strings (a raw string may span lines, so line numbers must survive it),
/// runes, numbers, identifiers and keywords, and operators matched longest first. Semicolon insertion is not
/// needed: statements are read per line and by bracket depth. Never throws: an unterminated literal ends at the
/// end of its line (or of the file, for raw strings and block comments).
/// </summary>
public static class GoTokenizer
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go",
        "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type",
        "var",
    };

    // Longest first, so that "<<=" wins over "<<" and "<-" over "<".
    private static readonly string[] Operators =
    [
        "<<=", ">>=", "&^=", "...", "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=", ":=", "+=", "-=", "*=", "/=",
        "%=", "&=", "|=", "^=", "<<", ">>", "&^", "+", "-", "*", "/", "%", "&", "|", "^", "<", ">", "=", "!", "~", "(",
        ")", "[", "]", "{", "}", ",", ";", ".", ":",
    ];

    public static IReadOnlyList<GoToken> Tokenize(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var tokens = new List<GoToken>();
        var line = 1;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && At(source, i + 1) == '/')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && At(source, i + 1) == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end + 2;
                line += Count(source, i, end, '\n');
                i = end;
            }
            else if (c == '`')
            {
                var end = source.IndexOf('`', i + 1);
                end = end < 0 ? source.Length : end + 1;
                tokens.Add(new GoToken(GoTokenKind.String, source[i..end], line));
                line += Count(source, i, end, '\n');
                i = end;
            }
            else if (c is '"' or '\'')
            {
                var end = QuotedEnd(source, i, c);
                tokens.Add(new GoToken(c == '"' ? GoTokenKind.String : GoTokenKind.Rune, source[i..end], line));
                i = end;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] == '_'))
                {
                    i++;
                }

                var word = source[start..i];
                tokens.Add(new GoToken(Keywords.Contains(word) ? GoTokenKind.Keyword : GoTokenKind.Identifier, word, line));
            }
            else if (char.IsDigit(c) || (c == '.' && char.IsDigit(At(source, i + 1))))
            {
                var start = i;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] is '_' or '.'
                    || (source[i] is '+' or '-' && source[i - 1] is 'e' or 'E' or 'p' or 'P' && !IsHex(source, start))))
                {
                    i++;
                }

                tokens.Add(new GoToken(GoTokenKind.Number, source[start..i], line));
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(source, i, o, 0, o.Length) == 0) ?? c.ToString();
                tokens.Add(new GoToken(GoTokenKind.Operator, op, line));
                i += op.Length;
            }
        }

        return tokens;
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static bool IsHex(string s, int start) => At(s, start) == '0' && At(s, start + 1) is 'x' or 'X';

    private static int Count(string s, int from, int to, char c)
    {
        var n = 0;
        for (var i = from; i < to; i++)
        {
            n += s[i] == c ? 1 : 0;
        }

        return n;
    }

    // An interpreted string or rune ends at its unescaped closing quote, or at the end of the line if it has none.
    private static int QuotedEnd(string s, int start, char quote)
    {
        var i = start + 1;
        while (i < s.Length && s[i] != quote && s[i] != '\n')
        {
            i += s[i] == '\\' ? 2 : 1;
        }

        return Math.Min(s.Length, i < s.Length && s[i] == quote ? i + 1 : i);
    }
}
