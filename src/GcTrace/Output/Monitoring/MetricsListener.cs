// Serves GET /metrics for as long as the pipe runs: Prometheus text, or OpenMetrics when the Accept header asks for it.
using System.Net;

namespace GcTrace.Output.Monitoring;

/// <summary>
/// One HttpListener, one request at a time (a scrape is a few kB and Prometheus scrapes each target serially).
/// prometheus-net 8.2.1's own MetricServer always answers in the 0.0.4 text format, so the content negotiation is ours;
/// the formats themselves are the library's.
/// </summary>
public sealed class MetricsListener : IAsyncDisposable
{
    public const string MetricsPath = "/metrics";
    private const string TextContentType = "text/plain; version=0.0.4; charset=utf-8";
    private const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private readonly HttpListener listener = new();
    private readonly GcMetrics metrics;
    private readonly CancellationTokenSource stop = new();
    private Task serving = Task.CompletedTask;

    private MetricsListener(GcMetrics metrics, ListenAddress address)
    {
        this.metrics = metrics;
        Address = address;
        listener.Prefixes.Add(address.Prefix);
    }

    public ListenAddress Address { get; }

    /// <summary>Starts listening; a busy port or a bad address throws <see cref="IOException"/> with a one-line message.</summary>
    public static MetricsListener Start(GcMetrics metrics, ListenAddress address)
    {
        var server = new MetricsListener(metrics, address);
        try
        {
            server.listener.Start();
        }
        catch (Exception e) when (e is HttpListenerException or System.Net.Sockets.SocketException or ArgumentException)
        {
            server.listener.Close();
            throw new IOException($"--metrics-listen {address}: {e.Message}", e);
        }
        server.serving = Task.Run(server.ServeAsync);
        return server;
    }

    /// <summary>True when an Accept header value asks for OpenMetrics (Prometheus sends it first, with the highest q).</summary>
    public static bool WantsOpenMetrics(string? accept) =>
        accept is not null && accept.Split(',').Any(part =>
            part.TrimStart().StartsWith("application/openmetrics-text", StringComparison.OrdinalIgnoreCase)
            && !part.Replace(" ", "", StringComparison.Ordinal).Contains(";q=0", StringComparison.Ordinal));

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().WaitAsync(stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            await AnswerAsync(context).ConfigureAwait(false);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            if (context.Request.Url?.AbsolutePath.TrimEnd('/') != MetricsPath || context.Request.HttpMethod is not ("GET" or "HEAD"))
            {
                response.StatusCode = 404;
                return;
            }
            var openMetrics = WantsOpenMetrics(context.Request.Headers["Accept"]);
            using var body = new MemoryStream();
            await metrics.WriteAsync(body, openMetrics, stop.Token).ConfigureAwait(false);
            response.StatusCode = 200;
            response.ContentType = openMetrics ? OpenMetricsContentType : TextContentType;
            response.ContentLength64 = body.Length;
            if (context.Request.HttpMethod == "GET") await response.OutputStream.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpListenerException or OperationCanceledException or ObjectDisposedException)
        {
            // The scraper went away or we are stopping: nothing to answer, and the pipe must go on.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is IOException or HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await serving.ConfigureAwait(false);
        listener.Close();
        stop.Dispose();
    }
}
