// GoPackageVar: a package-level `var`, the long-lived place where retained memory hangs.
namespace GcTrace.Source;

public sealed record GoPackageVar(string Name, GoVarKind Kind, string File, int Line);
