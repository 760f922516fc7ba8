// Reassembles gc lines that other writers wrote into (gctrace-format.md §2.4): the runtime prints a gc line in ~40 write(2) calls, so an
// application's whole-line writes can land between any two of them.
using GcTrace.Events;

namespace GcTrace.Parsing;

/// <summary>
/// Holds the lines from a gc line's first piece until the line is complete, keeping every way the text could be split
/// between the gc line and foreign lines (a foreign line may start with digits that could continue a number). When exactly
/// one reading completes (ties broken by the expected next cycle number), the gc line is emitted as repaired and the foreign
/// text goes to the application stream byte for byte, in order. Otherwise, after <see cref="MaxHeldLines"/> lines, at a
/// line that cannot be inside a gc line, or at the end of input, the held lines are passed through unchanged and the first
/// one is counted as an unrecognized gc line.
/// </summary>
internal sealed class SplitLineReassembler(IScanOutput output)
{
    public const int MaxHeldLines = 64;
    private const int MaxCandidates = 64;

    private readonly List<HeldLine> held = [];
    private readonly LineShapes shapes = new();
    private List<Candidate> candidates = [];

    // True once a later line could continue the held gc line: then it was a gc line, even if it started as bare "gc ".
    private bool continued;

    /// <summary>The last cycle number seen, so that a reading with the next number wins a tie.</summary>
    public long LastCycle { get; set; } = -1;

    public bool IsPending => held.Count > 0;

    /// <summary>Tells the reassembler how application lines look (see <see cref="LineShapes"/>).</summary>
    public void NoteAppLine(ReadOnlySpan<byte> line) => shapes.Note(line);

    private sealed record HeldLine(byte[] Raw, int TextLength, string Text, long Number);

    // One reading: the gc text so far and, per held line, how many of its characters belong to the gc line.
    private sealed record Candidate(string Gc, int[] Taken);

    /// <summary>Starts holding at a line that begins with <c>gc </c> but is not a whole trace line.</summary>
    public void Start(ReadOnlySpan<byte> raw, long lineNumber)
    {
        var held = Hold(raw, lineNumber);
        var p = GcLinePrefix.LongestExtension("", held.Text);
        candidates = [];
        // k may be the whole text: the foreign line can be an empty one, whose "\n" is all that interrupts.
        for (var k = p; k >= TraceMarkers.Gc.Text.Length; k--)
            candidates.Add(new Candidate(held.Text[..k], [k]));
        if (candidates.Count == 0) GiveUp();
    }

    /// <summary>
    /// Offers the next line while pending. Returns false when the line is not taken (the pending gc line was given up);
    /// the caller then handles it as a fresh line.
    /// </summary>
    public bool Offer(ReadOnlySpan<byte> raw, long lineNumber, bool isWholeTraceLine)
    {
        if (isWholeTraceLine)
        {
            // Runtime prints are serialized by printlock: another trace line means the pending one is over.
            GiveUp();
            return false;
        }
        var text = Latin1(raw);
        var completed = new List<(Candidate C, GcCycle Cycle)>();
        var next = new List<Candidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var extendsAny = false;
        foreach (var c in candidates)
        {
            var whole = c.Gc + text;
            // The strict number forms of the prefix test reject readings that cut a number short ("0.2" + "7[logger...").
            if (!JoinsNumber(c.Gc, text) && GcLinePrefix.IsPrefix(whole) && TraceGrammar.TryParse(whole, 0) is GcCycle cycle)
            {
                completed.Add((c, cycle));
                continue;
            }
            var p = JoinsNumber(c.Gc, text) ? 0 : GcLinePrefix.LongestExtension(c.Gc, text);
            // k = 0: the whole line is foreign (an empty line too); k = text.Length: only its line end is (an empty foreign line).
            for (var k = p; k >= 0; k--)
            {
                if (k > 0) extendsAny = true;
                var gc = c.Gc + text[..k];
                if (next.Count < MaxCandidates && seen.Add(gc)) next.Add(new Candidate(gc, [.. c.Taken, k]));
            }
        }

        if (completed.Count > 0)
        {
            Hold(raw, lineNumber);
            Resolve(completed);
            return true;
        }
        if (!extendsAny && TraceMarkers.StartsWithGc(raw))
        {
            GiveUp();
            return false;
        }
        Hold(raw, lineNumber);
        if (!extendsAny) shapes.Note(raw);
        continued |= extendsAny;
        candidates = next;
        if (held.Count >= MaxHeldLines) GiveUp();
        return true;
    }

