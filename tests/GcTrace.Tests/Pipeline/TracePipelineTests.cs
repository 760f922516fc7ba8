// The channel graph on real logs: every sink sees every event in order, a failing sink is reported once and the others
// keep going, and input errors surface with the file's name.
using GcTrace.Analysis;
using GcTrace.Events;
using GcTrace.Output;
using GcTrace.Pipeline;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Pipeline;

public class TracePipelineTests
{
    private static string Log(string run) => Path.Combine(RepoPaths.Corpus, "go1.19", run, "combined.log");

    private sealed class Recording(string name, int failAfter = int.MaxValue) : IEventSink
    {
        public List<TraceEvent> Events { get; } = [];

        public InputSummary? Completed { get; private set; }

        public string Name => name;

        public void Write(IReadOnlyList<TraceEvent> batch)
        {
            if (Events.Count + batch.Count > failAfter) throw new IOException("disk full");
            Events.AddRange(batch);
        }

        public void Complete(InputSummary counts) => Completed = counts;
    }

    [Fact]
    public async Task RunAsync_TwoSinks_BothSeeEveryEventInInputOrder()
    {
        var a = new Recording("a");
        var b = new Recording("b");
        var counters = new InputCounters();

        var failures = await new TracePipeline([Log("edge_interleaved_writes")], null, [a, b], counters) { ChunkSize = 4096 }
            .RunAsync(CancellationToken.None);

        failures.Should().BeEmpty();
        var expected = CollectingOutput.Scan(File.ReadAllBytes(Log("edge_interleaved_writes"))).Output.Events;
        a.Events.Should().Equal(expected);
        b.Events.Should().Equal(expected);
        var counts = counters.Summarize();
        a.Completed.Should().Be(counts);
        (counts.GcLines + counts.AppLines + counts.OtherTraceLines + counts.UnrecognizedGcLines).Should().Be(counts.Lines);
    }

    [Fact]
    public async Task RunAsync_OneSinkFails_ReportedOnceOthersComplete()
    {
        var broken = new Recording("csv", failAfter: 100);
        var healthy = new Recording("events");

        var failures = await new TracePipeline([Log("pressure_noleak")], null, [broken, healthy], new InputCounters()) { ChunkSize = 4096 }
            .RunAsync(CancellationToken.None);

        failures.Should().ContainSingle().Which.Sink.Should().Be("csv");
        healthy.Events.OfType<GcCycle>().Should().HaveCount(CollectingOutput.Scan(File.ReadAllBytes(Log("pressure_noleak"))).Output.Cycles.Count());
        healthy.Completed.Should().NotBeNull();
    }

    [Fact]
    public async Task RunAsync_MissingFile_ThrowsInputExceptionNamingIt()
    {
        var run = () => new TracePipeline(["/nonexistent/app.log"], null, [new Recording("a")], new InputCounters()).RunAsync(CancellationToken.None);

        (await run.Should().ThrowAsync<InputException>()).Which.Message.Should().Be("/nonexistent/app.log: no such file");
    }
}
