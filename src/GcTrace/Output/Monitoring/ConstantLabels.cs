// --label KEY=VALUE: constant labels on every series, checked against Prometheus's label-name rules.
namespace GcTrace.Output.Monitoring;

public static class ConstantLabels
{
    /// <summary>Parses KEY=VALUE pairs; a bad one is a <see cref="FormatException"/> with a one-line message.</summary>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> pairs)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new FormatException($"--label '{pair}': expected KEY=VALUE, e.g. service=api");
            var key = pair[..eq];
            if (!IsValidName(key))
                throw new FormatException($"--label '{pair}': a label name is letters, digits and '_', not starting with a digit or '__'");
            if (MetricNames.Reserved.Contains(key))
                throw new FormatException($"--label '{pair}': '{key}' is a label our metrics or Prometheus already use");
            if (!labels.TryAdd(key, pair[(eq + 1)..])) throw new FormatException($"--label '{pair}': '{key}' is given twice");
        }
        return labels;
    }

    // Prometheus: [a-zA-Z_][a-zA-Z0-9_]*, and names starting with "__" are reserved for its own use.
    private static bool IsValidName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && !name.StartsWith("__", StringComparison.Ordinal)
        && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
}