    /// <summary>
    /// Passes the held lines through unchanged. The first counts as an unrecognized gc line when it looks like one (it is a
    /// gc line cut short, or it has a cycle number: <c>gc 15[logger...</c>); otherwise (<c>gc tuning done</c>) it is an
    /// application line.
    /// </summary>
    public void GiveUp()
    {
        if (held.Count == 0) return;
        var first = held[0];
        var prefix = GcLinePrefix.LongestExtension("", first.Text);
        if (prefix == first.Text.Length || prefix > TraceMarkers.Gc.Text.Length || continued)
        {
            output.OnEvent(new UnrecognizedLine(first.Number, first.Text));
            output.OnAppText(first.Raw, 0);
        }
        else
        {
            output.OnAppText(first.Raw, 1);
        }
        for (var i = 1; i < held.Count; i++) output.OnAppText(held[i].Raw, 1);
        Clear();
    }

    private void Resolve(List<(Candidate C, GcCycle Cycle)> completed)
    {
        // Prefer the expected next cycle number, then readings whose foreign pieces start like known application lines.
        var expected = completed.Where(x => x.Cycle.Number == LastCycle + 1).ToList();
        if (expected.Count > 0) completed = expected;
        var best = completed.Max(x => Plausibility(x.C));
        completed = completed.Where(x => Plausibility(x.C) == best).ToList();
        var first = completed[0];
        if (completed.Any(x => x.Cycle with { Line = 0 } != first.Cycle with { Line = 0 }))
        {
            GiveUp();
            return;
        }
        var taken = first.C.Taken;
        LastCycle = first.Cycle.Number;
        output.OnEvent(first.Cycle with { Line = held[0].Number, Repaired = true });
        for (var i = 0; i < taken.Length; i++)
        {
            var h = held[i];
            if (taken[i] < h.Raw.Length) output.OnAppText(h.Raw.AsSpan(taken[i]), 1);
        }
        // The completing line belongs wholly to the gc line, its line end included.
        Clear();
    }

    // Each number is a single write(2) (printuint, itoaDiv into a buffer; gctrace-format.md §2.4), so foreign text never lands inside
    // one: a reading whose gc text continues a number across a foreign line ("@2026" | "/11/26 …" | "0.463s") is impossible.
    private static bool JoinsNumber(string gc, string next) =>
        next.Length > 0 && gc.Length > 0 && IsNumberChar(gc[^1]) && IsNumberChar(next[0]);

    private static bool IsNumberChar(char c) => char.IsAsciiDigit(c) || c == '.';

    private int Plausibility(Candidate c)
    {
        var score = 0;
        for (var i = 0; i < c.Taken.Length; i++)
            if (c.Taken[i] > 0 && shapes.IsKnown(held[i].Raw.AsSpan(c.Taken[i]))) score++;
        return score;
    }

    private HeldLine Hold(ReadOnlySpan<byte> raw, long lineNumber)
    {
        var text = Latin1(raw);
        var held = new HeldLine(raw.ToArray(), text.Length, text, lineNumber);
        this.held.Add(held);
        return held;
    }

    // One char per byte so that char offsets are byte offsets; the line end is not part of the text.
    private static string Latin1(ReadOnlySpan<byte> raw)
    {
        var line = raw;
        if (line.Length > 0 && line[^1] == (byte)'\n') line = line[..^1];
        line = TraceLineParser.TrimCarriageReturn(line);
        return System.Text.Encoding.Latin1.GetString(line);
    }

    private void Clear()
    {
        held.Clear();
        candidates = [];
        continued = false;
    }
}
