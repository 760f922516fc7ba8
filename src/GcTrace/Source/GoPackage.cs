// GoPackage: the files of one Go package, so that "nothing deletes from it" is checked everywhere it could be.
namespace GcTrace.Source;

public sealed class GoPackage(IReadOnlyList<GoSourceFile> files)
{
    public IReadOnlyList<GoSourceFile> Files { get; } = files;

    public GoPackageVar? Var(string name) =>
        Files.SelectMany(f => f.Vars).FirstOrDefault(v => v.Name == name);

    /// <summary>Every function body line in the package.</summary>
    public IEnumerable<GoLine> AllLines() => Files.SelectMany(f => f.Functions).SelectMany(f => f.Lines());
}
