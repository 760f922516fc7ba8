// Decides whether a string can still grow into a gc line: the question reassembly asks about every split piece.
namespace GcTrace.Parsing;

/// <summary>
/// Character-level prefix test against the gc line templates of every era (gctrace-format.md §1.4). The language of prefixes is
/// prefix-closed, so the longest prefix of a line that can belong to a gc line is found by one scan.
/// </summary>
internal static class GcLinePrefix
{
    private enum Kind { Lit, Int, Dec, Ms }

    private readonly record struct Token(Kind Kind, string Text = "", bool Optional = false);

    private static Token L(string s, bool optional = false) => new(Kind.Lit, s, optional);
    private static readonly Token I = new(Kind.Int), D = new(Kind.Dec), M = new(Kind.Ms);

    private static readonly Token[] Head = [L(TraceMarkers.Gc.Text), I, L(" @"), D, L("s "), I, L("%"), L(" (checking for goroutine leaks)", true), L(": ")];
    private static readonly Token[] Heap = [I, L("->"), I, L("->"), I, L(" MB, "), I, L(" MB goal, ")];
    private static readonly Token[] Cpu5 = [M, L("+"), M, L("/"), M, L("/"), M, L("+"), M, L(" ms cpu, ")];
    private static readonly Token[] TailP = [I, L(" P"), L(" (forced)", true)];

    private static readonly Token[][] Templates =
    [
        [.. Head, M, L("+"), M, L("+"), M, L(" ms clock, "), .. Cpu5, .. Heap, I, L(" MB stacks, "), I, L(" MB globals, "), .. TailP],
        [.. Head, M, L("+"), M, L("+"), M, L(" ms clock, "), .. Cpu5, .. Heap, .. TailP],
        [.. Head, M, L("+"), M, L("+"), M, L("+"), M, L("+"), M, L(" ms clock, "),
            M, L("+"), M, L("+"), M, L("+"), M, L("/"), M, L("/"), M, L("+"), M, L(" ms cpu, "), .. Heap, .. TailP],
    ];

    /// <summary>True when <paramref name="s"/> is the beginning (or the whole) of some gc line.</summary>
    public static bool IsPrefix(ReadOnlySpan<char> s)
    {
        foreach (var t in Templates)
            if (Match(t, 0, s, 0)) return true;
        return false;
    }

    /// <summary>The largest p such that <paramref name="head"/> + <paramref name="line"/>[..p] is a gc-line prefix, or -1.</summary>
    public static int LongestExtension(string head, string line)
    {
        if (!IsPrefix(head)) return -1;
        // Prefixes are prefix-closed, so the answer is found by bisection.
        var buffer = (head + line).AsSpan();
        int lo = 0, hi = line.Length;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (IsPrefix(buffer[..(head.Length + mid)])) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    private static bool Match(Token[] seq, int ti, ReadOnlySpan<char> s, int si)
    {
        while (true)
        {
            if (si == s.Length) return true;
            if (ti == seq.Length) return false;
            var t = seq[ti];
            if (t.Optional && Match(seq, ti + 1, s, si)) return true;
            switch (t.Kind)
            {
                case Kind.Lit:
                    var k = Math.Min(t.Text.Length, s.Length - si);
                    if (!s.Slice(si, k).SequenceEqual(t.Text.AsSpan(0, k))) return false;
                    if (k < t.Text.Length) return true;
                    si += k;
                    break;
                default:
                    // Numbers are matched as whole runs, in the exact forms the runtime prints, so that a split inside a
                    // number ("0.20" + "1[logger...") is not mistaken for a shorter number.
                    var run = Run(s, si, t.Kind != Kind.Int);
                    if (run == 0) return false;
                    var token = s.Slice(si, run);
                    si += run;
                    if (si == s.Length) return Forms.IsPrefix(t.Kind, token);
                    if (!Forms.IsWhole(t.Kind, token)) return false;
                    break;
            }
            ti++;
        }
    }

    private static int Run(ReadOnlySpan<char> s, int i, bool allowPoint)
    {
        var n = 0;
        while (i + n < s.Length && (char.IsAsciiDigit(s[i + n]) || (allowPoint && s[i + n] == '.'))) n++;
        return n;
    }

    // The number forms of gctrace-format.md §1.2: itoaDiv(ms, 3) for seconds, fmtNSAsMS for durations, printuint for integers.
    private static class Forms
    {
        private static readonly System.Text.RegularExpressions.Regex IntWhole = new(@"^\d+$");
        private static readonly System.Text.RegularExpressions.Regex DecWhole = new(@"^\d+\.\d{3}$");
        private static readonly System.Text.RegularExpressions.Regex DecPrefix = new(@"^\d+(\.\d{0,3})?$");
        private static readonly System.Text.RegularExpressions.Regex MsWhole = new(@"^(0|0\.0\d\d|0\.[1-9]\d|[1-9]\.\d|[1-9]\d+)$");
        private static readonly System.Text.RegularExpressions.Regex MsPrefix = new(@"^(0(\.(0\d{0,2}|[1-9]\d?)?)?|[1-9](\.\d?|\d*))$");

        public static bool IsWhole(Kind kind, ReadOnlySpan<char> t) => kind switch
        {
            Kind.Int => IntWhole.IsMatch(t),
            Kind.Dec => DecWhole.IsMatch(t),
            _ => MsWhole.IsMatch(t),
        };

        public static bool IsPrefix(Kind kind, ReadOnlySpan<char> t) => kind switch
        {
            Kind.Int => IntWhole.IsMatch(t),
            Kind.Dec => DecPrefix.IsMatch(t),
            _ => MsPrefix.IsMatch(t),
        };
    }
}
