// TopGraph: the function-granularity call graph pprof builds before printing -top (internal/graph newGraph).
namespace GcTrace.Profiles;

internal sealed class TopGraph
{
    private TopGraph(List<Node> nodes) => Nodes = nodes;

    public List<Node> Nodes { get; }

    /// <summary>Builds nodes keyed by function name (granularity=functions clears files, lines and addresses; every
    /// inlined frame is a node of its own). With <paramref name="kept"/>, frames of other functions are skipped and a
    /// sample whose leaf-most frame was skipped loses its flat value, exactly as pprof's trimmed graph does.</summary>
    public static TopGraph Build(Profile profile, int sampleIndex, IReadOnlySet<string>? kept)
    {
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        var order = new List<Node>();
        var seenNodes = new HashSet<Node>();
        var seenEdges = new HashSet<(Node, Node)>();
        foreach (var sample in profile.Samples)
        {
            var w = sample.Values[sampleIndex];
            if (w == 0)
            {
                continue;
            }

            seenNodes.Clear();
            seenEdges.Clear();
            Node? parent = null;
            var residual = false;
            // Root (last) to leaf (first); a location's lines are stored innermost-first, so this also walks each
            // location's lines from last to first as pprof does.
            for (var i = sample.Stack.Count - 1; i >= 0; i--)
            {
                var frame = sample.Stack[i];
                var name = NodeName(frame);
                if (kept is not null && !kept.Contains(name))
                {
                    residual = true;
                    continue;
                }

                if (!nodes.TryGetValue(name, out var node))
                {
                    nodes[name] = node = new Node(name);
                    order.Add(node);
                }

                if (seenNodes.Add(node))
                {
                    node.Cum += w; // once per sample, so recursion is not double counted
                }

                if (parent is not null && parent != node && seenEdges.Add((parent, node)))
                {
                    node.AddIncomingEdge(parent, w, frame.IsInlined);
                }

                parent = node;
                residual = false;
            }

            if (parent is not null && !residual)
            {
                parent.Flat += w;
            }
        }

        // selectNodesForGraph: nodes whose weights cancel out (diffs) are not shown.
        return new TopGraph(order.Where(n => n.Flat != 0 || n.Cum != 0).ToList());
    }

    /// <summary>NodeInfo.PrintableName once file, line and address are aggregated away.</summary>
    public static string NodeName(StackFrame frame) => frame.Function.Length == 0 ? "<unknown>" : frame.Function;

    public sealed class Node(string name)
    {
        // Per caller: the edge weight, and whether every weighted call through it was inlined (Node.AddToEdgeDiv).
        private readonly Dictionary<Node, (long Weight, bool Inline)> incoming = [];

        public string Name { get; } = name;

        public long Flat { get; set; }

        public long Cum { get; set; }

        public void AddIncomingEdge(Node caller, long weight, bool inline) =>
            incoming[caller] = incoming.TryGetValue(caller, out var was)
                ? (was.Weight + weight, was.Inline && inline)
                : (weight, inline);

        /// <summary>report.TextItems: "(inline)" if all incoming edges are inline, "(partial-inline)" if some are.
        /// Edges lighter than <paramref name="edgeCutoff"/> do not count: pprof trims them first (TrimLowFrequencyEdges).</summary>
        public string InlineLabel(long edgeCutoff)
        {
            var edges = incoming.Values.Where(e => Math.Abs(e.Weight) >= edgeCutoff).ToList();
            var inline = edges.Any(e => e.Inline);
            var notInline = edges.Any(e => !e.Inline);
            return inline ? (notInline ? "(partial-inline)" : "(inline)") : "";
        }
    }
}
