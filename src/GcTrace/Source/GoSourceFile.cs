// GoSourceFile: one Go file read into tokens, its top-level funcs and its package-level vars.
namespace GcTrace.Source;

/// <summary>
/// Only the top level is parsed (depth 0 of braces and parentheses): `var` declarations, single or grouped, and
/// `func` declarations with or without a receiver. Bodies stay tokens; the code reader matches statement shapes in them.
/// </summary>
public sealed class GoSourceFile
{
    private readonly string[] lines;
    private readonly Dictionary<string, GoVarKind> typeKinds = new(StringComparer.Ordinal);

    private GoSourceFile(string path, string text)
    {
        Path = path;
        lines = text.Split('\n');
        Tokens = GoTokenizer.Tokenize(text);
        Package = Tokens.Count >= 2 && Tokens[0].Text == "package" ? Tokens[1].Text : string.Empty;
        var functions = new List<GoFunction>();
        var vars = new List<GoPackageVar>();
        var imports = new Dictionary<string, string>(StringComparer.Ordinal);
        ReadTopLevel(functions, vars, imports);
        Functions = functions;
        Vars = vars;
        ImportPaths = imports;
        Imports = imports.Keys.ToHashSet(StringComparer.Ordinal);
        TypeNames = ReadTypeNames();
        Fields = ReadFields();
    }

    /// <summary>The path the file was found at.</summary>
    public string Path { get; }

    public string Package { get; }

    public IReadOnlyList<GoToken> Tokens { get; }

    public IReadOnlyList<GoFunction> Functions { get; }

    public IReadOnlyList<GoPackageVar> Vars { get; }

    /// <summary>The names the file's imports are used by (`time`, `http` for "net/http", an alias when given), so
    /// that `time.NewTicker` or `f.Close()` on a value made by `os.Open` is known to be another package's.</summary>
    public IReadOnlySet<string> Imports { get; }

    /// <summary>Each import's path by the name it is used by: `idem` -> "gcfixtures/app/internal/idem".</summary>
    public IReadOnlyDictionary<string, string> ImportPaths { get; }

    /// <summary>The types the file declares (`type Probe struct`, each name of a `type ( ... )` group).</summary>
    public IReadOnlySet<string> TypeNames { get; }

    /// <summary>What each declared type is when it is a container: `type registry map[string]*Entry` -> Map.</summary>
    public IReadOnlyDictionary<string, GoVarKind> TypeKinds => typeKinds;

    /// <summary>Each struct field the file declares (any struct, nested too), with the index of its type's first token.</summary>
    public IReadOnlyList<(string Name, int Type, string? Owner)> Fields { get; }

    /// <summary>The top-level function whose body holds the line, or null (a package-level initializer).</summary>
    public GoFunction? FunctionAt(int line) => Functions.FirstOrDefault(f => f.Contains(line));

    public int LineCount => lines.Length;

    public static GoSourceFile Parse(string path, string text) => new(path, text);

    /// <summary>The trimmed text of a 1-based line without its trailing `//` comment; empty outside the file.</summary>
    public string LineText(int line) => line >= 1 && line <= lines.Length ? WithoutLineComment(lines[line - 1]).Trim() : string.Empty;

    /// <summary>The untrimmed text of a 1-based line (tabs kept), for listings.</summary>
    public string RawLine(int line) => line >= 1 && line <= lines.Length ? lines[line - 1].TrimEnd('\r') : string.Empty;

    /// <summary>The top-level function with this in-package name (generic brackets ignored), or the one whose body
    /// holds the line when the name is not found.</summary>
    public GoFunction? FindFunction(string name, int line)
    {
        var plain = StripTypeArguments(name);
        return Functions.FirstOrDefault(f => f.Name == plain) ?? Functions.FirstOrDefault(f => f.Contains(line));
    }

