// SuspectSiting: gives each suspect its site, call path and creator from the profiles, and its code when found.
using GcTrace.Events;
using GcTrace.Profiles;
using GcTrace.Source;

namespace GcTrace.Diagnosis;
/// <summary>
/// Runs after the stacks have named the suspects: a suspect blamed for piling goroutines is sited where they are
/// parked (and its `go` statement found), any other where its heap growth is largest. With a source locator the
/// site's line is quoted and the code reader reads the path, leaf first; its finding may name the pattern (see
/// <see cref="CodePatterns.Decide"/>) and becomes the suspect's evidence. Files that are not found change nothing.
/// </summary>
public sealed class SuspectSiting(SourceLocator? sources)
{
    private readonly CodeReader? code = sources is null ? null : new CodeReader(sources);

    /// <param name="goroutines">The goroutine groups judged to grow lastingly (suspects' parked goroutines).</param>
    /// <param name="rising">Every goroutine group whose count rose at all between the profiles judged, however slowly
    /// (null: <paramref name="goroutines"/>): a "parks forever" reading of the code holds only where one of them is parked.</param>
    public IReadOnlyList<Suspect> Attach(IReadOnlyList<Suspect> suspects, ProfileSnapshot series, IReadOnlyList<GoroutineGrowth> goroutines, IReadOnlyList<GoroutineGrowth>? rising = null)
    {
        ArgumentNullException.ThrowIfNull(suspects);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(goroutines);
        if (suspects.Count == 0)
        {
            return suspects;
        }

        var heap = SuspectSites.Heap(series);
        var parks = Parks(series, rising ?? goroutines);
        var sited = suspects.Select(s => Attach(s, series, heap, goroutines, parks)).ToList();
        return WithResponseOwner(sited.Select(s => HeldByGoroutines(s, sited)).ToList(), heap);
    }

    // An HTTP response whose body is never closed keeps its connection busy: the profiles see that memory only in
    // net/http's transport (its buffers, the persistConn readLoop/writeLoop goroutines), allocated by no frame of the
    // program. When every suspect blamed for unclosed resources is such a library function, the call in the program's
    // code that got the response and never closes its body is the suspect they stand for.
    private IReadOnlyList<Suspect> WithResponseOwner(IReadOnlyList<Suspect> suspects, IReadOnlyDictionary<string, SuspectLocation> heap)
    {
        var library = suspects.Where(s => s.Pattern == SuspectPattern.UnclosedResource).ToList();
        if (code is null || library.Count == 0 || !library.All(s => Frames.IsStd(s.Function)))
        {
            return suspects;
        }

        var programFrames = heap.Select(kv => new CodeFrame(kv.Key, kv.Value.Site.File, kv.Value.Site.Line));
        if (code.UnclosedResponses(programFrames) is not [var (at, finding), ..])
        {
            return suspects;
        }

        // Where the profiles saw the owner allocate (the request it sends), its site is pprof's line for it; the
        // evidence names the call that gets the response.
        var seen = heap.GetValueOrDefault(at.Function);
        var owner = new Suspect(at.Function, SuspectPattern.UnclosedResource, library.Sum(s => s.GrowthBytes))
        {
            Site = seen is { Site: var s } ? new SuspectSite(s.File, s.Line, code.Code(s.File, s.Line)) : new SuspectSite(at.File, at.Line, finding.Code),
            Path = seen?.Path ?? [new SiteFrame(at.Function, at.File, at.Line)],
            Evidence = $"{finding.Evidence}: each response keeps its connection, and with it what the profiles see grow in {string.Join(", ", library.Select(s => s.Function))}",
        };
        return [owner, .. suspects];
    }

