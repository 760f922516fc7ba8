// Runs the built gctrace-pipe (copied next to the tests by the project reference) as a real process.
using System.Diagnostics;

namespace GcTrace.Tests.Support;

public static class CliProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "gctrace-pipe.dll");

    /// <summary>A shell command line that runs gctrace-pipe with <paramref name="args"/>.</summary>
    public static string Command(string args) => $"dotnet '{Dll}' {args}";

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string args, string? stdin = null, TimeSpan? timeout = null) => Shell(Command(args), stdin, timeout);

    /// <summary>Runs <paramref name="script"/> under bash and waits for it.</summary>
    public static Result Shell(string script, string? stdin = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo("bash", ["-c", script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException(script);
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