    /// <summary>Index of the bracket that closes the one at <paramref name="open"/>, or the last token.</summary>
    public int Closing(int open)
    {
        var depth = 0;
        for (var i = open; i < Tokens.Count; i++)
        {
            var t = Tokens[i];
            if (t.Kind != GoTokenKind.Operator)
            {
                continue;
            }

            depth += t.Text is "(" or "[" or "{" ? 1 : t.Text is ")" or "]" or "}" ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        return Tokens.Count - 1;
    }

    // Cuts at a `//` that is outside string, raw string and rune literals.
    private static string WithoutLineComment(string text)
    {
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote != '`')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '`' or '\'')
            {
                quote = c;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                return text[..i];
            }
        }

        return text;
    }

    /// <summary>"(*Cache[...]).Put" -> "(*Cache).Put": a generic function's name without its type arguments.</summary>
    public static string StripTypeArguments(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = new System.Text.StringBuilder(name.Length);
        var depth = 0;
        foreach (var c in name)
        {
            depth += c == '[' ? 1 : 0;
            if (depth == 0)
            {
                plain.Append(c);
            }

            depth -= c == ']' && depth > 0 ? 1 : 0;
        }

        return plain.ToString();
    }

    private void ReadTopLevel(List<GoFunction> functions, List<GoPackageVar> vars, Dictionary<string, string> imports)
    {
        var i = 0;
        while (i < Tokens.Count)
        {
            var t = Tokens[i];
            if (t.Kind == GoTokenKind.Keyword && t.Text == "func")
            {
                i = ReadFunc(i, functions);
            }
            else if (t.Kind == GoTokenKind.Keyword && t.Text == "var")
            {
                i = ReadVar(i + 1, vars);
            }
            else if (t.Kind == GoTokenKind.Keyword && t.Text == "import")
            {
                i = ReadImports(i + 1, imports);
            }
            else if (t.Kind == GoTokenKind.Operator && t.Text is "(" or "[" or "{")
            {
                i = Closing(i) + 1;
            }
            else
            {
                i++;
            }
        }
    }

    // func Name(...) ... { }  or  func (r *T) Name(...) ... { }; a declaration without a body (assembly) is skipped.
    private int ReadFunc(int at, List<GoFunction> functions)
    {
        var i = at + 1;
        var receiver = string.Empty;
        if (i < Tokens.Count && Tokens[i].Text == "(")
        {
            var close = Closing(i);
            receiver = ReceiverType(i + 1, close);
            i = close + 1;
        }

        if (i >= Tokens.Count || !Tokens[i].IsIdentifier)
        {
            return i;
        }

        var name = Tokens[i].Text;
        // Skip type parameters and the signature up to the body's brace at depth 0.
        for (i++; i < Tokens.Count; i++)
        {
            var t = Tokens[i];
            if (t.Kind == GoTokenKind.Operator && t.Text is "(" or "[")
            {
                i = Closing(i);
            }
            else if (t.Kind == GoTokenKind.Operator && t.Text == "{")
            {
                // A struct or interface in the result type opens a brace that is not the body.
                if (i > 0 && Tokens[i - 1].Text is "struct" or "interface")
                {
                    i = Closing(i);
                    continue;
                }

                var end = Closing(i);
                functions.Add(new GoFunction(receiver.Length == 0 ? name : receiver + "." + name, this, i, end, at));
                return end + 1;
            }
            else if (t.Kind == GoTokenKind.Keyword && t.Text == "func" && Tokens[i - 1].Line == t.Line)
            {
                // A func result type (`Subscribe(...) func() {`): a declaration would start a line of its own.
                continue;
            }
            else if (t.Kind == GoTokenKind.Keyword && t.Text is "func" or "var" or "type" or "const" or "import")
            {
                return i;
            }
        }

        return i;
    }

    // "(r *lru[K])" -> "(*lru)"; "(s server)" -> "server", as the compiler names methods.
    private string ReceiverType(int from, int to)
    {
        var star = false;
        string? type = null;
        for (var i = from; i < to; i++)
        {
            var t = Tokens[i];
            if (t.Text == "[")
            {
                i = Closing(i);
                continue;
            }

            star |= t.Text == "*";
            if (t.IsIdentifier)
            {
                type = t.Text;
            }
        }

        return type is null ? string.Empty : star ? "(*" + type + ")" : type;
    }

    // `type T ...` at the top level, and each spec of a `type ( ... )` group.
    private HashSet<string> ReadTypeNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < Tokens.Count; i++)
        {
            if (Tokens[i].Kind != GoTokenKind.Keyword || Tokens[i].Text != "type")
            {
                continue;
            }

            if (Tokens[i + 1].IsIdentifier)
            {
                names.Add(Tokens[i + 1].Text);
                AddTypeKind(i + 1);
            }
            else if (Tokens[i + 1].Text == "(")
            {
                var close = Closing(i + 1);
                for (var k = i + 2; k < close; k++)
                {
                    if (Tokens[k].IsIdentifier && Tokens[k].Line != Tokens[k - 1].Line)
                    {
                        names.Add(Tokens[k].Text);
                        AddTypeKind(k);
                    }

                    if (Tokens[k].Text is "{" or "(" or "[")
                    {
                        k = Closing(k);
                    }
                }
            }
        }

        return names;
    }

    // `type name[T any] map[...]...` / `[]...` / `sync.Map`: the kind after the name (and its type parameters).
    private void AddTypeKind(int name)
    {
        var at = name + 1;
        if (at < Tokens.Count && Tokens[at].Text == "[" && !(at + 1 < Tokens.Count && Tokens[at + 1].Text == "]"))
        {
            at = Closing(at) + 1;
        }

        if (KindOf(at, Tokens.Count) is var kind and not GoVarKind.Other)
        {
            typeKinds[Tokens[name].Text] = kind;
        }
    }

    // In every `struct { ... }`: each line's names (`a, b T`) and where the type starts; an embedded field
    // (`*Base`, `sync.Mutex`) is named by its type's last identifier.
    // Owner: the struct type's name (`type Uploader struct {`, or a line of a grouped `type (...)`), null for an
    // anonymous struct.
    private List<(string Name, int Type, string? Owner)> ReadFields()
    {
        var fields = new List<(string, int, string?)>();
        for (var i = 0; i + 1 < Tokens.Count; i++)
        {
            if (Tokens[i].Kind != GoTokenKind.Keyword || Tokens[i].Text != "struct" || Tokens[i + 1].Text != "{")
            {
                continue;
            }

            var owner = i >= 2 && Tokens[i - 1].IsIdentifier && (Tokens[i - 2].Text == "type" || Tokens[i - 2].Line != Tokens[i - 1].Line)
                ? Tokens[i - 1].Text
                : null;

            var close = Closing(i + 1);
            var k = i + 2;
            while (k < close)
            {
                var line = Tokens[k].Line;
                var start = k;
                var names = new List<string>();
                while (k < close && Tokens[k].IsIdentifier && Tokens[k].Line == line)
                {
                    names.Add(Tokens[k].Text);
                    if (k + 1 < close && Tokens[k + 1].Text == "," && Tokens[k + 2].IsIdentifier)
                    {
                        k += 2;
                        continue;
                    }

                    k++;
                    break;
                }

                var embedded = names.Count == 0 || k >= close || Tokens[k].Line != line || Tokens[k].Text is "." or ";" || Tokens[k].Kind == GoTokenKind.String;
                if (embedded)
                {
                    var last = start;
                    for (var e = start; e < close && Tokens[e].Line == line; e++)
                    {
                        last = Tokens[e].IsIdentifier ? e : last;
                    }

                    fields.Add((Tokens[last].Text, start, owner));
                }
                else
                {
                    fields.AddRange(names.Select(n => (n, k, owner)));
                }

                // The rest of the line (its type, a tag), nested brackets whole.
                while (k < close && Tokens[k].Line == line)
                {
                    k = Tokens[k].Text is "{" or "(" or "[" ? Closing(k) + 1 : k + 1;
                }

                k = Math.Max(k, start + 1);
            }
        }

        return fields;
    }

    // import "net/http" / import alias "path" / import ( ... ): the name each is used by.
    private int ReadImports(int at, Dictionary<string, string> imports)
    {
        var grouped = at < Tokens.Count && Tokens[at].Text == "(";
        var end = grouped ? Closing(at) : Math.Min(Tokens.Count, at + 2);
        for (var i = grouped ? at + 1 : at; i < end; i++)
        {
            if (Tokens[i].Kind != GoTokenKind.String)
            {
                continue;
            }

            var alias = i > 0 && Tokens[i - 1].IsIdentifier ? Tokens[i - 1].Text : null;
            var path = Tokens[i].Text.Trim('"', '`');
            var last = path[(path.LastIndexOf('/') + 1)..];
            // "math/rand/v2" is used as rand: a major-version suffix is not the package's name.
            if (last.Length > 1 && last[0] == 'v' && last[1..].All(char.IsDigit) && path.Contains('/', StringComparison.Ordinal))
            {
                var rest = path[..path.LastIndexOf('/')];
                last = rest[(rest.LastIndexOf('/') + 1)..];
            }

            imports[alias is null or "_" ? last : alias] = path;
            if (!grouped)
            {
                return i + 1;
            }
        }

        return end + 1;
    }

    // var x T / var x = v / var ( ... ): one entry per name.
    private int ReadVar(int at, List<GoPackageVar> vars)
    {
        if (at < Tokens.Count && Tokens[at].Text == "(")
        {
            var close = Closing(at);
            var i = at + 1;
            while (i < close)
            {
                i = ReadVarSpec(i, close, vars);
            }

            return close + 1;
        }

        return ReadVarSpec(at, Tokens.Count, vars);
    }

    // One spec: names, then a type and/or "= values", ending at the line's end outside brackets.
    private int ReadVarSpec(int at, int limit, List<GoPackageVar> vars)
    {
        var names = new List<GoToken>();
        var i = at;
        while (i < limit && Tokens[i].IsIdentifier)
        {
            names.Add(Tokens[i]);
            i++;
            if (i < limit && Tokens[i].Text == ",")
            {
                i++;
            }
            else
            {
                break;
            }
        }

        var specStart = i;
        var line = Tokens[Math.Min(at, Tokens.Count - 1)].Line;
        while (i < limit)
        {
            var t = Tokens[i];
            if (t.Line != line && i > specStart)
            {
                break;
            }

            if (t.Kind == GoTokenKind.Operator && t.Text is "(" or "[" or "{")
            {
                var close = Closing(i);
                line = Tokens[close].Line;
                i = close + 1;
                continue;
            }

            if (t.Text == ";")
            {
                i++;
                break;
            }

            i++;
        }

        var kind = KindOf(specStart, i);
        var typeName = TypeNameOf(specStart, i);
        foreach (var n in names)
        {
            vars.Add(new GoPackageVar(n.Text, kind, Path, n.Line, typeName));
        }

        return i == at ? at + 1 : i;
    }

    // `var r registry`, `var r = registry{}`, `= &registry{}`, `= make(registry)`: the named type, or null.
    private string? TypeNameOf(int from, int to)
    {
        var i = from;
        while (i < to && Tokens[i].Text is "=" or "&" or "*")
        {
            i++;
        }

        if (i + 1 < to && Tokens[i].Text == "make" && Tokens[i + 1].Text == "(")
        {
            i += 2;
        }

        return i < to && Tokens[i].IsIdentifier && !(i + 1 < to && Tokens[i + 1].Text is "." or "(") ? Tokens[i].Text : null;
    }

    // map[K]V, make(map..), map[..]..{}, []T, make([]T..), sync.Map, sync.Pool, &sync.Pool{...}.
    private GoVarKind KindOf(int from, int to)
    {
        var i = from;
        if (i < to && Tokens[i].Text == "=")
        {
            i++;
        }

        while (i < to && Tokens[i].Text is "&" or "*")
        {
            i++;
        }

        if (i + 1 < to && Tokens[i].Text is "make" or "new" && Tokens[i + 1].Text == "(")
        {
            i += 2;
        }

        if (i >= to)
        {
            return GoVarKind.Other;
        }

        if (i + 2 < to && Tokens[i + 1].Text == "." && (Tokens[i].Text, Tokens[i + 2].Text) is ("bytes", "Buffer" or "NewBuffer" or "NewBufferString") or ("strings", "Builder"))
        {
            return GoVarKind.Buffer;
        }

        if (Tokens[i].Text == "map")
        {
            return GoVarKind.Map;
        }

        if (Tokens[i].Text == "func" && i + 1 < to && Tokens[i + 1].Text == "(")
        {
            return GoVarKind.Func;
        }

        if (Tokens[i].Text == "interface" && i + 1 < to && Tokens[i + 1].Text == "{")
        {
            return GoVarKind.Interface;
        }

        if (Tokens[i].Text == "[" && i + 1 < to && Tokens[i + 1].Text == "]")
        {
            return GoVarKind.Slice;
        }

        if (i + 2 < to && Tokens[i].Text == "sync" && Tokens[i + 1].Text == ".")
        {
            return Tokens[i + 2].Text switch
            {
                "Map" => GoVarKind.SyncMap,
                "Pool" => GoVarKind.Pool,
                _ => GoVarKind.Other,
            };
        }

        return GoVarKind.Other;
    }
}
