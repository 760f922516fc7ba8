// An output that cannot be written is one plain line naming the option, the path and what is wrong (no .NET text),
// the report is still printed, the other outputs still written, and the run exits 3 (docs/output-contract.md).
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Cli;

public class OutputPathErrorTests
{
    private static readonly string[] FileOptions = ["--json", "--csv", "--events", "--html"];

    // What .NET says on its own, which the user must never see: exception text, type names, our temporary names.
    private static readonly string[] DotNetWords = ["Could not", "already exists", "Exception", "GcTrace.", ".tmp", "'/"];

    private static string Log => Path.Combine(RepoPaths.Corpus, "go1.19", "steady", "combined.log");

    private static bool IsRoot => Environment.UserName == "root";

    public enum Mistake
    {
        DirectoryGiven,
        ParentMissing,
        ParentIsAFile,
        NotWritable,
        DiskFull,
    }

    [Theory]
    [InlineData(Mistake.DirectoryGiven)]
    [InlineData(Mistake.ParentMissing)]
    [InlineData(Mistake.ParentIsAFile)]
    [InlineData(Mistake.NotWritable)]
    [InlineData(Mistake.DiskFull)]
    public void FileOutput_Mistake_OneLineEachReportStillPrintedExitThree(Mistake mistake)
    {
        var tmp = Directory.CreateTempSubdirectory("gctrace-out-").FullName;
        var aFile = Path.Combine(tmp, "plain-file");
        File.WriteAllText(aFile, "x");
        var locked = Path.Combine(tmp, "locked");
        Directory.CreateDirectory(locked);
        if (!IsRoot && !OperatingSystem.IsWindows()) File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        // root writes anywhere a mode allows nothing; /proc refuses a new file to everyone.
        var notWritableDir = IsRoot ? "/proc" : locked;
        (string Path, string Says) Case(string option) => mistake switch
        {
            Mistake.DirectoryGiven => (tmp, "is a directory; give a file path"),
            Mistake.ParentMissing => ($"{tmp}/missing/out{option}", $"the directory {tmp}/missing does not exist"),
            Mistake.ParentIsAFile => ($"{aFile}/out{option}", $"{aFile} is a file, not a directory"),
            Mistake.NotWritable => ($"{notWritableDir}/gctrace-out{option}", IsRoot ? "cannot create a file in /proc" : $"permission denied: cannot create a file in {locked}"),
            _ => ("/dev/full", "no space left on the device"),
        };
        foreach (var option in FileOptions)
        {
            var (path, says) = Case(option);
            var r = CliProcess.Run($"'{Log}' {option} '{path}'");

            r.ExitCode.Should().Be(3, r.Stderr);
            var ours = r.Stderr.Split('\n').Where(l => l.Contains($"{option} {path}", StringComparison.Ordinal)).ToList();
            ours.Should().Equal($"gctrace-pipe: {option} {path}: {says}", $"gctrace-pipe: 1 output failed: {option} {path}");
            foreach (var word in DotNetWords) r.Stderr.Should().NotContain(word);
            r.Stderr.Should().Contain("GC cycles over").And.Contain("STW pause", "the report is still printed");
        }
        Directory.GetFiles(tmp).Should().Equal([aFile], "no temporary file is left behind");
    }

    [Theory]
    [InlineData("/etc/passwd", "is a file; --png needs a directory to write its files into")]
    [InlineData("/etc/passwd/charts", "/etc/passwd is a file, not a directory")]
    [InlineData("/proc/gctrace-charts", "cannot create the directory in /proc")]
    public void Png_NotADirectory_OneLineExitThree(string dir, string says)
    {
        var r = CliProcess.Run($"'{Log}' --png '{dir}'");

        r.ExitCode.Should().Be(3, r.Stderr);
        r.Stderr.Split('\n').Where(l => l.Contains($"--png {dir}", StringComparison.Ordinal))
            .Should().Equal($"gctrace-pipe: --png {dir}: {says}", $"gctrace-pipe: 1 output failed: --png {dir}");
        foreach (var word in DotNetWords) r.Stderr.Should().NotContain(word);
    }

    [Fact]
    public void PipeMode_OutputIsADirectory_AppLinesStillPassAndOtherOutputsWritten()
    {
        var tmp = Directory.CreateTempSubdirectory("gctrace-out-").FullName;
        var csv = Path.Combine(tmp, "cycles.csv");
        var input = File.ReadAllText(Log);

        var r = CliProcess.Run($"--json '{tmp}' --csv '{csv}'", stdin: input);

        r.ExitCode.Should().Be(3, r.Stderr);
        r.Stderr.Should().Contain($"gctrace-pipe: --json {tmp}: is a directory; give a file path\n");
        r.Stdout.Should().Be(string.Concat(input.Split('\n').SkipLast(1).Where(l => !l.StartsWith("gc ", StringComparison.Ordinal)).Select(l => l + "\n")));
        File.ReadAllLines(csv).Length.Should().Be(1 + input.Split('\n').Count(l => l.StartsWith("gc ", StringComparison.Ordinal)));
    }

    [Fact]
    public void HtmlReport_StderrHoldsOnlyOurLines()
    {
        // Skia's SVG canvas printed "Unsupported path effect in addPaint." on stderr for every dashed chart line.
        var html = Path.Combine(Directory.CreateTempSubdirectory("gctrace-out-").FullName, "report.html");

        var r = CliProcess.Run($"'{Log}' --html '{html}'");

        r.ExitCode.Should().Be(0, r.Stderr);
        r.Stderr.Should().NotContain("Unsupported");
        r.Stderr.Split('\n').Where(l => l.Length > 0).Should().OnlyContain(l => l.StartsWith("gctrace-pipe: ", StringComparison.Ordinal) || l.StartsWith("  ", StringComparison.Ordinal));
    }
}
