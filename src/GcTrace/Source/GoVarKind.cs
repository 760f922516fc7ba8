// GoVarKind: what a package-level variable holds, as far as its declaration shows.
namespace GcTrace.Source;

public enum GoVarKind
{
    Other,
    Map,
    Slice,
    SyncMap,
    Pool,

    /// <summary>A func type (`type Handler func(io.Writer) error`): its values are closures.</summary>
    Func,
}
