// A running `gctrace-pipe --metrics-listen` whose standard input the test writes, so the pipe stays up (and scrapable)
// after the traced program ended, until the test closes it.
using System.Diagnostics;
using System.Globalization;

namespace GcTrace.Tests.Support;

public sealed class LivePipe : IDisposable
{
    private readonly Process process;
    private readonly Task<string> stderr;
    private readonly Task<string> stdout;

    public LivePipe(string args)
    {
        MetricsPort = FreePort.Next();
        var psi = new ProcessStartInfo("dotnet", $"\"{CliProcess.Dll}\" --metrics-listen 127.0.0.1:{MetricsPort.ToString(CultureInfo.InvariantCulture)} {args}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        process = Process.Start(psi)!;
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
        Http.WaitUntilUp(MetricsUrl, TimeSpan.FromSeconds(30), () => process.HasExited ? stderr.Result : "still starting");
    }

    public int MetricsPort { get; }

    public string Target => $"127.0.0.1:{MetricsPort}";

    public string MetricsUrl => $"http://{Target}/metrics";

    public Stream Input => process.StandardInput.BaseStream;

    /// <summary>Runs a real Go fixture program with GODEBUG=gctrace=1 and copies its stdout+stderr into the pipe.</summary>
    public void Feed(string program, string duration)
    {
        var exe = GoPrograms.Path_(program);
        var psi = new ProcessStartInfo("bash", ["-c", $"GODEBUG=gctrace=1 GOMAXPROCS=2 '{exe}' -duration {duration} 2>&1"]) { RedirectStandardOutput = true };
        using var go = Process.Start(psi)!;
        go.StandardOutput.BaseStream.CopyTo(Input);
        Input.Flush();
        if (!go.WaitForExit(60_000)) go.Kill(entireProcessTree: true);
        go.ExitCode.Should().Be(0, $"{program} should run to its end");
    }

    /// <summary>Copies a recorded log into the pipe.</summary>
    public void Feed(string logFile)
    {
        using var f = File.OpenRead(logFile);
        f.CopyTo(Input);
        Input.Flush();
    }

    /// <summary>Closes standard input (the run ends) and waits for the exit; returns exit code, stdout and stderr.</summary>
    public CliProcess.Result Finish()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("gctrace-pipe did not end after its input closed");
        }
        return new CliProcess.Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        process.Dispose();
    }
}
