// `--pprof URL`: fetches heap and goroutine profiles from a live net/http/pprof endpoint into a ProfileStore.
namespace GcTrace.Pipeline;

using System.Globalization;
using static System.FormattableString;
using GcTrace.Profiles;

/// <summary>
/// The trace keeps streaming whatever the endpoint does, so a refused connection, a timeout or a bad profile is a
/// warning passed to <c>warn</c>, never an exception; only cancellation stops the loop. Requests ask for the protobuf
/// form (no ?debug=, i.e. debug=0), which carries the profile's own timestamp for ordering. The caller owns the
/// HttpClient (one per process, as HttpClient wants); the per-request timeout lives here so a hung endpoint costs at
/// most that long per scrape.
/// </summary>
public sealed class PprofScraper
{
    /// <summary>How often to scrape by default: the heap profile only changes once per GC, so more often adds little.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(15);

    /// <summary>Per-request timeout by default; a heap profile of a large program takes a few seconds to write.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient http;
    private readonly ProfileStore series;
    private readonly Action<string> warn;
    private readonly Uri baseUrl;

    public PprofScraper(HttpClient http, Uri baseUrl, ProfileStore series, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(warn);
        this.http = http;
        this.series = series;
        this.warn = warn;
        this.baseUrl = new Uri(baseUrl.ToString().TrimEnd('/') + "/", UriKind.Absolute);
    }

    public TimeSpan Interval { get; init; } = DefaultInterval;

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Scrapes now, then every <see cref="Interval"/>, until <paramref name="token"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken token)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                await ScrapeOnceAsync(token).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping is the normal end of a scrape loop.
        }
    }

    /// <summary>Fetches both profiles once; returns how many were added to the series.</summary>
    public async Task<int> ScrapeOnceAsync(CancellationToken token)
    {
        var added = 0;
        foreach (var kind in new[] { "heap", "goroutine" })
        {
            var profile = await FetchAsync(kind, token).ConfigureAwait(false);
            if (profile is not null)
            {
                series.Add(profile);
                added++;
            }
        }

        return added;
    }

    private async Task<Profile?> FetchAsync(string kind, CancellationToken token)
    {
        var url = new Uri(baseUrl, "debug/pprof/" + kind);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(token);
        cts.CancelAfter(Timeout);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                warn(Invariant($"pprof: {url} answered {(int)response.StatusCode} {response.ReasonPhrase}; skipped this {kind} profile."));
                return null;
            }

            await using var body = await response.Content.ReadAsStreamAsync(cts.Token).ConfigureAwait(false);
            var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, cts.Token).ConfigureAwait(false);
            buffer.Position = 0;
            var name = Invariant($"{kind}@{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}");
            var profile = ProfileReader.Read(buffer, name);
            // A proto profile carries its own time; a text form does not, so stamp it with when it arrived.
            return profile.TimeNanos != 0 ? profile : profile with { TimeNanos = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100 };
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            warn(Invariant($"pprof: {url} did not answer within {Timeout.TotalSeconds:0.#} s; skipped this {kind} profile."));
        }
        catch (HttpRequestException e)
        {
            warn($"pprof: {url} is unreachable ({e.Message}); skipped this {kind} profile.");
        }
        catch (ProfileFormatException e)
        {
            warn($"pprof: {url} did not return a readable {kind} profile ({e.Message}).");
        }

        return null;
    }

}
