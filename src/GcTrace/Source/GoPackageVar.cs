// GoPackageVar: a package-level `var`, the long-lived place where retained memory hangs.
namespace GcTrace.Source;

/// <param name="TypeName">The declared type when it is a name (`var reg registry`), for kinds declared by a named type.</param>
public sealed record GoPackageVar(string Name, GoVarKind Kind, string File, int Line, string? TypeName = null);
