// What --pprof scraping achieved in a run: the verdict and the report say it, rather than suggest --pprof again.
namespace GcTrace.Profiles;

/// <summary>How many --pprof scrapes were tried and how many read both profiles, for the report.</summary>
public sealed record ScrapeTally(Uri Endpoint, int Attempts, int Succeeded);
