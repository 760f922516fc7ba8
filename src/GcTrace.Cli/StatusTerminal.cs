// The terminal the live status line shares with pass-through: the status is cleared before every application write
// that reaches the same screen, and redrawn by the status timer only once the application's line is complete.
namespace GcTrace.Cli;

/// <summary>
/// The status line is drawn as <c>\r TEXT \e[K</c> on stderr and leaves the cursor after its text; an application line
/// written to stdout on the same terminal would start there, glued to the status. Every write goes through one lock:
/// a pass-through write first erases the status, and the status is drawn only when stdout has no unflushed bytes and its
/// last byte ended a line, so it never splits an application line. Redraws happen only when the text differs from what
/// is on screen (an erased status differs from anything), at the pace of the caller's timer.
/// </summary>
internal sealed class StatusTerminal(TextWriter stderr, int width)
{
    private const string EraseLine = "\r\u001b[K";
    private readonly Lock gate = new();
    private string? onScreen;
    private bool unflushed;
    private bool atLineStart = true;

    /// <summary>Wraps stdout so that pass-through writes erase the status first.</summary>
    public Stream Share(Stream stdout) => new SharedStdout(this, stdout);

    /// <summary>Draws <paramref name="line"/> unless it is already on screen or an application line is unfinished.</summary>
    public void Draw(string line)
    {
        line = Fit(line);
        lock (gate)
        {
            if (unflushed || !atLineStart || line == onScreen) return;
            stderr.Write("\r" + line + "\u001b[K");
            stderr.Flush();
            onScreen = line;
        }
    }

    /// <summary>Writes a whole line on stderr (an --interval summary) where the status was; the timer redraws it.</summary>
    public void WriteLine(string line)
    {
        lock (gate)
        {
            EraseLocked();
            stderr.WriteLine(line);
            stderr.Flush();
        }
    }

    /// <summary>Erases the status for good (input ended; the report follows).</summary>
    public void Clear()
    {
        lock (gate) EraseLocked();
    }

    private void EraseLocked()
    {
        if (onScreen is null) return;
        stderr.Write(EraseLine);
        stderr.Flush();
        onScreen = null;
    }

    // A status wider than the terminal wraps, and \r then erases only its last row: cut it to fit one row.
    private string Fit(string line) => width > 1 && line.Length >= width ? line[..(width - 2)] + "…" : line;

    private void BeforeWrite(ReadOnlySpan<byte> bytes)
    {
        EraseLocked();
        unflushed = true;
        atLineStart = bytes[^1] == (byte)'\n';
    }

    private sealed class SharedStdout(StatusTerminal terminal, Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (buffer.IsEmpty) return;
            lock (terminal.gate)
            {
                terminal.BeforeWrite(buffer);
                inner.Write(buffer);
            }
        }

        public override void Flush()
        {
            lock (terminal.gate)
            {
                inner.Flush();
                terminal.unflushed = false;
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
