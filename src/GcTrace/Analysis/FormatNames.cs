// The names of the gc line eras as the summary writes them.
using GcTrace.Events;

namespace GcTrace.Analysis;

internal static class FormatNames
{
    public static string Of(GcFormat format) => format switch
    {
        GcFormat.Go15 => "go1.5",
        GcFormat.Go16 => "go1.6-1.17",
        GcFormat.Go118 => "go1.18+",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "An era added without a name."),
    };
}
