// GoPackage: the files of one Go package, so that "nothing deletes from it" is checked everywhere it could be.
namespace GcTrace.Source;

public sealed class GoPackage
{
    private readonly List<GoPackage> importers = [];
    private Lazy<ReachableFunctions> reachable;

    public GoPackage(IReadOnlyList<GoSourceFile> files)
    {
        Files = files;
        TypeNames = files.SelectMany(f => f.TypeNames).ToHashSet(StringComparer.Ordinal);
        reachable = new Lazy<ReachableFunctions>(() => new ReachableFunctions(this));
    }

    public IReadOnlyList<GoSourceFile> Files { get; }

    /// <summary>The packages known to import this one (found through their imports by the source locator).</summary>
    public IReadOnlyList<GoPackage> Importers => importers;

    /// <summary>The types declared anywhere in the package.</summary>
    public IReadOnlySet<string> TypeNames { get; }

    /// <summary>The functions that can run: reachable from main, init and the like (see <see cref="ReachableFunctions"/>).</summary>
    internal ReachableFunctions Reachable => reachable.Value;

    /// <summary>The package-level variable, its kind read through a named type (`type registry map[..]..`).</summary>
    /// <summary>Records a package that imports this one: from now on its exported functions count as reachable only
    /// where an importer uses them.</summary>
    public void AddImporter(GoPackage importer)
    {
        if (!importers.Contains(importer))
        {
            importers.Add(importer);
            reachable = new Lazy<ReachableFunctions>(() => new ReachableFunctions(this));
        }
    }

    public GoPackageVar? Var(string name) =>
        Files.SelectMany(f => f.Vars).FirstOrDefault(v => v.Name == name) is { } v
            ? v.Kind == GoVarKind.Other && v.TypeName is { } type && NamedKind(type) is var kind and not GoVarKind.Other ? v with { Kind = kind } : v
            : null;

    /// <summary>The container kind of a type the package declares (`type index map[string][]int` -> Map), else Other.</summary>
    public GoVarKind NamedKind(string type) =>
        Files.Select(f => f.TypeKinds.GetValueOrDefault(type)).FirstOrDefault(k => k != GoVarKind.Other);

    /// <summary>Every function body line in the package.</summary>
    public IEnumerable<GoLine> AllLines() => Files.SelectMany(f => f.Functions).SelectMany(f => f.Lines());

    /// <summary>The type of the first struct field so named in the package: a package type's name,
    /// <see cref="ValueTypes.Foreign"/> for any other type, null when no struct declares the field.</summary>
    /// <param name="owner">The struct type the field is selected from, when known: several structs may name a field
    /// alike (`hooks Registry` in one, `hooks map[string]Hook` in another), and the owner's declaration decides.</param>
    internal string? FieldType(string field, string? owner = null)
    {
        if (owner is not null)
        {
            foreach (var file in Files)
            {
                foreach (var (name, type, declaredIn) in file.Fields)
                {
                    if (name == field && declaredIn == owner)
                    {
                        return ValueTypes.TypeAt(this, file, type);
                    }
                }
            }
        }

        foreach (var file in Files)
        {
            foreach (var (name, type, _) in file.Fields)
            {
                if (name == field)
                {
                    return ValueTypes.TypeAt(this, file, type);
                }
            }
        }

        return null;
    }
}
