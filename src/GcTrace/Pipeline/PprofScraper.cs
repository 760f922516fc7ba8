// `--pprof URL`: fetches heap and goroutine profiles from a live net/http/pprof endpoint into a ProfileStore.
using System.Globalization;
using static System.FormattableString;
using GcTrace.Profiles;

namespace GcTrace.Pipeline;
/// <summary>
/// The trace keeps streaming whatever the endpoint does, so a refused connection, a timeout, a body cut off when the
/// application exits, a body beyond <see cref="MaxBodyBytes"/> or a bad profile is a warning passed to <c>warn</c>, never
/// an exception; only cancellation stops the loop. The body is streamed into a capped buffer, and a gzip profile is
/// checked against the decompression cap before it is decoded, so a server that streams forever or serves a bomb costs
/// at most the caps. A failed scrape makes the next one wait longer (<see cref="ScrapeBackoff"/>) and is warned about
/// once per outage, not once per profile and interval. Requests ask for the protobuf form (no ?debug=, i.e. debug=0),
/// which carries the profile's own timestamp for ordering. The caller owns the HttpClient (one per process, as
/// HttpClient wants); the per-request timeout lives here so a hung endpoint costs at most that long per scrape.
/// </summary>
public sealed class PprofScraper
{
    /// <summary>How often to scrape by default: the heap profile only changes once per GC, so more often adds little.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(15);

    /// <summary>Per-request timeout by default; a heap profile of a large program takes a few seconds to write.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Most body bytes one scrape may read: a gzipped heap profile of a large Go service is a few MB, so this
    /// is generous for a real one and stops a runaway server long before memory matters.</summary>
    public const long DefaultMaxBodyBytes = 32L << 20;

    private static readonly string[] Kinds = ["heap", "goroutine"];

    private readonly HttpClient http;
    private readonly ProfileStore series;
    private readonly Action<string> warn;
    private readonly Uri baseUrl;
    private ScrapeBackoff? backoff;
    private int attempts;
    private int succeeded;

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

    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    public ProfileReaderOptions ReaderOptions { get; init; } = ProfileReaderOptions.Default;

    /// <summary>Scrapes tried so far and how many of them read every profile.</summary>
    public ScrapeTally Tally => new(baseUrl, Volatile.Read(ref attempts), Volatile.Read(ref succeeded));

    private ScrapeBackoff Backoff => backoff ??= new ScrapeBackoff(Interval);

    /// <summary>Scrapes now, then every <see cref="Interval"/> (longer after failures), until <paramref name="token"/>
    /// is cancelled.</summary>
    public async Task RunAsync(CancellationToken token)
    {
        try
        {
            while (true)
            {
                var started = DateTime.UtcNow;
                await ScrapeOnceAsync(token).ConfigureAwait(false);
                var wait = Backoff.NextDelay() - (DateTime.UtcNow - started);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping is the normal end of a scrape loop.
        }
    }

    /// <summary>Fetches both profiles once; returns how many were added to the series.</summary>
    public async Task<int> ScrapeOnceAsync(CancellationToken token)
    {
        Interlocked.Increment(ref attempts); // a scrape cut short by the end of the run counts, as a failed one
        series.Scrapes = Tally;
        var added = 0;
        var problems = new List<string>();
        foreach (var kind in Kinds)
        {
            var (profile, problem, endpointDown) = await FetchAsync(kind, token).ConfigureAwait(false);
            if (profile is not null)
            {
                series.Add(profile);
                added++;
            }

            if (problem is not null) problems.Add(problem);
            if (endpointDown) break; // the other profile would fail the same way: one warning, not two
        }

        token.ThrowIfCancellationRequested();
        var ok = problems.Count == 0;
        var failuresBefore = Backoff.ConsecutiveFailures;
        if (ok) Interlocked.Increment(ref succeeded);
        series.Scrapes = Tally;
        var next = Backoff.Record(ok);
        if (ok && failuresBefore > 0)
        {
            warn(Invariant($"pprof: {baseUrl} answers again after {failuresBefore} failed scrape(s)."));
        }
        else if (!ok && Backoff.ShouldWarn)
        {
            var streak = Backoff.ConsecutiveFailures == 1 ? "" : Invariant($" ({Backoff.ConsecutiveFailures} failed scrapes in a row)");
            warn(Invariant($"{string.Join(" ", problems)}{streak} Next try in {next.TotalSeconds:0.#} s."));
        }

        return added;
    }

    // A profile, or why not; endpointDown when nothing answers at all, so the rest of this scrape is skipped.
    private async Task<(Profile? Profile, string? Problem, bool EndpointDown)> FetchAsync(string kind, CancellationToken token)
    {
        var url = new Uri(baseUrl, "debug/pprof/" + kind);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(token);
        cts.CancelAfter(Timeout);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return (null, Invariant($"pprof: {url} answered {(int)response.StatusCode} {response.ReasonPhrase}; skipped this {kind} profile."), false);
            }

            if (response.Content.Headers.ContentLength is { } declared && declared > MaxBodyBytes)
            {
                return (null, Invariant($"pprof: {url} announced {declared} bytes, more than the {MaxBodyBytes} byte limit; skipped this {kind} profile."), false);
            }

            var body = new CappedBuffer(MaxBodyBytes);
            await using (var stream = await response.Content.ReadAsStreamAsync(cts.Token).ConfigureAwait(false))
            {
                if (!await body.FillAsync(stream, cts.Token).ConfigureAwait(false))
                {
                    return (null, Invariant($"pprof: {url} sent more than the {MaxBodyBytes} byte limit; stopped reading and skipped this {kind} profile."), false);
                }
            }

            var name = Invariant($"{kind}@{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}");
            var profile = ProfileReader.Read(body, name, ReaderOptions);
            // A proto profile carries its own time; a text form does not, so stamp it with when it arrived.
            return (profile.TimeNanos != 0 ? profile : profile with { TimeNanos = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100 }, null, false);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return (null, Invariant($"pprof: {url} did not answer within {Timeout.TotalSeconds:0.#} s; skipped this {kind} profile."), true);
        }
        catch (HttpRequestException e)
        {
            return (null, $"pprof: {url} is unreachable ({e.Message}); skipped this {kind} profile.", true);
        }
        catch (IOException e)
        {
            // HttpIOException and socket errors: typically the application exited while writing the profile.
            return (null, $"pprof: {url} broke off the {kind} profile ({e.Message}); skipped it.", false);
        }
        catch (ProfileFormatException e)
        {
            return (null, $"pprof: {url} did not return a readable {kind} profile ({e.Message}).", false);
        }
    }

}
