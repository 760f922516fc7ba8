// The built gctrace-pipe as a long-running child process: its stdin is a pipe the test writes to and keeps open (a quiet
// application), its output lines are collected as they come, and it can be signalled and measured from /proc.
using System.Diagnostics;
using System.Globalization;

namespace GcTrace.Tests.Support;

public sealed class LiveCli : IDisposable
{
    private readonly Process process;
    private readonly List<string> stdout = [];
    private readonly List<string> stderr = [];
    private readonly TaskCompletionSource stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LiveCli(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(CliProcess.Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        process = Process.Start(psi)!;
        process.StandardInput.AutoFlush = true;
        process.OutputDataReceived += (_, e) => Collect(stdout, e.Data, stdoutClosed);
        process.ErrorDataReceived += (_, e) => Collect(stderr, e.Data, stderrClosed);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Pid => process.Id;

    public string Stdout { get { lock (stdout) return string.Join('\n', stdout); } }

    public string Stderr { get { lock (stderr) return string.Join('\n', stderr); } }

    public int StdoutLineCount { get { lock (stdout) return stdout.Count; } }

    public int ExitCode => process.ExitCode;

    public void Write(string text) => process.StandardInput.Write(text);

    public void CloseInput() => process.StandardInput.Close();

    /// <summary>Sends a real signal with kill(1).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, Pid.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>Waits until a line of stdout (or stderr) satisfies <paramref name="match"/>; false after the timeout.</summary>
    public bool WaitForStdout(Func<string, bool> match, TimeSpan timeout) => WaitFor(stdout, match, timeout);

    public bool WaitForStderr(Func<string, bool> match, TimeSpan timeout) => WaitFor(stderr, match, timeout);

    /// <summary>Polls <paramref name="condition"/> until it holds; false after the timeout.</summary>
    public static bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) return false;
            Thread.Sleep(20);
        }
        return true;
    }

    /// <summary>Waits for the process to exit and for its output to be drained; false after the timeout.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout)) return false;
        Task.WaitAll([stdoutClosed.Task, stderrClosed.Task], TimeSpan.FromSeconds(10));
        return true;
    }

    /// <summary>Peak resident set size so far (VmHWM from /proc/PID/status), in bytes.</summary>
    public long PeakRssBytes()
    {
        var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    private static void Collect(List<string> lines, string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }
        lock (lines) lines.Add(line);
    }

    private static bool WaitFor(List<string> lines, Func<string, bool> match, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            lock (lines)
                if (lines.Any(match)) return true;
            Thread.Sleep(20);
        }
        return false;
    }
}
