// The signals that end a run: what was read is analysed and every output is finished, then the process exits.
using System.Runtime.InteropServices;

namespace GcTrace.Cli;

/// <summary>
/// SIGINT, SIGTERM and SIGHUP (an ssh session that drops) stop reading at once, even while the input is quiet; the run then
/// finishes normally. SIGQUIT is different on purpose: Ctrl-\ reaches the whole foreground pipeline, and Go answers it by
/// writing every goroutine's stack into our input and exiting, so we keep reading for <see cref="QuitGrace"/> to pass
/// that dump through, then stop like SIGTERM (at the input's end if that comes first). A second SIGINT while a stop is
/// under way is not intercepted: the default action ends the process at once.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    /// <summary>How long SIGQUIT leaves the input open: Go writes its dump in milliseconds, so this covers a slow pipe
    /// and still bounds a SIGQUIT that only we received.</summary>
    public static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource stop = new();
    private readonly PosixSignalRegistration[] registrations;
    private int stopping;
    private int quitting;

    public StopSignals()
    {
        registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop),
            PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Quit),
        ];
    }

    /// <summary>Cancelled when reading should stop.</summary>
    public CancellationToken Token => stop.Token;

    public void Dispose()
    {
        foreach (var r in registrations) r.Dispose();
        stop.Dispose();
    }

    private void Stop(PosixSignalContext context)
    {
        // A second Ctrl-C keeps its default action: the user insists, so the process ends at once. A repeated SIGTERM or
        // SIGHUP (a supervisor, a dropped session) is absorbed: the outputs are being finished.
        var again = Interlocked.Exchange(ref stopping, 1) == 1;
        context.Cancel = !(again && context.Signal == PosixSignal.SIGINT);
        if (!again) stop.Cancel();
    }

    private void Quit(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Volatile.Read(ref stopping) == 1 || Interlocked.Exchange(ref quitting, 1) == 1) return;
        Console.Error.WriteLine($"gctrace-pipe: SIGQUIT: passing the application's output through for {QuitGrace.TotalSeconds:0} s more, then stopping");
        stop.CancelAfter(QuitGrace);
    }
}
