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

    /// <summary>An interface type: a call on it may run any type's method of that name.</summary>
    Interface,

    /// <summary>A bytes.Buffer or strings.Builder: written to, its byte slice grows like an append-only slice.</summary>
    Buffer,
}
