// An IScanOutput that keeps everything, for tests that compare what came out with what went in.
using GcTrace.Events;
using GcTrace.Parsing;

namespace GcTrace.Tests.Support;

public sealed class CollectingOutput : IScanOutput
{
    private readonly MemoryStream app = new();

    public List<TraceEvent> Events { get; } = [];

    public long AppLines { get; private set; }

    public byte[] AppBytes => app.ToArray();

    public IEnumerable<GcCycle> Cycles => Events.OfType<GcCycle>();

    public void OnEvent(TraceEvent e) => Events.Add(e);

    public void OnAppText(ReadOnlySpan<byte> bytes, long appLines)
    {
        app.Write(bytes);
        AppLines += appLines;
    }

    /// <summary>Scans <paramref name="input"/> in chunks of whole lines of about <paramref name="chunkSize"/> bytes.</summary>
    public static (CollectingOutput Output, TraceScanner Scanner) Scan(byte[] input, int chunkSize = 1 << 16)
    {
        var output = new CollectingOutput();
        var scanner = new TraceScanner(output);
        var pos = 0;
        while (pos < input.Length)
        {
            var end = Math.Min(input.Length, pos + chunkSize);
            if (end < input.Length)
            {
                var nl = input.AsSpan(pos, end - pos).LastIndexOf((byte)'\n');
                end = nl < 0 ? input.Length : pos + nl + 1;
            }
            scanner.Scan(input.AsSpan(pos, end - pos));
            pos = end;
        }
        scanner.Complete();
        return (output, scanner);
    }
}