    // Memory a function allocates and hands to goroutines it starts lives as long as they do: when those goroutines
    // pile up parked (a suspect of their own, started by this function, or by a helper it calls: `h.spawn(c.pump)`
    // with `go run()` in spawn) and the code at the allocation shows no pattern of its own, their pattern is the cause
    // of this growth too. A reader or writer the stacks show (bufio.NewWriter) is no resource of its own here: the
    // goroutines that use it are what never end.
    private Suspect HeldByGoroutines(Sited sited, IReadOnlyList<Sited> all)
    {
        var s = sited.Suspect;
        if (sited.Parked || sited.CodeShowsPattern || s.Site is null || s.Pattern is SuspectPattern.SyncPoolMisuse)
        {
            return s;
        }

        var holders = all.FirstOrDefault(o => o.Parked && o.Suspect.CreatedBy is { } creator && StartedBy(s, creator) && o.Suspect.Pattern is SuspectPattern.GoroutineLeak
            or SuspectPattern.TickerNotStopped or SuspectPattern.TimerNotStopped or SuspectPattern.ContextNotCancelled);
        if (holders?.Suspect is not { CreatedBy: { } go } parked)
        {
            return s;
        }

        var because = parked.Evidence ?? $"{parked.Function} parks them ({ContractNames.Of(parked.Pattern)})";
        return s with
        {
            Pattern = parked.Pattern,
            Evidence = $"{System.IO.Path.GetFileName(s.Site.File)}:{s.Site.Line} allocates what the goroutines started at {System.IO.Path.GetFileName(go.File)}:{go.Line} keep, and they never end: {because}",
        };
    }

    // The suspect's function started the goroutines whose creator is `creator`: it is the creator, or it calls it.
    private bool StartedBy(Suspect s, SiteFrame creator) =>
        creator.Function == s.Function
        || (code is not null && s.Site is { } site && code.Calls(new CodeFrame(s.Function, site.File, site.Line), creator.Function));

    // With two goroutine profiles or more the profiles say which groups rose (passed in), and a "parks forever" reading
    // of the code is checked against them; with fewer, the code alone decides.
    private static GoroutineParks? Parks(ProfileSnapshot series, IReadOnlyList<GoroutineGrowth> growing) =>
        series.Goroutines.Count < 2
            ? GoroutineParks.None
            : new GoroutineParks(growing.SelectMany(g => g.Stack).Where(f => !Frames.IsStd(f.Function)).Select(f => new CodeFrame(f.Function, f.File, f.Line)).ToList());

    private Sited Attach(Suspect suspect, ProfileSnapshot series, IReadOnlyDictionary<string, SuspectLocation> heap, IReadOnlyList<GoroutineGrowth> goroutines, GoroutineParks? parks)
    {
        var parked = goroutines.Where(g => LeakPatternClassifier.GoroutineBlame(g) == suspect.Function).MaxBy(g => g.Growth);
        var location = parked is not null ? SuspectSites.Goroutine(parked, series) : heap.GetValueOrDefault(suspect.Function);
        if (location is null)
        {
            return new Sited(suspect, parked is not null, CodeShowsPattern: false);
        }

        var path = location.Path.Reverse().Select(f => new CodeFrame(f.Function, f.File, f.Line)).ToList();
        var finding = code?.Read(path, parks);
        var createdBy = location.CreatedBy ?? (parked is not null ? code?.GoStatement(path) is { } go ? new SiteFrame(go.Function, go.File, go.Line) : null : null);
        var attached = suspect with
        {
            Pattern = CodePatterns.Decide(suspect.Pattern, finding),
            Site = new SuspectSite(location.Site.File, location.Site.Line, code?.Code(location.Site.File, location.Site.Line)),
            Path = location.Path,
            CreatedBy = createdBy,
            // A look-alike's evidence names a release; the site grew past it, which the sentence then says.
            Evidence = finding is { Holds: false } lookAlike ? lookAlike.Evidence + ", yet the site kept growing: that release does not bound it" : finding?.Evidence,
            // A goroutine suspect's listing shows what its function allocated too (the goroutines hold it).
            Lines = location.Lines.Count > 0 ? location.Lines : heap.GetValueOrDefault(suspect.Function)?.Lines ?? [],
        };
        return new Sited(attached, parked is not null, CodeShowsPattern: finding is { Holds: true });
    }

    private sealed record Sited(Suspect Suspect, bool Parked, bool CodeShowsPattern);
}
