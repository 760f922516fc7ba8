// PprofOracle: a saved `go tool pprof -top` output, split into its sample type and its row lines.
namespace GcTrace.Tests.Support;

internal sealed record PprofOracle(string Path, string SampleType, IReadOnlyList<string> Rows)
{
    private const string ColumnHeader = "      flat  flat%   sum%        cum   cum%";

    /// <summary>Header lines (File:, Build ID:, Time:, Showing ..., Dropped ...) are skipped; rows follow the column header.</summary>
    public static PprofOracle Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var type = lines.First(l => l.StartsWith("Type: ", StringComparison.Ordinal))["Type: ".Length..];
        var header = Array.IndexOf(lines, ColumnHeader);
        if (header < 0)
        {
            throw new InvalidOperationException($"{path}: no column header");
        }

        return new PprofOracle(path, type, lines[(header + 1)..].Where(l => l.Length != 0).ToArray());
    }
}
