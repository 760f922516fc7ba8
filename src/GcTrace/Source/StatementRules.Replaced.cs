// StatementRules.Replaced: a timer assigned into a map entry drops the one the entry held; only a Stop on the way there
// releases it.
namespace GcTrace.Source;

internal static partial class StatementRules
{
    // `c.requeue[uid] = time.AfterFunc(d, ...)` (or `t := time.AfterFunc(...)` then `m[k] = t`): the keyed store of the
    // timer made at `made`, with where its key's brackets are; null when the timer is not stored under a key.
    private static (GoLine Store, int Open, int Close)? KeyedStore(FunctionScope scope, GoLine made, Holder holder)
    {
        var store = holder.Kind == HolderKind.Element
            ? made
            : scope.Lines.Where(l => l.Number > made.Number).FirstOrDefault(l => Releases.StoredIn(scope, l, holder.Name) is { Kind: HolderKind.Element });
        if (store is null || TopLevelAssign(store) is not (> 1 and var eq) || store[eq - 1].Text != "]")
        {
            return null;
        }

        var open = eq - 1;
        for (var depth = 0; open > 0; open--)
        {
            depth += store[open].Text == "]" ? 1 : store[open].Text == "[" ? -1 : 0;
            if (depth == 0)
            {
                break;
            }
        }

        return open > 0 && store[open - 1].IsIdentifier ? (store, open, eq - 1) : null;
    }

    // The keyed store replaces a timer the entry may already hold, and nothing on the way to it stops that one: the key
    // comes from the caller (a parameter, or a local read from one: the same object's id comes again on its next call),
    // no line on the path reads the entry first (`if t := m[k]; t != nil { t.Stop() }`, a guard, a Reset), and no Stop
    // of the container runs before the store, here or in a function called on the way. A Stop elsewhere (when the key
    // is deleted) stops only the last timer of each key. Only an AfterFunc whose callback captures a value made on this
    // call keeps memory worth naming per replaced timer (a bare timer is a few hundred bytes). The key's text, or null
    // when the store replaces nothing unseen.
    private static string? ReplacesUnstopped(FunctionScope scope, GoLine made, int time, (GoLine Store, int Open, int Close) keyed, IReadOnlyList<GoLine> stops)
    {
        var (store, open, close) = keyed;
        var container = store[open - 1].Text;
        var before = scope.Lines.Where(l => l.Number < store.Number && OnPathTo(scope, l, store)).ToList();
        if (!KeyFromCaller(scope, store, open, close) || !CallbackCapturesLocal(scope, made, time)
            || before.Any(l => Enumerable.Range(0, l.Count).Any(i => l[i].IsIdentifier && l[i].Text == container && l.Matches(i + 1, "["))))
        {
            return null;
        }

        // The function itself stops (and drops) the key's timer on another branch, so it runs for the same key again
        // and again (a reconcile): a Stop only in another function (an ack, a forget) may be each unique key's release.
        if (!stops.Any(l => l.File == store.File && scope.Body.Contains(l.Number) && !before.Contains(l)))
        {
            return null;
        }

        foreach (var stop in stops)
        {
            var inThisFunction = stop.File == store.File && scope.Body.Contains(stop.Number);
            if (inThisFunction ? before.Contains(stop) : stop.File.FunctionAt(stop.Number) is { } stopper
                && before.Any(l => l.Find(stopper.MethodName, "(") is var c and >= 0 && (c == 0 || l.Matches(c - 1, "."))))
            {
                return null;
            }
        }

        return string.Concat(Enumerable.Range(open + 1, close - open - 1).Select(i => store[i].Text));
    }

    // `time.AfterFunc(d, func() { c.checkRollout(obj) })` with `obj := &Object{...}` made earlier in the function: the
    // callback names a local the function defined (not a parameter, the receiver or a package-level name).
    private static bool CallbackCapturesLocal(FunctionScope scope, GoLine made, int time)
    {
        if (made[time + 2].Text != "AfterFunc" || made.IndexOf("func", time) is not (> 0 and var func))
        {
            return false;
        }

        var t = made.File.Tokens;
        var brace = made.Start + func;
        while (brace < scope.Body.BodyEnd && t[brace].Text != "{")
        {
            brace = t[brace].Text == "(" ? made.File.Closing(brace) + 1 : brace + 1;
        }

        var end = brace < scope.Body.BodyEnd ? made.File.Closing(brace) : brace;
        return Enumerable.Range(brace + 1, Math.Max(0, end - brace - 1)).Any(k => t[k].IsIdentifier && t[k - 1].Text != "."
            && scope.Lines.Any(l => l.Number < made.Number && (l.Matches(0, t[k].Text, ":=") || l.Matches(0, t[k].Text, ",") && l.Has(":=") || l.Matches(0, "var", t[k].Text))));
    }

    // The key's first identifier is a parameter, or a local defined from one (`uid := obj.UID`).
    private static bool KeyFromCaller(FunctionScope scope, GoLine store, int open, int close)
    {
        if (close <= open + 1 || !store[open + 1].IsIdentifier)
        {
            return false;
        }

        var root = store[open + 1].Text;
        if (scope.Body.DeclaresParameter(root))
        {
            return true;
        }

        return scope.Lines.LastOrDefault(l => l.Number < store.Number && l.Matches(0, root, ":=")) is { } def && def.Count > 2
            && def[2].IsIdentifier && scope.Body.DeclaresParameter(def[2].Text);
    }

    /// <summary>True when <paramref name="earlier"/> (a line of the scope's function before <paramref name="later"/>)
    /// runs on the way to it: not in a func literal that does not hold <paramref name="later"/> too (it runs when
    /// called), not in a block that ends before <paramref name="later"/> after a `return` (an early-exit branch), and
    /// not in an if-branch whose else holds <paramref name="later"/>.</summary>
    private static bool OnPathTo(FunctionScope scope, GoLine earlier, GoLine later)
    {
        if (scope.LiteralRangeAround(earlier.Number) is { } literal && !(later.Number > literal.First && later.Number <= literal.Last))
        {
            return false;
        }

        var file = scope.Body.File;
        var t = file.Tokens;
        var depth = 0;
        for (var i = earlier.Start - 1; i > scope.Body.BodyStart; i--)
        {
            if (t[i].Text == "}")
            {
                depth++;
                continue;
            }

            if (t[i].Text != "{")
            {
                continue;
            }

            if (depth > 0)
            {
                depth--;
                continue;
            }

            // `{` at i opens a block around the earlier line.
            var close = file.Closing(i);
            if (close >= later.Start)
            {
                return true;
            }

            if (Enumerable.Range(earlier.Start, close - earlier.Start).Any(k => t[k].Kind == GoTokenKind.Keyword && t[k].Text == "return"))
            {
                return false;
            }

            // `if ... { earlier } else { later }`: the else chain that follows, up to its last block.
            var end = close;
            while (end + 1 < t.Count && t[end + 1].Text == "else")
            {
                var brace = end + 2;
                while (brace < t.Count && t[brace].Text != "{")
                {
                    brace++;
                }

                end = brace < t.Count ? file.Closing(brace) : t.Count - 1;
            }

            if (later.Start < end)
            {
                return false;
            }
        }

        return true;
    }
}
