// SuspectSiting: gives each suspect its site, call path and creator from the profiles, and its code when found.
using static System.FormattableString;
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

    public IReadOnlyList<Suspect> Attach(IReadOnlyList<Suspect> suspects, ProfileSnapshot series, IReadOnlyList<GoroutineGrowth> goroutines)
    {
        ArgumentNullException.ThrowIfNull(suspects);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(goroutines);
        if (suspects.Count == 0)
        {
            return suspects;
        }

        var heap = SuspectSites.Heap(series);
        var sited = suspects.Select(s => Attach(s, series, heap, goroutines)).ToList();
        return sited.Select(s => HeldByGoroutines(s, sited)).ToList();
    }

    /// <summary>
    /// A heap suspect that starts goroutines which leak: those goroutines hold what it allocated for them (their
    /// arguments, their closure), so its growth lasts because they never end, whatever the code near its allocation
    /// shows. Its pattern is the goroutine leak, and its evidence names the `go` statement and the line they park at.
    /// </summary>
    private Suspect HeldByGoroutines(Suspect suspect, IReadOnlyList<Suspect> all)
    {
        if (suspect.CreatedBy is not null || suspect.Pattern == SuspectPattern.GoroutineLeak)
        {
            return suspect;
        }

        var leaking = all.FirstOrDefault(g => g.Pattern == SuspectPattern.GoroutineLeak && g.Site is not null
            && g.CreatedBy is { } go && Frames.Enclosing(go.Function) == suspect.Function);
        if (leaking is null)
        {
            return suspect;
        }

        var go = leaking.CreatedBy!;
        var park = leaking.Site!;
        var parkedCode = park.Code is { Length: > 0 } c ? Invariant($" `{c}`") : string.Empty;
        var goCode = code?.Code(go.File, go.Line) is { Length: > 0 } g ? Invariant($" `{g.Trim()}`") : string.Empty;
        return suspect with
        {
            Pattern = SuspectPattern.GoroutineLeak,
            Evidence = Invariant($"the goroutines it starts at {Path.GetFileName(go.File)}:{go.Line}{goCode} ({leaking.Function}) park forever at {Path.GetFileName(park.File)}:{park.Line}{parkedCode} and keep what it allocated for them alive"),
        };
    }

    private Suspect Attach(Suspect suspect, ProfileSnapshot series, IReadOnlyDictionary<string, SuspectLocation> heap, IReadOnlyList<GoroutineGrowth> goroutines)
    {
        var parked = goroutines.Where(g => LeakPatternClassifier.GoroutineBlame(g) == suspect.Function).MaxBy(g => g.Growth);
        var location = parked is not null ? SuspectSites.Goroutine(parked, series) : heap.GetValueOrDefault(suspect.Function);
        if (location is null)
        {
            return suspect;
        }

        var path = location.Path.Reverse().Select(f => new CodeFrame(f.Function, f.File, f.Line)).ToList();
        var finding = code?.Read(path);
        var createdBy = location.CreatedBy ?? (parked is not null ? code?.GoStatement(path) is { } go ? new SiteFrame(go.Function, go.File, go.Line) : null : null);
        return suspect with
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
    }
}
