// Remembers how recent application lines begin, to judge which split of a broken gc line is the plausible one.
namespace GcTrace.Parsing;

/// <summary>
/// A line's shape is its first few characters with digits mapped to '9' and letters to 'a' ("[logger-1] 14:39" -> "[aaaa").
/// When a gc line was split, the foreign text is a whole application line, so a reading whose foreign pieces start like
/// the application's other lines beats one whose pieces start mid-number (".27[logger-1]...").
/// </summary>
internal sealed class LineShapes
{
    private const int Length = 5;
    private const int Capacity = 64;

    private readonly Queue<string> order = new();
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);

    public void Note(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty) return;
        var shape = Of(line);
        order.Enqueue(shape);
        counts[shape] = counts.GetValueOrDefault(shape) + 1;
        if (order.Count <= Capacity) return;
        var old = order.Dequeue();
        if (--counts[old] == 0) counts.Remove(old);
    }

    public bool IsKnown(ReadOnlySpan<byte> line) => !line.IsEmpty && counts.ContainsKey(Of(line));

    private static string Of(ReadOnlySpan<byte> line)
    {
        Span<char> s = stackalloc char[Math.Min(Length, line.Length)];
        for (var i = 0; i < s.Length; i++)
        {
            var b = line[i];
            s[i] = b is >= (byte)'0' and <= (byte)'9' ? '9' : char.IsAsciiLetter((char)b) ? 'a' : (char)b;
        }
        return new string(s);
    }
}
