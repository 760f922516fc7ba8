// Loads --heap-profile/--goroutine-profile files into a ProfileSeries and runs the --pprof scraper beside the pipeline.
using GcTrace.Diagnosis;
using GcTrace.Pipeline;
using GcTrace.Profiles;

namespace GcTrace.Cli;

internal static class ProfileInputs
{
    /// <summary>Reads every profile file; an unreadable one is an <see cref="InputException"/> naming the file.</summary>
    public static ProfileSeries Load(CliOptions options)
    {
        var series = new ProfileSeries();
        foreach (var path in options.HeapProfiles) series.AddHeap(Read(path));
        foreach (var path in options.GoroutineProfiles) series.AddGoroutine(Read(path));
        return series;
    }

    /// <summary>Scrapes --pprof until <paramref name="token"/> is cancelled; failures are warnings on stderr. Returns how
    /// many scrapes were tried and succeeded, or null without --pprof.</summary>
    public static async Task<ScrapeTally?> ScrapeAsync(CliOptions options, ProfileSeries series, CancellationToken token)
    {
        if (options.PprofUrl is not { } url) return null;
        using var http = new HttpClient();
        var scraper = new PprofScraper(http, url, series, warning => Console.Error.WriteLine($"gctrace-pipe: warning: {warning}"))
        {
            Interval = options.PprofInterval,
        };
        await scraper.RunAsync(token).ConfigureAwait(false);
        return scraper.Tally;
    }

    private static Profile Read(string path)
    {
        try
        {
            return ProfileReader.ReadFile(path);
        }
        catch (ProfileFormatException e)
        {
            throw new InputException(e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: {InputOpener.Describe(e)}", e);
        }
    }
}
