// PprofScraper against a local endpoint serving fixture profiles, one that never answers, and one that refuses.
using System.Net;
using System.Net.Sockets;
using GcTrace.Profiles;
using GcTrace.Diagnosis;
using GcTrace.Pipeline;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Pipeline;

public class PprofScraperTests
{
    private static readonly string Run = Path.Combine(RepoPaths.Fixtures, "runs", "leak_goroutine");

    [Fact]
    public async Task ScrapeOnceAsync_LocalPprofEndpoint_AddsHeapAndGoroutineProfiles()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var requested = new List<string>();
        var serving = Task.Run(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                var context = await listener.GetContextAsync();
                requested.Add(context.Request.Url!.PathAndQuery);
                var file = context.Request.Url.AbsolutePath.EndsWith("/heap", StringComparison.Ordinal) ? "heap-003.pb.gz" : "goroutine-003.pb.gz";
                var bytes = await File.ReadAllBytesAsync(Path.Combine(Run, file));
                context.Response.ContentType = "application/octet-stream";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
        var series = new ProfileStore();
        var warnings = new List<string>();
        using var http = new HttpClient();
        var scraper = new PprofScraper(http, new Uri($"http://127.0.0.1:{port}"), series, warnings.Add);

        var added = await scraper.ScrapeOnceAsync(CancellationToken.None);
        await serving;

        added.Should().Be(2);
        warnings.Should().BeEmpty();
        requested.Should().Equal("/debug/pprof/heap", "/debug/pprof/goroutine");
        series.Snapshot().Heaps.Count.Should().Be(1);
        series.Snapshot().Goroutines.Count.Should().Be(1);
    }

    [Fact]
    public async Task ScrapeOnceAsync_EndpointThatHangs_WarnsAfterTimeoutInsteadOfThrowing()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts connections (the kernel backlog does) but never answers
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var warnings = new List<string>();
        using var http = new HttpClient();
        var scraper = new PprofScraper(http, new Uri($"http://127.0.0.1:{port}/"), new ProfileStore(), warnings.Add)
        {
            Timeout = TimeSpan.FromMilliseconds(300),
        };

        var added = await scraper.ScrapeOnceAsync(CancellationToken.None);

        added.Should().Be(0);
        // One warning per scrape: once the heap request times out, the goroutine one is not tried.
        warnings.Should().ContainSingle().Which.Should().Contain("did not answer within 0.3 s");
    }

    [Fact]
    public async Task ScrapeOnceAsync_NothingListening_WarnsUnreachable()
    {
        var port = FreePort();
        var warnings = new List<string>();
        using var http = new HttpClient();
        var scraper = new PprofScraper(http, new Uri($"http://127.0.0.1:{port}"), new ProfileStore(), warnings.Add);

        var added = await scraper.ScrapeOnceAsync(CancellationToken.None);

        added.Should().Be(0);
        warnings.Should().ContainSingle().Which.Should().Contain("unreachable");
        scraper.Tally.Should().Be(new ScrapeTally(new Uri($"http://127.0.0.1:{port}/"), 1, 0));
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsWithoutThrowing()
    {
        var port = FreePort();
        var warnings = new List<string>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var http = new HttpClient();
        // Cancelled from inside the first warning: the loop is then waiting out its (backed-off) delay.
        var scraper = new PprofScraper(http, new Uri($"http://127.0.0.1:{port}"), new ProfileStore(), w => { warnings.Add(w); cts.Cancel(); })
        {
            Interval = TimeSpan.FromMilliseconds(50),
        };

        var run = () => scraper.RunAsync(cts.Token);

        await run.Should().CompleteWithinAsync(TimeSpan.FromSeconds(30));
        warnings.Should().ContainSingle().Which.Should().Contain("unreachable");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
