// GoLine: the tokens of one source line inside a function body, with helpers to match statement shapes.
namespace GcTrace.Source;

/// <param name="Start">Index of the line's first token in the file.</param>
/// <param name="End">Index one past its last token.</param>
public sealed record GoLine(GoSourceFile File, int Start, int End)
{
    public int Number => File.Tokens[Start].Line;

    public int Count => End - Start;

    public GoToken this[int i] => i >= 0 && i < Count ? File.Tokens[Start + i] : default;

    /// <summary>The source text of the line, trimmed, as the report quotes it.</summary>
    public string Code => File.LineText(Number);

    public bool Has(string text) => IndexOf(text) >= 0;

    public int IndexOf(string text, int from = 0)
    {
        for (var i = from; i < Count; i++)
        {
            if (this[i].Text == text && this[i].Kind != GoTokenKind.String)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when the tokens from <paramref name="at"/> spell <paramref name="texts"/>.</summary>
    public bool Matches(int at, params string[] texts)
    {
        for (var k = 0; k < texts.Length; k++)
        {
            if (at + k >= Count || this[at + k].Text != texts[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Index of the first place where <paramref name="texts"/> start, or -1.</summary>
    public int Find(params string[] texts)
    {
        for (var i = 0; i < Count; i++)
        {
            if (Matches(i, texts))
            {
                return i;
            }
        }

        return -1;
    }
}
