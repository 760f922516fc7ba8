// The human report (stderr in the CLI) as an end-of-run sink.
namespace GcTrace.Output;

public sealed class TextReportSink(TextWriter destination) : IRunSink
{
    public string Name => "report";

    public void Write(RunEnd end) => TextReport.Write(end.Diagnosis, destination);
}
