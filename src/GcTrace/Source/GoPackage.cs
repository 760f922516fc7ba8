// GoPackage: the files of one Go package, so that "nothing deletes from it" is checked everywhere it could be.
namespace GcTrace.Source;

public sealed class GoPackage
{
    private readonly List<GoPackage> importers = [];
    private readonly ILookup<string, GoFunction> functionsByName;
    private Lazy<ReachableFunctions> reachable;

    public GoPackage(IReadOnlyList<GoSourceFile> files)
    {
        Files = files;
        TypeNames = files.SelectMany(f => f.TypeNames).ToHashSet(StringComparer.Ordinal);
        functionsByName = files.SelectMany(f => f.Functions).ToLookup(f => f.Name, StringComparer.Ordinal);
        reachable = new Lazy<ReachableFunctions>(() => new ReachableFunctions(this));
    }

    public IReadOnlyList<GoSourceFile> Files { get; }

    /// <summary>The packages known to import this one (found through their imports by the source locator).</summary>
    public IReadOnlyList<GoPackage> Importers => importers;

    /// <summary>The types declared anywhere in the package.</summary>
    public IReadOnlySet<string> TypeNames { get; }

    /// <summary>The functions that can run: reachable from main, init and the like (see <see cref="ReachableFunctions"/>).</summary>
    internal ReachableFunctions Reachable => reachable.Value;

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

    /// <summary>The package-level variable, its kind read through a named type (`type registry map[..]..`).</summary>
    public GoPackageVar? Var(string name) =>
        Files.SelectMany(f => f.Vars).FirstOrDefault(v => v.Name == name) is { } v
            ? v.Kind == GoVarKind.Other && v.TypeName is { } type && NamedKind(type) is var kind and not GoVarKind.Other ? v with { Kind = kind } : v
            : null;

    /// <summary>The container kind of a type the package declares (`type index map[string][]int` -> Map), else Other.</summary>
    public GoVarKind NamedKind(string type) =>
        Files.Select(f => f.TypeKinds.GetValueOrDefault(type)).FirstOrDefault(k => k != GoVarKind.Other);

    /// <summary>The first function of the package (in file order) whose name is spelt so (`handle`, `(*Conn).onEvent`),
    /// or null; looked up by name, since rules ask it for every call on a line.</summary>
    public GoFunction? Function(string name) => functionsByName[name].FirstOrDefault();

    /// <summary>Where the declared type of a struct field (<paramref name="field"/>) or a package-level var so named
    /// begins, one per declaration found, with the element type at its bottom (see <see cref="DeclaredType"/>). For a
    /// var, `= make(` or `=` before a composite literal is skipped, so `var subs = make(map[string][]func())` reads as
    /// its type. Any struct's field so named counts, whatever its owner.</summary>
    internal IEnumerable<DeclaredType> DeclaredTypes(string name, bool field)
    {
        foreach (var file in Files)
        {
            var t = file.Tokens;
            var starts = field
                ? file.Fields.Where(f => f.Name == name).Select(f => f.Type)
                : Enumerable.Range(1, Math.Max(0, t.Count - 1)).Where(i => t[i].IsIdentifier && t[i].Text == name && t[i - 1].Text is "var" or "(" or ";"
                    || (t[i].IsIdentifier && t[i].Text == name && t[i - 1].Line != t[i].Line)).Select(i => i + 1);
            foreach (var declared in starts)
            {
                var at = declared;
                if (!field)
                {
                    at += at < t.Count && t[at].Text == "=" ? 1 : 0;
                    at += at + 1 < t.Count && t[at].Text == "make" && t[at + 1].Text == "(" ? 2 : 0;
                }

                yield return new DeclaredType(file, at, DeclaredType.ElementOf(t, at));
            }
        }
    }

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
