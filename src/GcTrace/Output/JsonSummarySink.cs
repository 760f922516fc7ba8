// `--json`: the summary document written to the stream it is given.
namespace GcTrace.Output;

public sealed class JsonSummarySink(Stream destination) : IRunSink
{
    public string Name => "json";

    public void Write(RunEnd end) => JsonSummaryWriter.Write(end.Diagnosis, destination);
}
