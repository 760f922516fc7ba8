// GoroutineParks: the frames of the goroutine groups the profiles saw pile up, against which a "parks forever" reading
// of the code is checked.
namespace GcTrace.Source;

/// <summary>
/// A goroutine leak is goroutines piling up. When goroutine profiles were recorded, a line of code that could park a
/// goroutine forever (`ch &lt;- v` with no reader left) is the cause of growth only if a group of goroutines that grew
/// is parked there (its stack passes that line); with no such group the goroutines there complete their sends, whatever
/// the code looks like, and what grows is something else. <see cref="None"/> is the case without goroutine profiles.
/// </summary>
/// <param name="GrowingFrames">Every user frame (recorded file, line) of the stacks of the groups that grew.</param>
public sealed record GoroutineParks(IReadOnlyList<CodeFrame> GrowingFrames)
{
    /// <summary>No goroutine profiles: the code alone says whether a goroutine leaks.</summary>
    public static GoroutineParks? None => null;
}
