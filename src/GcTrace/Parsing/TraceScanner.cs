// Splits a byte stream into lines and routes them: trace lines to the parsers, everything else to the application
// stream in bulk, split gc lines to the reassembler.
using GcTrace.Events;

namespace GcTrace.Parsing;

/// <summary>
/// The scanner looks for trace markers across a whole chunk (one vectorised pass, <see cref="MarkerSearch"/>, that also
/// counts newlines) instead of line by line, so a run of application lines costs that pass and one pass-through write. Chunks must hold whole lines; only the
/// last chunk of the input may end without a line end. Not thread-safe: one scanner per input.
/// </summary>
public sealed class TraceScanner
{
    private readonly IScanOutput output;
    private readonly SplitLineReassembler reassembler;
    private int nextMarker;
    // The newlines the last search counted between where it started and its hit (or the chunk's end): the run of
    // application lines before a marker is counted in the marker pass itself. Valid only for a run starting there.
    private int searchedFrom = -1;
    private long searchedLines;

    public TraceScanner(IScanOutput output)
    {
        this.output = output;
        reassembler = new SplitLineReassembler(output);
    }

    /// <summary>Input lines seen so far (the last line counts even without a line end).</summary>
    public long Lines { get; private set; }

    /// <summary>True while a split gc line is held back waiting for its remainder.</summary>
    public bool IsHoldingSplitLine => reassembler.IsPending;

    /// <summary>Scans a chunk of whole lines.</summary>
    public void Scan(ReadOnlySpan<byte> chunk)
    {
        nextMarker = -1;
        searchedFrom = -1;
        var pos = 0;
        while (pos < chunk.Length)
        {
            if (reassembler.IsPending)
            {
                pos = ScanOneLine(chunk, pos);
                continue;
            }
            var m = NextMarker(chunk, pos);
            if (m < 0)
            {
                PassThrough(chunk[pos..], LinesCountedFrom(pos));
                return;
            }
            var lineStart = chunk[pos..m].LastIndexOf((byte)'\n') + 1 + pos;
            // No newline lies between lineStart and the marker, so the search's count up to the marker is the run's.
            if (lineStart > pos) PassThrough(chunk[pos..lineStart], LinesCountedFrom(pos));
            pos = ScanOneLine(chunk, lineStart);
        }
    }

    /// <summary>End of input: a gc line still waiting for its remainder is passed through and counted as unrecognized.</summary>
    public void Complete() => reassembler.GiveUp();

    private int ScanOneLine(ReadOnlySpan<byte> chunk, int start)
    {
        var nl = chunk[start..].IndexOf((byte)'\n');
        var end = nl < 0 ? chunk.Length : start + nl + 1;
        var raw = chunk[start..end];
        var lineNumber = ++Lines;
        var text = TraceLineParser.TrimCarriageReturn(nl < 0 ? raw : raw[..^1]);
        var parsed = TraceLineParser.TryParse(text, lineNumber);
        // A whole trace line whose numbers cannot be represented: the runtime printed it, so it ends a pending split line too.
        var unrepresentable = parsed is null && TraceLineParser.HasUnrepresentableShape(text);
        if (reassembler.IsPending && reassembler.Offer(raw, lineNumber, parsed is not null || unrepresentable)) return end;

        if (parsed is not null)
        {
            if (parsed is GcCycle gc) reassembler.LastCycle = gc.Number;
            output.OnEvent(parsed);
        }
        else if (unrepresentable)
        {
            // Counted as unrecognized (the event counts the line) and passed through unchanged.
            output.OnEvent(new UnrecognizedLine(lineNumber, TraceLineParser.Decode(text)));
            output.OnAppText(raw, 0);
        }
        else if (TraceMarkers.StartsWithGc(text))
        {
            reassembler.Start(raw, lineNumber);
        }
        else
        {
            reassembler.NoteAppLine(raw);
            output.OnAppText(raw, 1);
        }
        return end;
    }

    // The newlines the marker search counted, if it started at pos; else -1.
    private long LinesCountedFrom(int pos) => searchedFrom == pos ? searchedLines : -1;

    private void PassThrough(ReadOnlySpan<byte> bytes, long newlines)
    {
        var lines = newlines >= 0 ? newlines : bytes.Count((byte)'\n');
        if (bytes[^1] != (byte)'\n') lines++;
        Lines += lines;
        NoteLastLine(bytes);
        output.OnAppText(bytes, lines);
    }

    // A sample of how application lines begin, for the reassembler: the last line of each run costs one search.
    private void NoteLastLine(ReadOnlySpan<byte> bytes)
    {
        var body = bytes[^1] == (byte)'\n' ? bytes[..^1] : bytes;
        reassembler.NoteAppLine(body[(body.LastIndexOf((byte)'\n') + 1)..]);
    }

    // The smallest position >= pos where any marker occurs, or -1. The next hit is cached per chunk: a gc line split by
    // app lines is scanned line by line, and those lines must not search the chunk again each time.
    private int NextMarker(ReadOnlySpan<byte> chunk, int pos)
    {
        if (nextMarker != int.MaxValue && nextMarker < pos)
        {
            var i = MarkerSearch.IndexOfAny(chunk[pos..], out searchedLines);
            searchedFrom = pos;
            nextMarker = i < 0 ? int.MaxValue : pos + i;
        }
        return nextMarker == int.MaxValue ? -1 : nextMarker;
    }
}
