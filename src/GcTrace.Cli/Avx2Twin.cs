// Start-up only: the portable x64 native binary hands the process over to its AVX2 twin when this CPU can run it.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using GcTrace.Pipeline;

namespace GcTrace.Cli;

/// <summary>
/// Native AOT fixes the instruction set when it compiles: the portable x64 binary starts on every x64 CPU but scans
/// with 128-bit vectors, while a binary compiled for x86-64-v3 scans application lines about 1.4x faster and refuses to
/// start on a CPU without AVX2 (docs/benchmarks.md). The linux-x64 tool package carries both; the portable one, which
/// is the command, replaces itself with the twin (execv: same pid, stdin, stdout, stderr and signals) when the CPU has
/// every x86-64-v3 feature and the input is large enough to win back the second start. <see cref="OptOutVariable"/>=1
/// keeps the portable binary; Program answers --help and --version before it calls this, so they never hand over.
/// </summary>
internal static class Avx2Twin
{
    /// <summary>The twin's file name: the command's own name plus this suffix, in the same folder.</summary>
    public const string Suffix = ".x86-64-v3";

    public const string OptOutVariable = "GCTRACE_PORTABLE";

    /// <summary>
    /// The twin read the 973 MiB application log of docs/benchmarks.md 38 ms sooner, ~0.04 ms per MiB, and its own start
    /// costs ~10 ms: it is the faster choice from about 250 MiB of input on.
    /// </summary>
    public const long MinInputBytes = 256L << 20;

    /// <summary>Returns only when the twin is not started; a failed execv leaves the portable binary running.</summary>
    /// <param name="args">The command line, passed on unchanged.</param>
    /// <param name="inputs">The FILE arguments as parsed: none or '-' is standard input.</param>
    public static void ReplaceProcessIfFaster(string[] args, IReadOnlyList<string> inputs)
    {
        // Only the portable native build: under the JIT (framework-dependent) or in the twin itself, AVX2 is used already
        // or the twin does not exist; in a v3 binary Avx2.IsSupported is a compile-time true, so it never re-executes.
        if (RuntimeFeature.IsDynamicCodeCompiled || Avx2.IsSupported || !OperatingSystem.IsLinux()
            || RuntimeInformation.ProcessArchitecture != Architecture.X64
            || Environment.GetEnvironmentVariable(OptOutVariable) == "1"
            || Environment.ProcessPath is not { } self || !File.Exists(self + Suffix) || InputBytes(inputs) < MinInputBytes
            || !CpuRunsX86_64V3())
        {
            return;
        }

        var twin = self + Suffix;
        var argv = new IntPtr[args.Length + 2];
        argv[0] = Marshal.StringToCoTaskMemUTF8(twin);
        for (var i = 0; i < args.Length; i++)
        {
            argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
        }

        Execv(argv[0], argv);
        // execv returned: the twin could not start (not executable, wrong format); the portable binary does the work.
        foreach (var p in argv)
        {
            Marshal.FreeCoTaskMem(p);
        }
    }

    /// <summary>
    /// The size of the inputs that are regular files; a pipe, terminal or device counts 0: its size is not known, and a
    /// live pipe is read at its writer's pace, where the faster scan saves nothing that matters.
    /// </summary>
    private static long InputBytes(IReadOnlyList<string> inputs)
    {
        long total = 0;
        foreach (var path in inputs.Count == 0 ? [InputOpener.StandardInput] : inputs)
        {
            try
            {
                // Standard input's size through /proc (a stat that follows the descriptor): a redirected file has one.
                var file = new FileInfo(path == InputOpener.StandardInput ? "/proc/self/fd/0" : path);
                if (file.Exists && (file.Attributes & (FileAttributes.Device | FileAttributes.Directory)) == 0)
                {
                    total += file.Length;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An input that cannot be read here is reported by the run that reads it.
            }
        }

        return total;
    }

    /// <summary>
    /// The CPUID bits of the x86-64-v3 level that the .NET runtime requires before a v3 binary runs: AVX, AVX2, BMI1,
    /// BMI2, F16C, FMA, LZCNT, MOVBE, and OSXSAVE (the kernel saves the vector registers; Linux clears AVX when it does not).
    /// </summary>
    private static bool CpuRunsX86_64V3()
    {
        if (!X86Base.IsSupported)
        {
            return false;
        }

        var (maxLeaf, _, _, _) = X86Base.CpuId(0, 0);
        var (maxExtended, _, _, _) = X86Base.CpuId(unchecked((int)0x80000000), 0);
        if (maxLeaf < 7 || (uint)maxExtended < 0x80000001)
        {
            return false;
        }

        var (_, _, ecx1, _) = X86Base.CpuId(1, 0);
        var (_, ebx7, _, _) = X86Base.CpuId(7, 0);
        var (_, _, ecxExtended, _) = X86Base.CpuId(unchecked((int)0x80000001), 0);
        return Bit(ecx1, 12) && Bit(ecx1, 22) && Bit(ecx1, 27) && Bit(ecx1, 28) && Bit(ecx1, 29) // FMA, MOVBE, OSXSAVE, AVX, F16C
            && Bit(ebx7, 3) && Bit(ebx7, 5) && Bit(ebx7, 8) // BMI1, AVX2, BMI2
            && Bit(ecxExtended, 5); // LZCNT
    }

    private static bool Bit(int register, int bit) => ((register >> bit) & 1) != 0;

    [DllImport("libc", EntryPoint = "execv", SetLastError = true)]
    private static extern int Execv(IntPtr path, IntPtr[] argv);
}
