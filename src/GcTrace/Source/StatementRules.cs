// StatementRules: the shape of each pattern in one statement, and the package-wide check that tells it from its twin.
using GcTrace.Events;

namespace GcTrace.Source;

/// <summary>
/// One method per family, each looking at one line: retention (a value kept in a package-level map or slice, or in
/// a struct field declared as a map: unbounded-map, unbounded-slice, closure-capture, subslice-pins-buffer),
/// lifecycles (ticker, timer, context, resource, sync.Pool: something created that is never stopped, cancelled,
/// closed or put back) and goroutines (a `go` literal parked on a channel or lock). The look-alike check is the
/// pattern's antidote anywhere it could be: a `delete`/`clear`/reassignment anywhere in the package for maps, a
/// truncation for slices, a `Stop`, a `cancel` call, a `Close`, a `Put`.
/// </summary>
internal static partial class StatementRules
{
    private static readonly string[] ResourceOpeners = ["Open", "OpenFile", "Create", "Dial", "DialTimeout", "Query", "QueryContext", "Listen"];
    private static readonly string[] HttpCalls = ["Get", "Post", "Head", "PostForm", "Do"];
    private static readonly string[] ContextDerivers = ["WithCancel", "WithTimeout", "WithDeadline", "WithCancelCause"];

    public static CodeFinding? Read(FunctionScope scope, GoLine line) =>
        Retention(scope, line) ?? RingView(scope, line) ?? Lifecycle(scope, line) ?? Goroutine(scope, line) ?? ClosedOnSomePaths(scope, line);

    // `h, err := c.openFile(path)` ... `return nil` ... `return h.Close()`: the function closes what the call handed it,
    // yet a return between the two (other than the call's own error check) leaves it open on that path, and whatever
    // tracks the open value (a table of open handles, the runtime's file descriptors) keeps it.
    private static CodeFinding? ClosedOnSomePaths(FunctionScope scope, GoLine line)
    {
        var define = line.IndexOf(":=");
        if (define < 1 || !line[0].IsIdentifier || line[0].Text is "_" or "err" || line.IndexOf("(", define) < 0 || line.Matches(define + 1, "func"))
        {
            return null;
        }

        var name = line[0].Text;
        var later = scope.Lines.Where(l => l.Number > line.Number && scope.LiteralAround(l.Number) == scope.LiteralAround(line.Number)).ToList();
        var closes = later.Where(l => Releases.Calls(l, name, "Close", selected: false)).ToList();
        if (closes.Count == 0 || closes[0].Matches(0, "defer") || ResourceOpeners.Contains(line[define + 1].Text)
            || (line.Find("os", ".") is var os and >= 0 && os < line.Count - 2 && ResourceOpeners.Contains(line[os + 2].Text)))
        {
            return null;
        }

        // `if err != nil { return err }` right after the call: it failed, there is nothing to close.
        var errorCheck = IsErrorCheck(Enumerable.Range(0, later[0].Count).Select(i => later[0][i]).TakeWhile(t => t.Text != "{").ToList()) ? later[0] : null;
        var skipped = later.Where(l => l.Number < closes[^1].Number && l.IndexOf("return") is var r and >= 0 && l[r].Kind == GoTokenKind.Keyword)
            .FirstOrDefault(l => !Releases.Calls(l, name, "Close", selected: false)
                && !(errorCheck is not null && InsideBlockOf(scope, l, errorCheck))
                && !(later.LastOrDefault(p => p.Number < l.Number) is { } previous && Releases.Calls(previous, name, "Close", selected: false))
                && !later.Any(d => d.Number < l.Number && d.Matches(0, "defer") && Releases.Calls(d, name, "Close", selected: false)));
        return skipped is null
            ? null
            : Finding(SuspectPattern.UnclosedResource, true, scope, line,
                $"gets `{name}`, which {Site(closes[^1])} closes, but {Site(skipped)} returns before any Close on that path, so `{name}` stays open and whatever tracks it keeps it");
    }

    // The line lies in the block that the `if` on <paramref name="head"/> opens.
    private static bool InsideBlockOf(FunctionScope scope, GoLine line, GoLine head) =>
        BlocksAround(scope.Body, line).Any(b => b.Tokens.Count > 0 && b.Tokens[0].Line == head.Number);

    /// <summary>A statement of a called function that keeps one of that function's parameters in a long-lived
    /// container (the caller's value, kept one call down), or null.</summary>
    public static CodeFinding? Keeps(FunctionScope scope, GoLine line)
    {
        var eq = TopLevelAssign(line);
        if (eq > 0 && line[eq].Text == "+=")
        {
            // `m.total[route] += d` keeps a sum (a counter per key), not the value the caller handed over: whatever the
            // caller allocated is not what this map holds.
            return null;
        }

        var from = eq > 0 ? eq + 1 : 0;
        var keepsParameter = Enumerable.Range(from, Math.Max(0, line.Count - from))
            .Any(i => line[i].IsIdentifier && !line.Matches(i - 1, ".") && (scope.Body.DeclaresParameter(line[i].Text) || BuiltFromParameter(scope, line, line[i].Text)));
        return keepsParameter ? Retention(scope, line) : null;
    }

    // `sub := &subscription{fn: fn}` before the line: a local made around one of the function's parameters.
    private static bool BuiltFromParameter(FunctionScope scope, GoLine line, string name) =>
        scope.Lines.LastOrDefault(l => l.Number < line.Number && l.Matches(0, name, ":=")) is { } def
        && Enumerable.Range(2, def.Count - 2).Any(k => def[k].IsIdentifier && !def.Matches(k - 1, ".") && def[k].Text != name && scope.Body.DeclaresParameter(def[k].Text));

    private static CodeFinding? Retention(FunctionScope scope, GoLine line)
    {
        var eq = TopLevelAssign(line);
        if (eq > 0 && Container(scope, line, 0, eq) is { } target)
        {
            // target[key] = value, or target.Store(key, value)
            if (line[eq - 1].Text == "]" && target.Kind is GoVarKind.Map or GoVarKind.Other)
            {
                return Kept(scope, line, target with { Nested = IndexGroups(line, eq) >= 2 }, eq + 1, line.Count, isAppend: false);
            }

            // target = append(target, value...)
            if (target.Kind is GoVarKind.Slice or GoVarKind.Other && line.Matches(eq + 1, "append", "(")
                && SameTarget(line, eq + 3, target) is { } after && line[after].Text == ",")
            {
                return Kept(scope, line, target, after + 1, line.Count, isAppend: true);
            }
        }

        var store = line.Find(".", "Store", "(");
        if (store < 0)
        {
            store = line.Find(".", "LoadOrStore", "(");
        }

        if (store > 0 && scope.Package.Var(line[store - 1].Text) is { Kind: GoVarKind.SyncMap } syncMap)
        {
            var stored = new Target(syncMap.Name, null, GoVarKind.SyncMap);
            return Kept(scope, line, stored, line.IndexOf(",", store) + 1, line.Count, isAppend: false);
        }

        // s.cache.Store(k, v) on a struct field declared as sync.Map.
        if (store > 2 && line[store - 2].Text == "." && line[store - 3].IsIdentifier && FieldKind(scope.Package, line[store - 1].Text) == GoVarKind.SyncMap)
        {
            var stored = new Target(line[store - 1].Text, line[store - 3].Text, GoVarKind.SyncMap);
            return Kept(scope, line, stored, line.IndexOf(",", store) + 1, line.Count, isAppend: false);
        }

        return BufferWrite(scope, line);
    }

    // x.ring[i] = entry{name: view} in the function read: a fixed-size array bounds how many views it keeps, not what
    // each one pins.
    private static CodeFinding? RingView(FunctionScope scope, GoLine line)
    {
        var eq = TopLevelAssign(line);
        return eq > 0 && ArrayElementWrite(scope, line) is { } ring && SubSliceIn(scope, line, eq + 1, line.Count) is { } viewed
            ? Finding(SuspectPattern.SubslicePinsBuffer, true, scope, line,
                $"keeps a sub-slice of `{viewed}` (or a value holding one) in the fixed-size array `{ring}`: the ring holds a bounded number of them, but each kept slice pins the whole backing array of `{viewed}`")
            : null;
    }

    // buf.Write(p) / buf.WriteString(s) / fmt.Fprintf(&buf, ...) into a package-level or field bytes.Buffer or
    // strings.Builder: its byte slice grows with every write unless something resets, truncates, drains or replaces it.
    private static CodeFinding? BufferWrite(FunctionScope scope, GoLine line)
    {
        string? name = null;
        for (var i = 0; i + 2 < line.Count && name is null; i++)
        {
            var isWrite = line[i].IsIdentifier && line.Matches(i + 1, ".") && line[i + 2].Text is "Write" or "WriteString" or "WriteByte" or "WriteRune" && line.Matches(i + 3, "(");
            var isFprint = line.Matches(i, "fmt", ".") && line[i + 2].Text.StartsWith("Fprint", StringComparison.Ordinal) && line.Matches(i + 3, "(");
            var at = isWrite ? i : isFprint && line.IndexOf(",", i) is var comma and > 0 ? comma - 1 : -1;
            if (at >= 0 && line[at].IsIdentifier
                && (line.Matches(at - 1, ".") ? FieldKind(scope.Package, line[at].Text) : scope.Package.Var(line[at].Text)?.Kind) == GoVarKind.Buffer
                && !(line.Matches(at - 1, ".") && at >= 2 && ValueTypes.OfExpression(scope.Package, scope.Body, line.Start + at - 2) is { Length: > 0 } owner
                    && scope.PerCallTypes.Contains(owner)))
            {
                // (A buffer field of a value the path makes per call grows only that value, as for slices and maps.)
                name = line[at].Text;
            }
        }

        if (name is null)
        {
            return null;
        }

        var drain = scope.LiveLines().FirstOrDefault(l => new[] { "Reset", "Truncate", "Next", "Read", "ReadString", "ReadBytes", "WriteTo" }.Any(m => l.Find(name, ".", m, "(") >= 0)
            || (TopLevelAssign(l) is var eq and > 0 && l[eq - 1].Text == name) || (l.Find("io", ".", "Copy", "(") >= 0 && l.Has(name)));
        var where = scope.Package.Var(name) is not null ? $"the package-level buffer `{name}`" : $"the buffer field `{name}`";
        return Finding(SuspectPattern.UnboundedSlice, drain is null, scope, line, drain is null
            ? $"writes into {where}, which nothing resets or drains: its byte slice only grows"
            : $"writes into {where}, which {Site(drain)} drains or resets");
    }

    // `m[id%64] = v`, `m[h&mask] = v`: a key reduced by a remainder or a mask takes a bounded set of values, so the map
    // overwrites entries instead of adding them; the key's text, or null when the key is not reduced that way.
    private static string? BoundedKey(GoLine line, int valueFrom)
    {
        var eq = valueFrom - 1;
        if (eq < 2 || line[eq - 1].Text != "]")
        {
            return null;
        }

        var open = Enumerable.Range(0, eq - 1).LastOrDefault(i => line[i].Text == "[" && line.IndexOf("]", i) == eq - 1, -1);
        if (open < 0)
        {
            return null;
        }

        var key = Enumerable.Range(open + 1, eq - 2 - open).Select(i => line[i]).ToList();
        var depth = 0;
        var reduced = false;
        foreach (var t in key)
        {
            depth += t.Text is "(" or "[" ? 1 : t.Text is ")" or "]" ? -1 : 0;
            reduced |= depth == 0 && t.Text is "%" or "&";
        }

        return reduced ? string.Concat(key.Select(t => t.Text)) : null;
    }

    // A value kept in a long-lived container: its shape names the pattern; an eviction anywhere makes it a look-alike.
    private static CodeFinding Kept(FunctionScope scope, GoLine line, Target target, int from, int to, bool isAppend)
    {
        // A resource, ticker or context kept here is named by what was not closed, stopped or cancelled; when it is
        // and the container is evicted too, the look-alike is that resource's, the more specific of the two.
        var origin = Origin(scope, line, from, to);
        if (origin is { Holds: true })
        {
            return origin;
        }

        if (PooledValueKept(scope, line, from, to, target.Describe(isAppend ? "slice" : "map")) is { } pooled)
        {
            return pooled;
        }

        var eviction = isAppend ? Truncation(scope, target, line) : Deletion(scope, target);
        if (origin is not null && eviction is not null)
        {
            return origin;
        }

        var where = target.Describe(isAppend ? "slice" : "map");
        if (!isAppend && eviction is null && BoundedKey(line, from) is { } key)
        {
            return Finding(SuspectPattern.UnboundedMap, false, scope, line,
                $"assigns into {where} under the key `{key}`, which takes only a bounded set of values, so the map keeps a bounded number of entries");
        }

        var dead = eviction is null ? Dead(scope, s => isAppend ? Truncation(s, target, line) : Deletion(s, target)) : string.Empty;
        if (eviction is null && !isAppend && Deletion(scope, target, onlyUnderDurationBug: true) is { } neverRuns)
        {
            dead += $" ({Site(neverRuns)} runs only under a comparison with a time.Duration multiplied by a time unit, 10^9 times too long)";
        }
        if (origin is null && !IsFuncValue(scope, line, from, to) && HoldsFuncs(scope.Package, target) is { } funcType)
        {
            // What is stored may be an inner map or slice of funcs (`b.topics[topic] = hs`): the container grows by
            // closures all the same, and each keeps what it captures or the receiver its method value binds. (A cancel
            // func or a timer's callback kept there is named by what was not cancelled or stopped: origin, above.)
            return Finding(SuspectPattern.ClosureCapture, eviction is null, scope, line, eviction is null
                ? $"stores into {where}, whose entries are func values (`{funcType}`), and nothing removes from it{dead}: each func, every variable it captures and the receiver a method value binds stay reachable"
                : $"stores into {where}, whose entries are func values (`{funcType}`), which {Site(eviction)} removes from");
        }

        if (origin is null && HoldsCallbackStructs(scope, target) is { } handlers)
        {
            // A handler struct is its funcs: kept per subscriber, it keeps what each func captures.
            return Finding(SuspectPattern.ClosureCapture, eviction is null, scope, line, eviction is null
                ? $"stores into {where}, whose entries are `{handlers.Type}` structs of func fields ({Site(handlers.Filled)} fills one with a func literal or method value), and nothing removes from it{dead}: each entry's funcs and every variable they capture stay reachable"
                : $"stores into {where}, whose entries are `{handlers.Type}` structs of func fields ({Site(handlers.Filled)} fills one with a func literal or method value), which {Site(eviction)} removes from");
        }

        if (IsFuncValue(scope, line, from, to))
        {
            return Finding(SuspectPattern.ClosureCapture, eviction is null, scope, line, eviction is null
                ? $"stores a func literal in {where}, which nothing removes from{dead}: the literal and every variable it captures stay reachable"
                : $"stores a func literal in {where}, which {Site(eviction)} removes from");
        }

        // An eviction bounds how many entries the container keeps, not that each one pins a whole buffer: until the
        // bound is reached (and at it) the memory is the buffers', so the pattern holds either way.
        if (SubSliceIn(scope, line, from, to) is { } buffer && !ReadFromTarget(scope, line, buffer, target))
        {
            return Finding(SuspectPattern.SubslicePinsBuffer, true, scope, line, eviction is null
                ? $"keeps a sub-slice of `{buffer}` in {where}{dead}: the small slice pins the whole backing array of `{buffer}`"
                : $"keeps a sub-slice of `{buffer}` in {where}: even though {Site(eviction)} removes from it, each kept slice pins the whole backing array of `{buffer}`");
        }

        if (isAppend)
        {
            return Finding(SuspectPattern.UnboundedSlice, eviction is null, scope, line, eviction is null
                ? $"appends to {where}, which is never truncated{dead}"
                : $"appends to {where}, which {Site(eviction)} truncates");
        }

        return Finding(SuspectPattern.UnboundedMap, eviction is null, scope, line, eviction is null
            ? $"assigns into {where}, which nothing deletes from{dead}"
            : $"assigns into {where}, which {Site(eviction)} deletes from");
    }

    private static CodeFinding? Lifecycle(FunctionScope scope, GoLine line)
    {
        var time = line.Find("time", ".");
        var call = time >= 0 ? line[time + 2].Text : string.Empty;
        if (call is "NewTimer" or "AfterFunc" && line.Matches(time + 3, "(") && TimerContainer(scope, line, time) is { } container)
        {
            return KeptTimer(scope, line, time, container);
        }

        if (call is "NewTimer" or "AfterFunc" && LeftHolder(scope, line, time) is { Kind: HolderKind.Field } timerField)
        {
            // A one-shot timer kept in a field is re-armed each time this runs: only a Stop (or Reset) of that field
            // earlier in this function, on the way here, releases the one it replaces; a Stop elsewhere (a Close), or
            // in a branch that returns first, stops only the last.
            var previous = scope.Lines.FirstOrDefault(l => l.Number < line.Number && (Releases.Calls(l, timerField.Name, "Stop", selected: true)
                || Releases.Calls(l, timerField.Name, "Reset", selected: true)) && OnPathTo(scope, l, line));
            var field = LeftText(line, time);
            if (previous is null && Delay(scope, line, time) is { } shortDelay && shortDelay < Durations.LongTimer)
            {
                // A replaced timer that fires within a few GC cycles gives back what it keeps as it fires.
                return Finding(SuspectPattern.TimerNotStopped, false, scope, line,
                    $"replaces the timer in `{field}` without stopping the previous one, but it is armed for {Durations.Describe(shortDelay)}, so the replaced one fires within a few GC cycles");
            }

            return previous is null
                ? Finding(SuspectPattern.TimerNotStopped, true, scope, line, $"replaces the timer in `{field}` without stopping the previous one, which stays in the runtime's timer heap until it fires (before Go 1.23)")
                : Finding(SuspectPattern.TimerNotStopped, false, scope, line, $"re-arms `{field}` after {Site(previous)} stops the previous timer");
        }

        if (call is "NewTicker" or "NewTimer" or "Tick")
        {
            var pattern = call == "NewTimer" ? SuspectPattern.TimerNotStopped : SuspectPattern.TickerNotStopped;
            var what = call == "NewTimer" ? "timer" : "ticker";
            if (call == "Tick")
            {
                return Finding(pattern, true, scope, line, "creates a ticker with time.Tick, which can never be stopped");
            }

            // The Stop must be the same ticker's: the variable, or the field or container it is kept in.
            var holder = LeftHolder(scope, line, time);
            var stop = holder is null ? null : Releases.Find(scope, line, holder, "Stop");
            var where = holder is null or { Kind: HolderKind.Local } ? $"in {Short(scope.Function)}" : "anywhere in the package that runs";
            var deadStop = stop is null && holder is not null ? Dead(scope, s => Releases.Find(s, line, holder, "Stop")) : string.Empty;
            return stop is null
                ? Finding(pattern, true, scope, line, $"creates a {what} that is never stopped{deadStop} (no `{(holder is { Kind: HolderKind.Field } && line.Matches(time - 1, ":") ? "." + holder.Name : LeftText(line, time) ?? "t")}.Stop()` {where})")
                : Finding(pattern, false, scope, line, $"creates a {what} that {Site(stop)} stops");
        }

        if (call == "After" && line.Matches(time + 3, "("))
        {
            return scope.InLoop(line.Number)
                ? Finding(SuspectPattern.TimerNotStopped, true, scope, line, "creates a new timer on every pass of the loop; each stays reachable until it fires (before Go 1.23)")
                : null;
        }

        if (call == "AfterFunc" && line.Find("func", "(") > time)
        {
            // Only a long delay keeps the literal for long; a short one is ordinary deferred work. A constant delay is
            // measured (`retryWait` = 90 * time.Second is long, 50 * time.Millisecond is not); any other is long when
            // counted in minutes or hours.
            var delay = Delay(scope, line, time);
            var longDelay = LongDelay(scope, line, time);
            var armed = delay is { } known ? $" armed for {Durations.Describe(known)}" : string.Empty;
            return Finding(SuspectPattern.ClosureCapture, longDelay && AssignedName(line, time) is null, scope, line, longDelay
                ? $"schedules a func literal with time.AfterFunc{armed}: the timer keeps it, and what it captures, until it fires"
                : $"schedules a func literal with time.AfterFunc{armed}, which fires within a few GC cycles and then lets go of what it captures");
        }

        if (DerivesContext(line) is var context and >= 0)
        {
            return ContextFinding(scope, line, context);
        }

        if (DerivesThroughHelper(scope, line) is var helper and >= 0)
        {
            return ContextFinding(scope, line, helper);
        }

        if (PoolGet(scope, line) is { } pool)
        {
            var put = FirstLine(scope.LiveLines().Where(l => l.Find(pool, ".", "Put", "(") >= 0));
            if (put is not null && PutSkipped(scope, line, put) is { } skipped)
            {
                return Finding(SuspectPattern.SyncPoolMisuse, true, scope, line, $"takes from the sync.Pool `{pool}`, which only {Site(put)} puts back; {skipped}, "
                    + "so on that path what Get handed out is never put back and the pool's New allocates anew for the next Get");
            }

            return Finding(SuspectPattern.SyncPoolMisuse, put is null, scope, line, put is null
                ? $"takes from the sync.Pool `{pool}`, which nothing puts back, so its New allocates on most Gets"
                : $"takes from the sync.Pool `{pool}`, which {Site(put)} puts back into");
        }

        return Resource(scope, line);
    }

    // The timer call at `time` is armed for long: a constant delay of at least Durations.LongTimer, or any other delay
    // counted in minutes or hours.
    private static bool LongDelay(FunctionScope scope, GoLine line, int time) =>
        Delay(scope, line, time) is { } d ? d >= Durations.LongTimer : line.Has("Hour") || line.Has("Minute");

    /// <summary>The line hands a func literal to time.AfterFunc armed for long (see <see cref="Durations.LongTimer"/>):
    /// the literal runs when the timer fires, long after the line ran.</summary>
    public static bool ArmsLongCallback(FunctionScope scope, GoLine line) =>
        line.Find("time", ".", "AfterFunc", "(") is var time and >= 0 && line.IndexOf("func", time) > time && LongDelay(scope, line, time);

    // The constant delay of the timer call at `time` (its first argument), or null when it is not a constant.
    private static TimeSpan? Delay(FunctionScope scope, GoLine line, int time) =>
        line.Matches(time + 3, "(") && Arguments(line, time + 4, line.Count).FirstOrDefault() is var (from, to) && to > from
            ? Durations.Of(scope.Package, line, from, to)
            : null;

    /// <summary>A statement of a called function that arms a one-shot timer into a field and names a value its caller
    /// passed (`c.timer = time.AfterFunc(d.timeout, func() { onExpire(c) })` with `c` a parameter): the caller's value
    /// rides the timer, so re-arming without stopping the one replaced keeps the old timer, its callback and that value
    /// until it fires. Null for any other line.</summary>
    public static CodeFinding? ArmsTimerOnParameter(FunctionScope scope, GoLine line)
    {
        var time = line.Find("time", ".");
        if (time < 0 || line[time + 2].Text is not ("AfterFunc" or "NewTimer") || LeftHolder(scope, line, time) is not { Kind: HolderKind.Field })
        {
            return null;
        }

        // The statement with its callback: `c.idle = time.AfterFunc(d, func() {` then `onIdle(c, last)` on the next line.
        var parameters = scope.Body.ParameterNames();
        var callback = scope.LiteralRangeAround(line.Number + 1) is { } literal && literal.First == line.Number ? literal.Last : line.Number;
        var namesParameter = scope.Lines.Where(l => l.Number >= line.Number && l.Number <= callback)
            .Any(l => Enumerable.Range(0, l.Count).Any(i => l[i].IsIdentifier && !l.Matches(i - 1, ".") && parameters.Contains(l[i].Text)));
        return namesParameter && Lifecycle(scope, line) is { Pattern: SuspectPattern.TimerNotStopped } finding ? finding : null;
    }

    // The map or slice a one-shot timer made at `time` is kept in per item: `m[k] = time.AfterFunc(..)`, or
    // `t := time.NewTimer(..)` then `m[k] = t` / `append(s.timers, t)` in the same function; null otherwise.
    private static Holder? TimerContainer(FunctionScope scope, GoLine line, int time)
    {
        var holder = LeftHolder(scope, line, time);
        return holder switch
        {
            { Kind: HolderKind.Element } => holder,
            { Kind: HolderKind.Local } => scope.Lines.Where(l => l.Number > line.Number).Select(l => Releases.StoredIn(scope, l, holder.Name))
                .FirstOrDefault(h => h is { Kind: HolderKind.Element }),
            _ => null,
        };
    }

    // A timer kept per item in a container is released only by its own Stop: deleting or overwriting the entry drops the
    // handle, and before Go 1.23 the runtime keeps the armed timer (its callback or channel, and what they hold) until it
    // fires. So it holds when nothing stops an entry and the timer is long (unknown counts as long); a timer stopped,
    // or one that fires within a few GC cycles, is the look-alike.
    private static CodeFinding KeptTimer(FunctionScope scope, GoLine line, int time, Holder container)
    {
        var holder = LeftHolder(scope, line, time)!;
        var call = line[time + 2].Text;
        var duration = Delay(scope, line, time);
        var armed = duration is { } d ? $" armed for {Durations.Describe(d)}" : string.Empty;
        var keeps = call == "AfterFunc" ? "its callback and what the callback captures" : "its channel and the timer";
        var stops = Releases.FindAll(scope, line, holder, "Stop").ToList();
        var stop = stops.FirstOrDefault();
        var replaced = stop is not null && KeyedStore(scope, line, holder) is { } keyed ? ReplacesUnstopped(scope, line, time, keyed, stops) : null;
        if (stop is not null && replaced is null)
        {
            return Finding(SuspectPattern.TimerNotStopped, false, scope, line, $"keeps a timer{armed} per entry of `{container.Name}`, which {Site(stop)} stops");
        }

        if (duration is { } shortDelay && shortDelay < Durations.LongTimer)
        {
            return Finding(SuspectPattern.TimerNotStopped, false, scope, line,
                $"keeps a timer{armed} per entry of `{container.Name}` that nothing stops{(stop is null ? string.Empty : " before replacing it")}, but it fires within a few GC cycles, so each keeps {keeps} only that long");
        }

        if (stop is not null)
        {
            // The same object's key comes again: each store drops the entry's previous timer, still armed.
            return Finding(SuspectPattern.TimerNotStopped, true, scope, line,
                $"replaces the timer{armed} in `{container.Name}[{replaced}]` without stopping the one the entry held: {Site(stop)} stops only the last timer of a key, "
                + $"and before Go 1.23 the runtime keeps every replaced timer, with {keeps}, until it fires");
        }

        var dead = Dead(scope, s => Releases.Find(s, line, holder, "Stop"));
        return Finding(SuspectPattern.TimerNotStopped, true, scope, line,
            $"keeps a timer{armed} per entry of `{container.Name}` and nothing stops it{dead}: deleting or replacing the entry drops only the handle, "
            + $"and before Go 1.23 the runtime keeps each armed timer, with {keeps}, until it fires");
    }

    private static CodeFinding? ContextFinding(FunctionScope scope, GoLine line, int context)
    {
        var assign = line.IndexOf(":=") is var d and >= 0 ? d : line.IndexOf("=");
        if (assign < 0 || assign > context)
        {
            return null;
        }

        var comma = line.IndexOf(",");
        if (comma < 0 || comma > assign)
        {
            return null;
        }

        var holder = Holder.Of(scope, line, comma + 1, assign);
        if (holder is null)
        {
            return line[comma + 1].Text == "_"
                ? Finding(SuspectPattern.ContextNotCancelled, true, scope, line,
                    "drops the cancel function, so the parent context keeps this child (and every value attached to it) until the parent ends")
                : null;
        }

        var cancel = string.Concat(Enumerable.Range(comma + 1, assign - comma - 1).Select(i => line[i].Text));
        var called = Releases.Find(scope, line, holder, null);
        if (holder.Kind != HolderKind.Local)
        {
            // Kept in a field or container: cancelled only where something calls what was kept.
            if (called is not null && ErrorPathOnly(scope, line, holder) is { } onErrorField)
            {
                return Finding(SuspectPattern.ContextNotCancelled, true, scope, line, ErrorPathOnly(cancel, called, onErrorField));
            }

            return called is null
                ? Finding(SuspectPattern.ContextNotCancelled, true, scope, line, $"keeps the cancel func in `{cancel}`, which nothing calls{Dead(scope, s => Releases.Find(s, line, holder, null))}, so the parent context keeps this child until the parent ends")
                : Finding(SuspectPattern.ContextNotCancelled, false, scope, line, $"keeps the cancel func in `{cancel}`, which {Site(called)} calls");
        }

        var uses = scope.Mentioning(cancel).Where(l => l.Number != line.Number && !l.Matches(0, "_", "=", cancel)).ToList();
        if (uses.Count > 0 && uses.All(l => scope.DeferredInLoop(l, line)))
        {
            return Finding(SuspectPattern.ContextNotCancelled, true, scope, line,
                $"defers `{cancel}` inside the loop ({Site(uses[0])}): it runs only when {Short(scope.Function)} returns, so every iteration's child stays in the parent until then");
        }

        if (uses.Count == 0)
        {
            return Finding(SuspectPattern.ContextNotCancelled, true, scope, line, $"never calls `{cancel}`, so the parent context keeps this child until the parent ends");
        }

        // Stored (`s.cancel = cancel`, `&job{stop: cancel}`, `cancels[id] = cancel`) and never called through the store.
        var stores = uses.Select(l => (Line: l, Into: Releases.StoredIn(scope, l, cancel))).Where(u => u.Into is not null).ToList();
        if (called is null && stores.Count == uses.Count)
        {
            return Finding(SuspectPattern.ContextNotCancelled, true, scope, line,
                $"stores `{cancel}` at {Site(stores[0].Line)}, and nothing calls `{stores[0].Into!.Name}`, so the parent context keeps this child until the parent ends");
        }

        // Called only inside `if err != nil {` blocks: on the path that succeeds nothing cancels (vet's lostcancel).
        var calls = uses.Where(l => Releases.Calls(l, cancel, null, selected: false)).ToList();
        if (calls.Count > 0 && stores.Count == 0 && calls.All(l => InErrorBranch(scope, l)) && !uses.Any(l => l.Matches(0, "defer")))
        {
            return Finding(SuspectPattern.ContextNotCancelled, true, scope, line,
                $"calls `{cancel}` only on the error path ({Site(calls[0])}), so on the path that succeeds the parent context keeps this child until the parent ends");
        }

        var first = called is not null && stores.Count == uses.Count ? called : uses[0];
        if (called is not null && stores.Count == uses.Count && ErrorPathOnly(scope, line, holder) is { } onError)
        {
            return Finding(SuspectPattern.ContextNotCancelled, true, scope, line, ErrorPathOnly(cancel, called, onError));
        }

        // A return between the derivation and the first use of cancel leaves it uncalled on that path (vet's lostcancel).
        var skipped = scope.Lines.FirstOrDefault(l => l.Number > line.Number && l.Number < uses[0].Number && l.IndexOf("return") >= 0
            && l[l.IndexOf("return")].Kind == GoTokenKind.Keyword && scope.GoStatementAround(l.Number) is null);
        return skipped is not null
            ? Finding(SuspectPattern.ContextNotCancelled, true, scope, line, $"returns at {Site(skipped)} before `{cancel}` is called ({Site(uses[0])}), so on that path the parent context keeps this child until the parent ends")
            : Finding(SuspectPattern.ContextNotCancelled, false, scope, line, $"cancels it ({Site(first)})");
    }

    /// <summary>The local a line hands to a call that its function made with `x := context.WithValue(parent, key, v)`
    /// (the value rides that context), with the line that made it; null when the line passes no such context.</summary>
    public static (string Name, GoLine Made)? ValueContextPassed(FunctionScope scope, GoLine line)
    {
        for (var i = 1; i < line.Count; i++)
        {
            if (!line[i].IsIdentifier || line.Matches(i - 1, ".") || line[i - 1].Text is not ("(" or ",") || line[i + 1].Text is not ("," or ")"))
            {
                continue;
            }

            var name = line[i].Text;
            var made = scope.Lines.LastOrDefault(l => l.Number < line.Number && (l.Matches(0, name, ":=") || l.Matches(0, name, "=")));
            if (made is not null && made.Find("context", ".", "WithValue", "(") == 2)
            {
                return (name, made);
            }
        }

        return null;
    }

    /// <summary>A statement of a called function that derives a child context from one of its parameters
    /// (`actx, cancel := context.WithTimeout(ctx, d)`): the caller's context, with every value attached to it, is the
    /// child's parent, so it stays reachable as long as the child is held (by a cancelable ancestor's children, or by
    /// its timer) and not cancelled. The child's lifecycle finding, or null for any other line.</summary>
    public static CodeFinding? DerivesFromParameter(FunctionScope scope, GoLine line)
    {
        var at = DerivesContext(line);
        return at >= 0 && line.Matches(at + 3, "(") && line[at + 4].IsIdentifier && line[at + 5].Text is "," or ")"
            && scope.Body.DeclaresParameter(line[at + 4].Text)
            ? ContextFinding(scope, line, at)
            : null;
    }

    /// <summary>True when the line derives a child with only a cancel (WithCancel, WithCancelCause): no timer holds it.</summary>
    public static bool DerivesCancelOnly(GoLine line) =>
        DerivesContext(line) is var at and >= 0 && line[at + 2].Text is "WithCancel" or "WithCancelCause";

    /// <summary>A statement of a method called on a value the caller made (`m.Start()` on `m := NewMonitor()`) that
    /// makes a ticker, timer or context into a field of its receiver (`m.ticker = time.NewTicker(d)`): never stopped
    /// or cancelled, the runtime keeps it, and whatever waits on it keeps the receiver. Null for any other line.</summary>
    public static CodeFinding? ReceiverLifecycle(FunctionScope scope, GoLine line)
    {
        var eq = TopLevelAssign(line);
        if (eq < 3 || !line[0].IsIdentifier || !line.Matches(1, ".") || !scope.Body.DeclaresParameter(line[0].Text))
        {
            return null;
        }

        return Lifecycle(scope, line) is { Pattern: SuspectPattern.TickerNotStopped or SuspectPattern.TimerNotStopped or SuspectPattern.ContextNotCancelled } finding
            ? finding
            : null;
    }

    /// <summary>`resp, err := http.Get(url)` (or a client's Get/Post/Do) whose body nothing closes, or null: its
    /// connection stays busy, and the profiles see it only in net/http's own goroutines.</summary>
    public static CodeFinding? UnclosedResponse(FunctionScope scope, GoLine line) => Resource(scope, line, httpOnly: true);

    // r := http.Get(..) / client.Do(..) / os.Open(..) / net.Dial(..) / db.Query(..) with no r.Close or r.Body.Close.
    private static CodeFinding? Resource(FunctionScope scope, GoLine line, bool httpOnly = false)
    {
        var assign = line.IndexOf(":=") is var d and >= 0 ? d : line.IndexOf("=");
        if (assign < 1 || !line[0].IsIdentifier || line[0].Text == "_")
        {
            return null;
        }

        var isHttp = false;
        var opens = false;
        for (var i = assign + 1; i + 2 < line.Count; i++)
        {
            if (line[i + 1].Text != "." || !line.Matches(i + 3, "("))
            {
                continue;
            }

            var receiver = line[i].Text;
            var method = line[i + 2].Text;
            // A tokenizer does not know the receiver's type: an HTTP call is one on the http package or on a variable
            // named like a client (client, httpClient, c.Client).
            isHttp = HttpCalls.Contains(method) && (receiver == "http" || receiver.Contains("client", StringComparison.OrdinalIgnoreCase));
            opens = isHttp || (ResourceOpeners.Contains(method) && receiver is "os" or "net" or "tls" or "sql" or "db" or "conn" or "dialer" or "d" or "l");
            break;
        }

        if (!opens || (httpOnly && !isHttp))
        {
            return null;
        }

        var name = line[0].Text;
        var closes = FirstLine(scope.Mentioning(name).Where(l => ClosesResource(l, name)
            && !InErrorBranch(scope, l) && !scope.DeferredInLoop(l, line)));
        var deferredInLoop = FirstLine(scope.Mentioning(name).Where(l => l.Find(name, ".", "Close") >= 0 && scope.DeferredInLoop(l, line)));
        if (closes is null && deferredInLoop is not null)
        {
            return Finding(SuspectPattern.UnclosedResource, true, scope, line,
                $"opens a resource in a loop whose close is deferred ({Site(deferredInLoop)}): it runs only when {Short(scope.Function)} returns, so every iteration's resource stays open until then");
        }

        var handedOn = scope.Mentioning(name).Any(l => (l.Matches(0, "return", name) && !l.Matches(2, "."))
            || (l.Number != line.Number && (l.Matches(0, "go") || l.Find("=", name) >= 0 && !l.Matches(l.Find("=", name) + 2, "."))));
        var what = isHttp ? "a response whose body" : "a resource that";
        var close = isHttp ? $"{name}.Body.Close()" : $"{name}.Close()";
        if (closes is not null && ReturnsBeforeClose(scope, line, closes, name) is { } early)
        {
            return Finding(SuspectPattern.UnclosedResource, true, scope, line,
                $"opens {what} {Site(closes)} closes, but only after {Site(early)} returns without closing it, so on that path it stays open");
        }

        if (closes is not null)
        {
            return Finding(SuspectPattern.UnclosedResource, false, scope, line, $"opens {what} {Site(closes)} closes");
        }

        // Kept in a field or container (`&segment{f: f}`, `s.conn = c`): it is closed where what keeps it is closed.
        var store = isHttp ? null : scope.Mentioning(name).Where(l => l.Number != line.Number).Select(l => Releases.StoredIn(scope, l, name)).FirstOrDefault(h => h is not null);
        if (store is not null)
        {
            var kept = new Holder(name, HolderKind.Local);
            return Releases.Find(scope, line, kept, "Close") is { } closedThere
                ? Finding(SuspectPattern.UnclosedResource, false, scope, line, $"opens {what} {Site(closedThere)} closes")
                : Finding(SuspectPattern.UnclosedResource, true, scope, line,
                    $"opens {what} is kept in `{store.Name}` and never closed{Dead(scope, s => Releases.Find(s, line, kept, "Close"))}");
        }

        var onError = FirstLine(scope.Mentioning(name).Where(l => l.Find(name, ".", "Close") >= 0 && InErrorBranch(scope, l)));
        return handedOn ? null : Finding(SuspectPattern.UnclosedResource, true, scope, line, onError is null
            ? $"opens {what} is never closed (no `{close}` in {Short(scope.Function)})"
            : $"opens {what} is closed only on the error path ({Site(onError)}), never on the path that goes on");
    }

    // The line sits in the block of `if err != nil {` (any name ending in err/Err), or of any `if` whose block returns
    // (`if resp.StatusCode >= 300 { resp.Body.Close(); return ... }`): a release there runs only on that early exit,
    // so on the path that goes on (and keeps the resource) nothing releases it.
    private static bool InErrorBranch(FunctionScope scope, GoLine line) => InErrorBranch(scope.Body, line);

    // The line runs only when something failed: a block around it (at any depth: what is nested in an `if err != nil {`
    // runs only when that holds) is an error check, the innermost one is an `if` that returns, or a block around it
    // runs only on a recovered panic (see InRecoverBranch).
    private static bool InErrorBranch(GoFunction body, GoLine line)
    {
        var heads = BlocksAround(body, line).ToList();
        return heads.Any(h => IsRecoverCheck(h.Tokens) || IsErrorCheck(h.Tokens))
            || (heads.FirstOrDefault() is { Tokens.Count: > 0 } head && head.Tokens[0].Text == "if" && BlockReturns(body.File, head.Open));
    }

    // A block around the line (at any depth) runs only while a panic unwinds.
    private static bool InRecoverBranch(GoFunction body, GoLine line) => BlocksAround(body, line).Any(h => IsRecoverCheck(h.Tokens));

    // `if r := recover(); r != nil {` or `if recover() != nil {`, which the normal path never enters.
    private static bool IsRecoverCheck(List<GoToken> head) =>
        head.Count >= 4 && head[0].Text == "if" && head.Any(k => k.Text == "!=")
        && Enumerable.Range(0, head.Count - 2).Any(k => head[k].Text == "recover" && head[k + 1].Text == "(" && head[k + 2].Text == ")");

    // `if err != nil {`, `if err := f(); err != nil {`, `if werr != nil {`.
    private static bool IsErrorCheck(List<GoToken> head) =>
        head.Count >= 4 && head[0].Text == "if" && head.Any(k => k.Text == "!=") && head[^1].Text == "nil"
        && head.Any(k => k.IsIdentifier && (k.Text.EndsWith("err", StringComparison.Ordinal) || k.Text.EndsWith("Err", StringComparison.Ordinal)));

    // The statements opening the blocks around the line, innermost first: each unmatched `{` before the line, with
    // the tokens of its line before it.
    private static IEnumerable<(List<GoToken> Tokens, int Open)> BlocksAround(GoFunction body, GoLine line)
    {
        var tokens = body.File.Tokens;
        var depth = 0;
        for (var i = line.Start - 1; i > body.BodyStart; i--)
        {
            if (tokens[i].Kind != GoTokenKind.Operator)
            {
                continue;
            }

            depth += tokens[i].Text == "}" ? 1 : tokens[i].Text == "{" ? -1 : 0;
            if (depth >= 0)
            {
                continue;
            }

            depth = 0;
            var start = i;
            while (start > 0 && tokens[start - 1].Line == tokens[i].Line)
            {
                start--;
            }

            yield return (Enumerable.Range(start, i - start).Select(k => tokens[k]).ToList(), i);
        }
    }

    // A `return` between the open and its close (`if resp.StatusCode != 200 { return err }` above `defer
    // resp.Body.Close()`) leaves the value open on that path, unless it is the open's own error check (the value is nil
    // there) or the value is closed before it. The first such return, or null.
    // (A `return` inside a func literal between them, a goroutine body or a callback, leaves that literal, not the
    // function that opened the value.)
    private static GoLine? ReturnsBeforeClose(FunctionScope scope, GoLine open, GoLine close, string name) =>
        scope.Lines.Where(l => l.Number > open.Number && l.Number < close.Number).ToList() is var between
            ? between.FirstOrDefault(l => l.Matches(0, "return") && scope.LiteralAround(l.Number) == scope.LiteralAround(open.Number)
                && !BlocksAround(scope.Body, l).Any(h => IsErrorCheck(h.Tokens))
                && !between.Any(c => c.Number < l.Number && ClosesResource(c, name)))
            : null;

    // The line closes the value: `name.Close()`, or its body for a response (`name.Body.Close()`).
    private static bool ClosesResource(GoLine line, string name) =>
        line.Find(name, ".", "Close") >= 0 || line.Find(name, ".", "Body", ".", "Close") >= 0;

    // Every release of the value runs only on an error path (see OnlyOnErrorPath): one such call, or null.
    private static GoLine? ErrorPathOnly(FunctionScope scope, GoLine made, Holder holder)
    {
        GoLine? first = null;
        foreach (var release in Releases.FindAll(scope, made, holder, null))
        {
            if (OnlyOnErrorPath(scope, release) is not { } call)
            {
                return null;
            }

            first ??= call;
        }

        return first;
    }

    // The release sits in a helper (`op.abort(err)` -> `op.cancel()`) that every caller that can run calls only from an
    // error branch: on the path that succeeds the helper, and so the release, never runs. Returns one such call.
    private static GoLine? OnlyOnErrorPath(FunctionScope scope, GoLine release)
    {
        if (release.File.FunctionAt(release.Number) is not { } helper)
        {
            return null;
        }

        // The release itself sits in a failure branch of whatever function runs it (`if r.err != nil { ...; cancel() }`).
        if (InErrorBranch(helper, release))
        {
            return release;
        }

        var name = helper.MethodName;
        var calls = scope.LiveLines().Where(l => l.File.FunctionAt(l.Number) is { } caller && caller != helper && l.Find(name, "(") is var at and >= 0
            && (at == 0 || l.Matches(at - 1, ".") || l.Matches(at - 1, "defer") || l.Matches(at - 1, "go"))
            && !OtherReceiver(scope.Package, caller, helper, l, at)).ToList();
        return calls.Count > 0 && calls.All(c => c.File.FunctionAt(c.Number) is { } caller && InErrorBranch(caller, c)) ? calls[0] : null;
    }

    // `ts.Close()` on an httptest.Server, or `resp.Body.Close()`, is not a call of the package's `(*Scope).Close`: the
    // value's declaration shows another type (an unknown type could be any, so it still counts).
    private static bool OtherReceiver(GoPackage package, GoFunction caller, GoFunction helper, GoLine line, int at)
    {
        if (!line.Matches(at - 1, ".") || at < 2 || !helper.Name.Contains(").", StringComparison.Ordinal))
        {
            return false;
        }

        var receiverType = helper.Name[..helper.Name.IndexOf(").", StringComparison.Ordinal)].Trim('(', '*');
        return ValueTypes.OfExpression(package, caller, line.Start + at - 2) is { } type && type != receiverType;
    }

    // The block opened at `open` has a `return` of its own (not one nested in an inner block or literal).
    private static bool BlockReturns(GoSourceFile file, int open)
    {
        var close = file.Closing(open);
        for (var k = open + 1; k < close; k++)
        {
            if (file.Tokens[k].Text is "{" or "(" or "[")
            {
                k = file.Closing(k);
                continue;
            }

            if (file.Tokens[k].Kind == GoTokenKind.Keyword && file.Tokens[k].Text == "return")
            {
                return true;
            }
        }

        return false;
    }

    // Inside a goroutine (a `go func` literal, or a function a `go` statement starts): parked on a send, a receive,
    // a select without a way out, or a lock.
    private static CodeFinding? Goroutine(FunctionScope scope, GoLine line)
    {
        if (scope.GoroutineStart(line.Number) is not { } started)
        {
            return null;
        }

        var arrow = line.IndexOf("<-");
        var range = line.Matches(0, "for") ? line.IndexOf("range") : -1;
        // for v := range ch (a local made here, or a parameter), or range p.in over a field declared as a channel.
        var fieldChannel = range > 0 && line[range + 1].IsIdentifier && line.Matches(range + 2, ".") && line[range + 3].IsIdentifier
            && line.Matches(range + 4, "{") && IsChannelField(scope.Package, line[range + 3].Text);
        var rangesOverChannel = fieldChannel || (range > 0 && line[range + 1].IsIdentifier && !line.Matches(range + 2, ".")
            && (MadeChannel(scope, line[range + 1].Text) is not null || scope.Body.DeclaresParameter(line[range + 1].Text, "chan", "<-")));
        if (!line.Matches(0, "case") && TickerWaited(scope, line) is { } ticker)
        {
            return ticker;
        }

        if (!line.Matches(0, "case") && DoneWaited(scope, line, started) is { } done)
        {
            return done;
        }

        var parks = arrow >= 0 || rangesOverChannel || line.Matches(0, "select") || line.Find(".", "Lock", "(") >= 0 || line.Find(".", "RLock", "(") >= 0
            || line.Find(".", "Wait", "(") >= 0;
        if (!parks || line.Matches(0, "case"))
        {
            return null;
        }

        // ch <- v on a channel made with room (make(chan T, n)) does not park for the sends it has room for.
        if (arrow > 0 && line[arrow - 1].IsIdentifier && MadeChannel(scope, line[arrow - 1].Text) is { } made && made.Find("make", "(", "chan") is var mk and >= 0
            && made.IndexOf(",", mk) > 0)
        {
            return Finding(SuspectPattern.GoroutineLeak, false, scope, line, $"sends on `{line[arrow - 1].Text}`, which {Site(made)} makes with a buffer, so the send does not park");
        }

        if (rangesOverChannel)
        {
            var ch = line[fieldChannel ? range + 3 : range + 1].Text;
            var closes = scope.LiveLines().FirstOrDefault(l => Closes(l, ch));
            return Finding(SuspectPattern.GoroutineLeak, closes is null, scope, line, closes is null
                ? $"parks the goroutine started at {Started(started)} in a receive on `{ch}`, which nothing closes"
                : $"ranges over `{ch}`, which {Site(closes)} closes");
        }

        // `ch <- v` and `p.out <- v` send (a channel expression ends right before the arrow); `v := <-ch`, `f(<-ch)` receive.
        var sends = arrow > 0 && (line[arrow - 1].IsIdentifier || line[arrow - 1].Text is ")" or "]");
        var op = line.Matches(0, "select") ? "a select" : sends ? "a send" : arrow >= 0 ? "a receive" : "a lock";
        if (line.Matches(0, "select") && SelectHasWayOut(scope, line))
        {
            return Finding(SuspectPattern.GoroutineLeak, false, scope, line, $"parks the goroutine started at {started.Where} in a select that a done or timeout case ends");
        }

        if (op == "a lock" && line.Find(".", "Wait", "(") is var wait and > 0)
        {
            // A sync.Cond's waiter leaves only once its condition holds after a Signal or Broadcast; a WaitGroup's once
            // every Add has its Done: not a lock, and nothing here makes that happen.
            return Finding(SuspectPattern.GoroutineLeak, true, scope, line,
                $"parks the goroutine started at {Started(started)} in `{string.Concat(Enumerable.Range(0, wait + 4).Select(i => line[i].Text))}`, which nothing ends (a sync.Cond's waiter leaves only once its condition holds, a WaitGroup's once every Add has its Done)");
        }

        var never = op == "a lock" ? "that is never released" : "that nothing completes once its partner gives up";
        return Finding(SuspectPattern.GoroutineLeak, true, scope, line,
            $"parks the goroutine started at {Started(started)} on {op} {never}");
    }

    // A goroutine parked on a ticker's channel (`<-p.ticker.C`, `for range t.C`, in the line or its select's block)
    // stays because the ticker is never stopped: the ticker names the pattern; a `Stop` of it makes a look-alike.
    private static CodeFinding? TickerWaited(FunctionScope scope, GoLine line)
    {
        var tokens = scope.Body.File.Tokens;
        var from = line.Start;
        var to = line.End;
        if (line.Matches(0, "select") && line.IndexOf("{") is var open and >= 0)
        {
            to = scope.Body.File.Closing(line.Start + open);
        }

        for (var i = Math.Max(from, 3); i + 2 < to; i++)
        {
            if (!(tokens[i].IsIdentifier && tokens[i + 1].Text == "." && tokens[i + 2].Text == "C")
                || !(tokens[i - 1].Text is "<-" or "range" || (tokens[i - 1].Text == "." && tokens[i - 3].Text is "<-" or "range")))
            {
                continue;
            }

            var name = tokens[i].Text;
            // Made by `t := time.NewTicker(..)`, `p.t = ...`, or in a composite literal `&Heartbeat{t: time.NewTicker(..)}`;
            // a parameter's by the caller that passes it (`hb := time.NewTicker(..)`, `go s.heartbeat(hb)`), stopped there.
            var (made, maker, holderName) = scope.Body.ParameterNames().Contains(name) && PassedTicker(scope, name) is { } passed
                ? passed
                : (MakesTicker(scope.Package.AllLines(), name), scope, name);
            if (made is null)
            {
                continue;
            }

            // A local ticker is stopped in its own function; a field's anywhere in the package that runs.
            var local = made.Matches(0, holderName) && maker.Lines.Contains(made);
            var holder = new Holder(holderName, local ? HolderKind.Local : HolderKind.Field);
            var stops = Releases.Find(maker, made, holder, "Stop");
            var what = made.Has("NewTimer") ? "timer" : "ticker";
            var pattern = what == "timer" ? SuspectPattern.TimerNotStopped : SuspectPattern.TickerNotStopped;
            var deadStop = stops is null ? Dead(maker, s => Releases.Find(s, made, holder, "Stop")) : string.Empty;
            return Finding(pattern, stops is null, scope, line, stops is null
                ? $"parks the goroutine on the channel of the {what} made at {Site(made)}, which nothing stops{deadStop}"
                : $"waits on the channel of the {what} made at {Site(made)}, which {Site(stops)} stops");
        }

        return null;
    }

    // The line that makes a ticker or timer into `name` (`name := time.NewTicker(..)`, `x.name = ...`, `name: ...`).
    private static GoLine? MakesTicker(IEnumerable<GoLine> lines, string name) =>
        lines.FirstOrDefault(l => new[] { "=", ":=", ":" }.Any(op => l.Find(name, op, "time", ".", "NewTicker") >= 0 || l.Find(name, op, "time", ".", "NewTimer") >= 0));

    // A ticker parameter is the local a caller made and passed: that caller's line, its scope and the local's name.
    private static (GoLine? Made, FunctionScope Maker, string Name)? PassedTicker(FunctionScope scope, string parameter)
    {
        var prefix = CodeReader.PackagePrefix(scope.Function);
        foreach (var (caller, local) in CodeReader.ChannelNames(scope.Package, scope.Body, parameter).Where(n => n.Function != scope.Body))
        {
            var callerScope = new FunctionScope(scope.Package, caller, prefix + caller.Name);
            if (MakesTicker(callerScope.Lines, local) is { } made)
            {
                return (made, callerScope, local);
            }
        }

        return null;
    }

    // A goroutine waiting on `<-ctx.Done()` (alone, or as the only way out of its select) for a context derived in
    // the same function waits for that context's cancel: when the cancel is dropped or never called, the context,
    // not the goroutine, is what was forgotten; when it is called, the wait ends and this is the look-alike.
    private static CodeFinding? DoneWaited(FunctionScope scope, GoLine line, (string Where, string Code) started)
    {
        var tokens = scope.Body.File.Tokens;
        var select = line.Matches(0, "select") && line.IndexOf("{") >= 0;
        var to = select ? scope.Body.File.Closing(line.Start + line.IndexOf("{")) : line.End;
        for (var i = line.Start + 1; i + 3 < to; i++)
        {
            if (!(tokens[i - 1].Text == "<-" && tokens[i].IsIdentifier && tokens[i + 1].Text == "." && tokens[i + 2].Text == "Done" && tokens[i + 3].Text == "("))
            {
                continue;
            }

            var name = tokens[i].Text;
            var derived = scope.Lines.LastOrDefault(l => l.Number < line.Number && l.Matches(0, name) && DerivesContext(l) >= 0) is { } made
                ? ContextFinding(scope, made, DerivesContext(made))
                : null;
            if (derived is null || (select && SelectHasWayOut(scope, line, doneIsWayOut: false)))
            {
                continue;
            }

            return Finding(SuspectPattern.ContextNotCancelled, derived.Holds, scope, line, derived.Holds
                ? $"parks the goroutine started at {started.Where} on `{name}.Done()`, which never closes: {derived.Evidence}"
                : $"waits on `{name}.Done()`, which closes when the context is cancelled: {derived.Evidence}");
        }

        return null;
    }

    // `ctx, release := p.lease(c)` where lease (a function of the package) ends in `return context.WithCancel(ctx)`:
    // the helper hands its caller a derived context and its cancel, which the caller then owns exactly as if it had
    // called the deriver itself. The index of the helper's name, or -1.
    private static int DerivesThroughHelper(FunctionScope scope, GoLine line)
    {
        var assign = line.IndexOf(":=") is var d and >= 0 ? d : line.IndexOf("=");
        if (assign < 3 || line.IndexOf(",") is not (> 0 and var comma) || comma > assign)
        {
            return -1;
        }

        var at = line.Matches(assign + 2, "(") ? assign + 1 : line.Matches(assign + 2, ".") && line.Matches(assign + 4, "(") ? assign + 3 : -1;
        if (at < 0 || !line[at].IsIdentifier)
        {
            return -1;
        }

        var name = line[at].Text;
        return scope.Package.Files.SelectMany(f => f.Functions).Any(f => f.MethodName == name && f != scope.Body
            && f.Lines().Any(l => l.Matches(0, "return") && DerivesContext(l) == 1)) ? at : -1;
    }

    // The index of `context` in `x, c := context.WithCancel(...)` and the other derivers, or -1.
    private static int DerivesContext(GoLine line) =>
        line.Find("context", ".") is var at and >= 0 && at + 2 < line.Count && ContextDerivers.Contains(line[at + 2].Text) ? at : -1;

    // The line of the enclosing function that makes the channel: `ch := make(chan T[, n])`.
    private static GoLine? MadeChannel(FunctionScope scope, string name) =>
        scope.Lines.FirstOrDefault(l => l.Matches(0, name) && (l.Matches(1, ":=", "make", "(", "chan") || l.Matches(1, "=", "make", "(", "chan")));

    // A select ends when one of its cases can fire for good: a context's Done(), a timeout (time.After), a default, or
    // a receive from a channel that something closes or sends on, in code that can run. A channel's name says nothing:
    // a `quit` that nothing closes is no way out.
    private static bool SelectHasWayOut(FunctionScope scope, GoLine select, bool doneIsWayOut = true)
    {
        var tokens = scope.Body.File.Tokens;
        var open = select.IndexOf("{");
        if (open < 0)
        {
            return false;
        }

        var close = scope.Body.File.Closing(select.Start + open);
        for (var i = select.Start + open + 1; i < close; i++)
        {
            if (tokens[i].Text is "{" or "(" or "[")
            {
                i = scope.Body.File.Closing(i);
                continue;
            }

            if (tokens[i].Kind == GoTokenKind.Keyword && tokens[i].Text == "default")
            {
                return true;
            }

            if (tokens[i].Kind != GoTokenKind.Keyword || tokens[i].Text != "case")
            {
                continue;
            }

            // The case's header, up to its `:` at bracket depth 0.
            var end = i + 1;
            while (end < close && tokens[end].Text != ":")
            {
                end = tokens[end].Text is "(" or "[" or "{" ? scope.Body.File.Closing(end) + 1 : end + 1;
            }

            var arrow = Enumerable.Range(i + 1, Math.Max(0, end - i - 1)).FirstOrDefault(k => tokens[k].Text == "<-" && !tokens[k - 1].IsIdentifier && tokens[k - 1].Text != "]" && tokens[k - 1].Text != ")");
            if (arrow == 0)
            {
                continue;
            }

            var received = Enumerable.Range(arrow + 1, end - arrow - 1).Select(k => tokens[k]).ToList();
            if (received.Any(t => t.Text == "After" || (t.Text == "Done" && doneIsWayOut)))
            {
                return true;
            }

            var channel = received.LastOrDefault(t => t.IsIdentifier).Text;
            if (channel is not null && scope.LiveLines().Any(l => Closes(l, channel) || l.Find(channel, "<-") >= 0))
            {
                return true;
            }
        }

        return false;
    }

    // `in chan T` / `out <-chan T` / `done chan<- struct{}` in a struct of the package.
    private static bool IsChannelField(GoPackage package, string field) =>
        package.Files.Any(f => f.Fields.Any(x => x.Name == field && f.Tokens[x.Type].Text is "chan" or "<-"));

    // close(ch) / close(p.ch): the channel's name is the last identifier before the closing parenthesis.
    private static bool Closes(GoLine line, string channel)
    {
        var at = line.Find("close", "(");
        if (at < 0 || line[at].Kind != GoTokenKind.Identifier)
        {
            return false;
        }

        var end = line.IndexOf(")", at);
        return end > at + 2 && line[end - 1].Text == channel;
    }

    // The container an assignment's left side names: a package-level var, or a struct field declared as a map or slice.
    private static Target? Container(FunctionScope scope, GoLine line, int from, int to)
    {
        if (!line[from].IsIdentifier)
        {
            return null;
        }

        if (scope.Package.Var(line[from].Text) is { } v && (from + 1 == to || line[from + 1].Text is "[" or "="))
        {
            return v.Kind is GoVarKind.Map or GoVarKind.Slice ? new Target(v.Name, null, v.Kind) : null;
        }

        // A local map or slice written inside a func literal that captures it (a handler made in main): it lives as
        // long as the literal does.
        if ((from + 1 == to || line[from + 1].Text is "[" or "=") && LocalContainer(scope, line[from].Text, line) is { } local)
        {
            return local;
        }

        // owner.field[...] = / owner.field = append(owner.field, ...): a long-lived struct's container.
        if (from + 2 < to && line[from + 1].Text == "." && line[from + 2].IsIdentifier)
        {
            var field = line[from + 2].Text;
            var kind = FieldKind(scope.Package, field);
            if (kind is not (GoVarKind.Map or GoVarKind.Slice))
            {
                return null;
            }

            // A field of a value the path makes on every call (`sp := &span{...}` then `sp.attrs = append(...)`) grows
            // only that value: what keeps the values themselves is the leak, not this container.
            var owner = ValueTypes.OfExpression(scope.Package, scope.Body, line.Start + from);
            return owner is { Length: > 0 } && scope.PerCallTypes.Contains(owner) ? null : new Target(field, line[from].Text, kind);
        }

        return null;
    }

    private static Target? LocalContainer(FunctionScope scope, string name, GoLine write)
    {
        var decl = scope.Lines.LastOrDefault(l => l.Number < write.Number
            && (l.Matches(0, name, ":=") || l.Matches(0, "var", name)));
        if (decl is null)
        {
            return null;
        }

        var at = decl.Matches(0, "var") ? 2 : 1;
        if (decl.Matches(at, "=") || decl.Matches(at, ":="))
        {
            at++;
        }

        if (decl.Matches(at, "make", "("))
        {
            at += 2;
        }

        var kind = decl.Matches(at, "map") ? GoVarKind.Map : decl.Matches(at, "[", "]") ? GoVarKind.Slice : GoVarKind.Other;
        if (kind == GoVarKind.Other)
        {
            return null;
        }

        // Only a capture: a local filled in a loop is as often a result being built and returned.
        var captured = scope.LiteralAround(write.Number) is { } literal && decl.Number < literal;
        return captured ? new Target(name, null, kind, Local: true) : null;
    }

    // `field map[...]` or `field []...` in a struct type anywhere in the package.
    private static GoVarKind FieldKind(GoPackage package, string field)
    {
        foreach (var file in package.Files)
        {
            var t = file.Tokens;
            for (var i = 0; i + 2 < t.Count; i++)
            {
                if (t[i].Text != field || !t[i].IsIdentifier || (i > 0 && t[i - 1].Text == "."))
                {
                    continue;
                }

                if (t[i + 1].Text == "map")
                {
                    return GoVarKind.Map;
                }

                if (t[i + 1].Text == "[" && t[i + 2].Text == "]")
                {
                    return GoVarKind.Slice;
                }

                if (i + 3 < t.Count && t[i + 1].Text == "sync" && t[i + 2].Text == "." && t[i + 3].Text == "Map")
                {
                    return GoVarKind.SyncMap;
                }

                // `log bytes.Buffer` / `out *strings.Builder`.
                var typeAt = t[i + 1].Text == "*" ? i + 2 : i + 1;
                if (typeAt + 2 < t.Count && t[typeAt + 1].Text == "." && (t[typeAt].Text, t[typeAt + 2].Text) is ("bytes", "Buffer") or ("strings", "Builder"))
                {
                    return GoVarKind.Buffer;
                }

                // `items registry` / `items *registry` where `type registry map[...]...`.
                var named = t[i + 1].Text == "*" ? t[i + 2] : t[i + 1];
                if (named.IsIdentifier && package.NamedKind(named.Text) is var kind and not GoVarKind.Other)
                {
                    return kind;
                }
            }
        }

        return GoVarKind.Other;
    }

    // After "append(" the same container again: returns the index just past it, or null.
    private static int? SameTarget(GoLine line, int at, Target target)
    {
        if (target.Owner is null)
        {
            return line[at].Text == target.Name ? at + 1 : null;
        }

        return line.Matches(at + 1, ".", target.Name) && line[at].IsIdentifier ? at + 3 : null;
    }

    // delete(X, k), clear(X), X = make(..)/map..{} anywhere in the package.
    // onlyUnderDurationBug: the deletions the durationcheck bug keeps from running, for the evidence.
    private static GoLine? Deletion(FunctionScope scope, Target target, bool onlyUnderDurationBug = false)
    {
        foreach (var l in scope.LiveLines().Where(l => UnderDurationTimesUnit(scope.Package, l) == onlyUnderDurationBug && !InUncalledRemover(scope, l)))
        {
            // X[k] = append(list[:i], list[i+1:]...): one element spliced out of the slice kept under k.
            if (StatementAssign(l) is var at and > 1 && l.Matches(at + 1, "append", "(") && l.Has("...")
                && Enumerable.Range(0, at).Any(k => l[k].Text == target.Name && l.Matches(k + 1, "[") && (target.Owner is null) != l.Matches(k - 1, "."))
                && SliceExpression(l, at + 3, l.Count) is not null)
            {
                return l;
            }

            var del = l.Find("delete", "(");
            if (del < 0)
            {
                del = l.Find("clear", "(");
            }

            if (del >= 0)
            {
                var comma = l.IndexOf(",", del);
                var end = comma > 0 ? comma : l.IndexOf(")", del);
                if (end > 0 && l[end - 1].Text == target.Name)
                {
                    return l;
                }

                // delete(X[k], id) removes from the map kept under k, which is where `X[k][id] = v` stores.
                if (target.Nested && end > 0 && l[end - 1].Text == "]" && OpeningBracket(l, end - 1) is var open and > 0 && l[open - 1].Text == target.Name)
                {
                    return l;
                }
            }

            var eq = StatementAssign(l);
            if (eq > 0 && l[eq - 1].Text == target.Name && (l.Matches(eq + 1, "make") || l.Matches(eq + 1, "map") || l.Matches(eq + 1, "nil")))
            {
                return l;
            }

            if (target.Kind == GoVarKind.SyncMap && (l.Find(target.Name, ".", "Delete") >= 0 || l.Find(target.Name, ".", "LoadAndDelete") >= 0))
            {
                return l;
            }
        }

        return null;
    }

    // How many index groups the assignment's left side ends with: `m[k] =` 1, `m[a][b] =` 2.
    private static int IndexGroups(GoLine line, int eq)
    {
        var groups = 0;
        for (var close = eq - 1; close > 0 && line[close].Text == "]" && OpeningBracket(line, close) is var open and > 0; close = open - 1)
        {
            groups++;
        }

        return groups;
    }

    // The `[` matching the `]` at `close`, or -1.
    private static int OpeningBracket(GoLine line, int close)
    {
        var depth = 0;
        for (var k = close; k >= 0; k--)
        {
            depth += line[k].Text is "]" or ")" or "}" ? 1 : line[k].Text is "[" or "(" or "{" ? -1 : 0;
            if (depth == 0)
            {
                return line[k].Text == "[" ? k : -1;
            }
        }

        return -1;
    }

    // X = X[len(X)-n:], X = X[:0], X = nil, X = append(X[:0], ...), X = make(...): anything but the growing append
    // and a queue's drain.
    private static GoLine? Truncation(FunctionScope scope, Target target, GoLine growing)
    {
        foreach (var l in scope.LiveLines().Where(l => !UnderDurationTimesUnit(scope.Package, l) && !InUncalledRemover(scope, l)))
        {
            var eq = StatementAssign(l);
            if (eq <= 0 || l[eq - 1].Text != target.Name || l.Number == growing.Number && l.File == growing.File)
            {
                continue;
            }

            var grows = l.Matches(eq + 1, "append", "(") && SameTarget(l, eq + 3, target) is { } after && l[after].Text == ",";
            if (!grows && !(IsDrain(l, eq, target) && !UnderLengthBound(scope, l, target)))
            {
                return l;
            }
        }

        return null;
    }

    // X = X[1:], X = X[n:], X = X[:len(X)-1]: a consumer taking items off a queue or stack. It bounds nothing: while
    // appends outpace it the backing array keeps every item not yet taken (and a front drain keeps the taken ones'
    // slots until the next reallocation). A window that keeps the newest (X[len(X)-n:]) or a reset (X[:0]) does bound.
    private static bool IsDrain(GoLine l, int eq, Target target)
    {
        if (SameTarget(l, eq + 1, target) is not { } open || !l.Matches(open, "[") || open + 1 >= l.Count)
        {
            return false;
        }

        var depth = 0;
        var colon = -1;
        var close = -1;
        for (var k = open; k < l.Count && close < 0; k++)
        {
            depth += l[k].Text is "[" or "(" or "{" ? 1 : l[k].Text is "]" or ")" or "}" ? -1 : 0;
            colon = depth == 1 && l[k].Text == ":" && colon < 0 ? k : colon;
            close = depth == 0 ? k : -1;
        }

        if (colon < 0 || close < 0)
        {
            return false;
        }

        var low = Enumerable.Range(open + 1, colon - open - 1).Select(k => l[k].Text).ToList();
        var high = Enumerable.Range(colon + 1, close - colon - 1).Select(k => l[k].Text).ToList();
        return (low.Count > 0 && high.Count == 0 && !low.Contains("len")) || (low.Count == 0 && high.Contains("len") && high.Contains("-"));
    }

    // The drain sits under a cap (`if len(X) > max {`, or a sibling's `if len(c.items) > c.max {` in an LRU), or in a
    // `for len(X) > 0 {` that takes everything; or its function is only called under a cap (`if ... { c.evict() }`).
    private static bool UnderLengthBound(FunctionScope scope, GoLine l, Target target)
    {
        if (l.File.FunctionAt(l.Number) is not { } function)
        {
            return false;
        }

        if (EnclosingHeads(function, l).Any(h => IsLengthCap(h, target.Name)))
        {
            return true;
        }

        var name = function.MethodName;
        var calls = scope.LiveLines().Where(c => c.File.FunctionAt(c.Number) != function && c.Find(name, "(") >= 0
            && (c.Find(name, "(") == 0 || c.Matches(c.Find(name, "(") - 1, "."))).ToList();
        return calls.Count > 0 && calls.All(c => c.File.FunctionAt(c.Number) is { } caller && EnclosingHeads(caller, c).Any(h => IsLengthCap(h, target.Name)));
    }

    // `if len(anything) > n {` (n not zero), or `for len(X) ... {` over the drained slice itself.
    private static bool IsLengthCap(List<GoToken> head, string drained)
    {
        var len = head.FindIndex(t => t.Text == "len");
        if (len < 0 || head[0].Text is not ("if" or "for"))
        {
            return false;
        }

        if (head[0].Text == "for")
        {
            return head.Skip(len).Any(t => t.Text == drained);
        }

        return head.Any(t => t.Text is ">" or ">=" or "<" or "<=") && !head.Any(t => t.Text is "0" or "1");
    }

    // The line runs only when a condition around it compares with a time.Duration multiplied by a unit
    // (`l.maxIdle*time.Second` with `maxIdle time.Duration`): the product is 10^9 times too long, so the eviction
    // never runs (the bug the durationcheck linter reports).
    private static bool UnderDurationTimesUnit(GoPackage package, GoLine l)
    {
        if (l.File.FunctionAt(l.Number) is not { } function)
        {
            return false;
        }

        foreach (var head in EnclosingHeads(function, l).Where(h => h[0].Text is "if" or "for"))
        {
            for (var i = 0; i + 3 < head.Count; i++)
            {
                // d * time.Second   or   time.Second * d
                var unitAfter = head[i].IsIdentifier && head[i + 1].Text == "*" && head[i + 2].Text == "time" && head[i + 3].Text == ".";
                var unitBefore = head[i].Text == "time" && head[i + 1].Text == "." && i + 4 < head.Count && head[i + 3].Text == "*" && head[i + 4].IsIdentifier;
                var duration = unitAfter ? head[i].Text : unitBefore ? head[i + 4].Text : null;
                if (duration is not null && IsDeclaredDuration(package, duration))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // `name time.Duration` (a field, parameter or var; `a, name time.Duration` too) somewhere in the package.
    private static bool IsDeclaredDuration(GoPackage package, string name)
    {
        foreach (var file in package.Files)
        {
            var t = file.Tokens;
            for (var i = 0; i + 3 < t.Count; i++)
            {
                if (!t[i].IsIdentifier || t[i].Text != name || (i > 0 && t[i - 1].Text == "."))
                {
                    continue;
                }

                var k = i + 1;
                while (k + 1 < t.Count && t[k].Text == "," && t[k + 1].IsIdentifier)
                {
                    k += 2;
                }

                if (k + 2 < t.Count && t[k].Text == "time" && t[k + 1].Text == "." && t[k + 2].Text == "Duration")
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The head (tokens from the line's start to the `{`, without a leading `} else`) of every block around the line,
    // innermost first.
    private static IEnumerable<List<GoToken>> EnclosingHeads(GoFunction function, GoLine line) =>
        BlocksAround(function, line).Select(h => h.Tokens.SkipWhile(t => t.Text is "}" or "else").ToList()).Where(h => h.Count > 0);

    // The lifecycle finding (open, ticker, context) of a local the stored value names, e.g. `f` in &session{f: f}.
    private static CodeFinding? Origin(FunctionScope scope, GoLine line, int from, int to)
    {
        // `m[k] = time.AfterFunc(..)`: the stored value is a timer made right here, named by whether it is stopped.
        if (line.Matches(from, "time", ".") && line[from + 2].Text is "NewTimer" or "AfterFunc")
        {
            return Lifecycle(scope, line);
        }

        for (var i = from; i < to; i++)
        {
            if (!line[i].IsIdentifier || line.Matches(i + 1, "(") || line.Matches(i - 1, ".") || line.Matches(i + 1, ":"))
            {
                continue;
            }

            var name = line[i].Text;
            var def = scope.Lines.LastOrDefault(l => l.Number < line.Number && l.Matches(0, name) && (l.Matches(1, ":=") || l.Matches(1, "=") || l.Matches(1, ",")));
            if (def is not null && Lifecycle(scope, def) is { } finding)
            {
                return finding;
            }
        }

        return null;
    }

    // `subs := c.topics[topic]` ... `subs = subs[:len(subs)-1]` ... `c.topics[topic] = subs`: the container's own slice,
    // shrunk and stored back, is a removal; it views no buffer beyond the one the container already holds.
    private static bool ReadFromTarget(FunctionScope scope, GoLine line, string local, Target target) =>
        scope.Lines.Any(l => l.Number < line.Number && (l.Matches(0, local, ":=") || l.Matches(0, local, "="))
            && Enumerable.Range(2, Math.Max(0, l.Count - 2)).Any(k => l[k].Text == target.Name && l[k].IsIdentifier && !l.Matches(k + 1, "(")
                && (target.Owner is null) != l.Matches(k - 1, ".")));

    // A func literal, or a local that holds one (h := func...), as the stored value.
    private static bool IsFuncValue(FunctionScope scope, GoLine line, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (line[i].Text == "func" && line[i].Kind == GoTokenKind.Keyword)
            {
                return true;
            }

            // A method value (`c.onEvent` not called) binds its receiver the way a literal captures it.
            if (line[i].IsIdentifier && line.Matches(i - 1, ".") && !line.Matches(i + 1, "(") && i >= 2 && line[i - 2].IsIdentifier
                && IsMethodName(scope.Package, line[i].Text))
            {
                return true;
            }

            if (line[i].IsIdentifier && !line.Matches(i + 1, "(") && !line.Matches(i - 1, "."))
            {
                var name = line[i].Text;
                if (scope.Lines.Any(l => l.Number < line.Number && l.Matches(0, name) && (l.Matches(1, ":=", "func") || l.Matches(1, "=", "func")))
                    || IsFuncParameter(scope, name))
                {
                    return true;
                }

                // sub := &subscription{fn: fn}: a struct built around the callback holds it as much as a bare func would.
                var wrapper = scope.Lines.LastOrDefault(l => l.Number < line.Number && l.Matches(0, name, ":="));
                if (wrapper is not null && wrapper.IndexOf("{") is var brace and > 2
                    && Enumerable.Range(brace + 1, wrapper.Count - brace - 1).Any(k => (wrapper[k].Text == "func" && wrapper[k].Kind == GoTokenKind.Keyword)
                        || (wrapper[k].IsIdentifier && wrapper.Matches(k - 1, ":") && IsFuncParameter(scope, wrapper[k].Text))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The func type at the bottom of the container's declared type (`map[string]map[uint64]Handler` with `type Handler
    // func(Event)`, `[]func()`), or null when its elements are not funcs or its declaration is not found: the entries
    // of such a container are closures or method values, whatever map or slice holds them on the way.
    private static string? HoldsFuncs(GoPackage package, Target target)
    {
        if (target.Local || target.Kind is not (GoVarKind.Map or GoVarKind.Slice))
        {
            return null;
        }

        foreach (var declared in package.DeclaredTypes(target.Name, field: target.Owner is not null))
        {
            var t = declared.File.Tokens;
            var at = declared.Element;
            if (declared.IsContainer && at < t.Count && ((t[at].Text == "func" && t[at].Kind == GoTokenKind.Keyword)
                || (t[at].IsIdentifier && !(at + 1 < t.Count && t[at + 1].Text == ".") && FuncTypes(package).Contains(t[at].Text))))
            {
                return declared.Text;
            }
        }

        return null;
    }

    // A method of a type of the package is so named (`(*Conn).onEvent`), and no struct field is.
    private static bool IsMethodName(GoPackage package, string name) =>
        package.FieldType(name) is null && package.Files.SelectMany(f => f.Functions).Any(f => f.Name.EndsWith("." + name, StringComparison.Ordinal));

    private static bool IsFuncParameter(FunctionScope scope, string name) => scope.Body.DeclaresParameter(name, ["func", .. FuncTypes(scope.Package)]);

    // The package's named func types (`type Handler func(io.Writer) error`), whose values are closures too.
    private static string[] FuncTypes(GoPackage package) =>
        package.Files.SelectMany(f => f.TypeKinds).Where(k => k.Value == GoVarKind.Func).Select(k => k.Key).ToArray();

    // buf[i:j] (or a local assigned from one) in the stored value, not copied by Clone/string()/copy. Each argument
    // (each part between top-level commas) is judged by itself: `Put(string(f[0]), f[1])` copies its key and keeps
    // a view as its value.
    public static string? SubSliceIn(FunctionScope scope, GoLine line, int from, int to)
    {
        foreach (var (start, end) in Arguments(line, from, to))
        {
            if (SubSliceInArgument(scope, line, start, end) is { } buffer)
            {
                return buffer;
            }
        }

        return null;
    }

    /// <summary>The position, among the arguments in [from, to), of the first one that is a sub-slice view, or -1.</summary>
    public static int ViewArgument(FunctionScope scope, GoLine line, int from, int to)
    {
        var index = 0;
        foreach (var (start, end) in Arguments(line, from, to))
        {
            if (SubSliceInArgument(scope, line, start, end) is not null)
            {
                return index;
            }

            index++;
        }

        return -1;
    }

    // The parts of [from, to) between commas at its own bracket depth, up to the bracket that closes around it.
    public static IEnumerable<(int From, int To)> Arguments(GoLine line, int from, int to)
    {
        var depth = 0;
        var start = from;
        for (var i = from; i < to; i++)
        {
            var t = line[i].Kind == GoTokenKind.String ? string.Empty : line[i].Text;
            depth += t is "[" or "(" or "{" ? 1 : t is "]" or ")" or "}" ? -1 : 0;
            if (depth < 0)
            {
                yield return (start, i);
                yield break;
            }

            if (depth == 0 && t == ",")
            {
                yield return (start, i);
                start = i + 1;
            }
        }

        yield return (start, to);
    }

    private static string? SubSliceInArgument(FunctionScope scope, GoLine line, int from, int to)
    {
        if (Enumerable.Range(from, Math.Max(0, to - from)).Any(i => line[i].Text is "Clone" or "string" or "copy" or "append"))
        {
            return null;
        }

        // The whole argument is a number or a bool computed from the slice (`bytes.Count(buf[:n], sep)`).
        var open = line.Matches(from + 1, "(") ? from + 1 : line.Matches(from + 1, ".") && line.Matches(from + 3, "(") ? from + 3 : -1;
        if (open > 0 && to - 1 > open && line[to - 1].Text == ")" && line.IndexOf(")", open) >= 0 && InScalarCall(scope, line, from - 1, open + 1))
        {
            return null;
        }

        if ((SliceExpression(line, from, to) is { } sliced && !FilledPrefix(scope, line, from, to) ? sliced : BufferBytes(scope, line, from, to) ?? SplitView(scope, line, from, to) ?? ViewCall(scope, line, from, to)) is { } direct)
        {
            return direct;
        }

        for (var i = from; i < to; i++)
        {
            if (!line[i].IsIdentifier || line.Matches(i + 1, "(") || InScalarCall(scope, line, from, i))
            {
                continue;
            }

            var (def, rhs) = Definition(scope, line, line[i].Text);
            if (def is not null && rhs > 0 && !MakesOrCopies(def, rhs)
                && (SliceExpression(def, rhs, def.Count) ?? BufferBytes(scope, def, rhs, def.Count) ?? SplitView(scope, def, rhs, def.Count) ?? ViewCall(scope, def, rhs, def.Count)) is { } viaLocal
                && ResultAliases(scope, def, rhs) && !(IsDirectSlice(def, rhs) && FilledPrefix(scope, def, rhs, def.Count)))
            {
                return viaLocal;
            }
        }

        return null;
    }

    // bytes/strings functions that answer with a number or a bool about their arguments, never a piece of them.
    private static readonly HashSet<string> ScalarStringFunctions = new(StringComparer.Ordinal)
    {
        "Count", "Index", "IndexByte", "IndexRune", "IndexAny", "IndexFunc", "LastIndex", "LastIndexByte", "LastIndexAny", "LastIndexFunc",
        "Equal", "EqualFold", "HasPrefix", "HasSuffix", "Contains", "ContainsAny", "ContainsRune", "ContainsFunc", "Compare",
    };

    // Go's number and bool types: a call that returns only these hands back no slice of anything.
    private static readonly HashSet<string> ScalarTypes = new(StringComparer.Ordinal)
    {
        "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "byte", "rune",
        "float32", "float64", "bool", "error",
    };

    // The token at `at` is an argument of a call (inside the argument part starting at `from`) whose result is a number
    // or a bool (`bytes.Count(src, sep)`, `len(b)`, `strconv.Atoi(s)`, a function of the package declared to return an
    // int): such a result is a summary of the slice, not a view of it, and keeps nothing of its backing array.
    private static bool InScalarCall(FunctionScope scope, GoLine line, int from, int at)
    {
        var depth = 0;
        for (var p = at - 1; p > from; p--)
        {
            var t = line[p].Kind == GoTokenKind.String ? string.Empty : line[p].Text;
            if (t is ")" or "]" or "}")
            {
                depth++;
                continue;
            }

            if (t is "(" or "[" or "{" && depth > 0)
            {
                depth--;
                continue;
            }

            // An opening bracket around `at`: a call's when an identifier names it.
            if (t != "(" || !line[p - 1].IsIdentifier)
            {
                continue;
            }

            var name = line[p - 1].Text;
            var qualifier = p >= 3 && line.Matches(p - 2, ".") && line[p - 3].IsIdentifier ? line[p - 3].Text : null;
            var scalar = qualifier switch
            {
                null => name is "len" or "cap" || scope.Package.Files.SelectMany(f => f.Functions).FirstOrDefault(f => f.Name == name) is { } callee && ReturnsOnlyScalars(callee),
                "bytes" or "strings" => scope.Body.File.Imports.Contains(qualifier) && ScalarStringFunctions.Contains(name),
                "strconv" => name is "Atoi" or "ParseInt" or "ParseUint" or "ParseFloat" or "ParseBool",
                "utf8" => name is "RuneCount" or "RuneCountInString" or "Valid" or "ValidString",
                _ => false,
            };
            if (scalar)
            {
                return true;
            }
        }

        return false;
    }

    // `func count(b []byte) int {`, `func parse(s string) (int, error) {`: every declared result is a number, a bool or
    // an error.
    private static bool ReturnsOnlyScalars(GoFunction function)
    {
        var tokens = function.File.Tokens;
        var last = function.BodyStart - 1;
        if (last < 1)
        {
            return false;
        }

        if (tokens[last].IsIdentifier)
        {
            return ScalarTypes.Contains(tokens[last].Text) && tokens[last - 1].Text == ")";
        }

        if (tokens[last].Text != ")")
        {
            return false;
        }

        var types = new List<string>();
        for (var i = last - 1; i > 0 && tokens[i].Text != "("; i--)
        {
            if (tokens[i].Text != ",")
            {
                types.Add(tokens[i].Text);
            }
        }

        return types.Count > 0 && types.All(ScalarTypes.Contains) && tokens[last - 2 * types.Count].Text == "(" && tokens[last - 2 * types.Count - 1].Text == ")";
    }

    /// <summary>The field a line stores into an element of, when that field is a fixed-size array (`ring [4096]entry`,
    /// `ix.ring[ix.next%len(ix.ring)] = b`): a ring that replaces its elements, bounded by its length; else null.</summary>
    public static string? ArrayElementWrite(FunctionScope scope, GoLine line)
    {
        var eq = TopLevelAssign(line);
        if (eq < 4 || line[eq].Text != "=" || line[eq - 1].Text != "]" || !line.Matches(1, ".") || !line[2].IsIdentifier || !line.Matches(3, "["))
        {
            return null;
        }

        var field = line[2].Text;
        return scope.Package.Files.Any(f => f.Fields.Any(x => x.Name == field && f.Tokens[x.Type].Text == "[" && f.Tokens[x.Type + 1].Text != "]"))
            ? field
            : null;
    }

    // `traceID(line)`, `fieldValue(batch)`: a call, with a whole local or parameter as its argument, to a function of the
    // package that returns a slice of its []byte or string parameter (`return line[i+6 : i+6+32]`) hands back a view of
    // that argument, sharing its backing array as much as `line[i:j]` written here would; the argument's name, or null.
    private static string? ViewCall(FunctionScope scope, GoLine line, int from, int to)
    {
        for (var i = from; i + 2 < to; i++)
        {
            if (!line[i].IsIdentifier || !line.Matches(i + 1, "(") || line.Matches(i - 1, ".") || !line[i + 2].IsIdentifier
                || line.Matches(i + 3, "(") || line.Matches(i + 3, ".") || line.Matches(i + 3, "["))
            {
                continue;
            }

            var callee = scope.Package.Function(line[i].Text);
            if (callee is not null && ReturnsViewOfParameter(scope.Package, callee, cutOnly: true))
            {
                return line[i + 2].Text;
            }
        }

        return null;
    }

    // `raw[:n]` where n counts what a call wrote into raw (`n := reading(raw)`, `n, err := r.Read(raw)`): the part of
    // the buffer that was filled, not a small piece cut from it. Kept, it uses its buffer rather than pinning it.
    private static bool FilledPrefix(FunctionScope scope, GoLine line, int from, int to)
    {
        for (var i = from; i + 4 < to; i++)
        {
            if (!line[i].IsIdentifier || !line.Matches(i + 1, "[", ":") || !line[i + 3].IsIdentifier || !line.Matches(i + 4, "]"))
            {
                continue;
            }

            var buffer = line[i].Text;
            var count = line[i + 3].Text;
            var def = scope.Lines.LastOrDefault(l => l.Number < line.Number && l.IndexOf(":=") is var d and > 0
                && Enumerable.Range(0, d).Any(k => l[k].Text == count));
            if (def is not null && def.IndexOf("(") is var open and > 0 && !Searches(def, open)
                && Enumerable.Range(open + 1, def.Count - open - 1).Any(k => def[k].Text == buffer && !def.Matches(k - 1, ".") && (def.Matches(k + 1, ")") || def.Matches(k + 1, ","))))
            {
                return true;
            }
        }

        return false;
    }

    // `i := strings.IndexByte(text, '\n')`, `bytes.LastIndex(b, sep)`: a position found by searching the buffer says
    // where to cut it, not how much a call filled (strings never are; bytes' searches only read).
    private static bool Searches(GoLine def, int open) =>
        open >= 3 && def[open - 2].Text == "." && (def[open - 3].Text == "strings"
            || (def[open - 3].Text == "bytes" && def[open - 1].Text.Contains("Index", StringComparison.Ordinal)));

    // The right side is the slice expression itself (`x[a:b]`), not a call that takes one.
    private static bool IsDirectSlice(GoLine def, int rhs) => def[rhs].IsIdentifier && def.Matches(rhs + 1, "[");

    // `h, err := parseHeader(buf[:n])`: a result computed by a function of the package is a view of the buffer only when
    // that function keeps slices of its argument in what it returns; any other right side is the slice itself.
    private static bool ResultAliases(FunctionScope scope, GoLine def, int rhs)
    {
        if (!def[rhs].IsIdentifier || !def.Matches(rhs + 1, "(") || def.Matches(rhs + 1, "(", ")"))
        {
            return true;
        }

        var callee = scope.Package.Function(def[rhs].Text);
        return callee is null || ReturnsViewOfParameter(scope.Package, callee);
    }

    // The function keeps a slice of a []byte or string parameter, uncopied (no string(), Clone, copy, make, append on the
    // way), in a slice field (`h.Route = value`, `Header{Route: value}`) or in what it returns (`return frame[:end]`).
    // cutOnly: only a piece cut from the parameter counts (`return line[i:j]`, a strings.Fields word of it), not the
    // parameter itself handed back or kept whole in a field: called with a whole buffer, only a cut piece is smaller
    // than what it pins.
    private static bool ReturnsViewOfParameter(GoPackage package, GoFunction function, bool cutOnly = false)
    {
        var views = new HashSet<string>(StringComparer.Ordinal);
        var cut = new HashSet<string>(StringComparer.Ordinal);
        var tokens = function.File.Tokens;
        for (var i = Math.Max(0, function.DeclStart); i + 1 < function.BodyStart; i++)
        {
            if (tokens[i].IsIdentifier && tokens[i - 1].Text is "(" or "," && (tokens[i + 1].Text == "string" || (tokens[i + 1].Text == "[" && tokens[i + 2].Text == "]")))
            {
                views.Add(tokens[i].Text);
            }
        }

        foreach (var line in function.Lines())
        {
            var assign = line.IndexOf(":=") is var d and > 0 ? d : TopLevelAssign(line);
            if (assign <= 0 && !line.Matches(0, "return"))
            {
                continue;
            }

            var from = assign > 0 ? assign + 1 : 1;
            var copies = Enumerable.Range(from, line.Count - from).Any(k => line[k].Text is "string" or "Clone" or "copy" or "make" or "append");
            var mentions = Enumerable.Range(from, line.Count - from).Any(k => line[k].IsIdentifier && !line.Matches(k - 1, ".") && views.Contains(line[k].Text));
            if (copies || !mentions)
            {
                continue;
            }

            // Into a slice field of the result, or returned as it is (`return page[start:end], nil`).
            var intoField = assign >= 2 && line.Matches(assign - 2, ".") && FieldKind(package, line[assign - 1].Text) == GoVarKind.Slice;
            var keyed = Enumerable.Range(from, line.Count - from).Any(k => line.Matches(k, ":") && line[k - 1].IsIdentifier && line[k + 1].IsIdentifier
                && views.Contains(line[k + 1].Text) && FieldKind(package, line[k - 1].Text) == GoVarKind.Slice);
            var slicedHere = SliceExpression(line, from, line.Count) is { } sliced && views.Contains(sliced);
            var splitHere = Enumerable.Range(from, Math.Max(0, line.Count - from - 3)).Any(k => line[k].Text is "strings" or "bytes" && line.Matches(k + 1, ".")
                && line[k + 2].Text is "Fields" or "Split" or "SplitN" or "Cut" or "SplitAfter" or "FieldsFunc" && line.Matches(k + 3, "("));
            var returned = line.Matches(0, "return") && (slicedHere || (cutOnly && splitHere)
                || ((cutOnly ? cut : views).Contains(line[1].Text) && (line.Count == 2 || line.Matches(2, ","))));
            if ((!cutOnly && (intoField || keyed)) || returned)
            {
                return true;
            }

            // A length or an index computed from a view is a number, not a view.
            if (assign > 0 && !line.Matches(assign + 1, "len") && !line.Matches(assign + 1, "cap"))
            {
                var assigned = Enumerable.Range(0, assign).Where(k => line[k].IsIdentifier && line[k].Text != "_" && !line.Matches(k - 1, ".") && !line.Matches(k + 1, ".")).Select(k => line[k].Text).Where(n => n is not ("for" or "if")).ToList();
                views.UnionWith(assigned);
                if (slicedHere || splitHere || Enumerable.Range(from, line.Count - from).Any(k => line[k].IsIdentifier && cut.Contains(line[k].Text) && !line.Matches(k - 1, ".")))
                {
                    cut.UnionWith(assigned);
                }
            }
        }

        return false;
    }

    // buf.Bytes() of a local bytes.Buffer: a slice of the buffer's whole array, however little was written.
    private static string? BufferBytes(FunctionScope scope, GoLine line, int from, int to)
    {
        var bytes = line.Find(".", "Bytes", "(", ")");
        if (bytes <= from || bytes >= to || !line[bytes - 1].IsIdentifier)
        {
            return null;
        }

        var buffer = line[bytes - 1].Text;
        var declared = scope.Lines.Any(l => l.Number < line.Number
            && (l.Find("var", buffer, "bytes", ".", "Buffer") >= 0
                || (l.Matches(0, buffer) && l.Matches(1, ":=") && l.Has("bytes") && (l.Has("Buffer") || l.Has("NewBuffer") || l.Has("NewBufferString")))));
        return declared ? buffer : IsBufio(scope, line, buffer, "Scanner") ? buffer + ".Bytes()" : null;
    }

    // What a bufio reader hands out without copying: `sc.Bytes()` of a bufio.Scanner and `br.ReadSlice(..)`,
    // `br.ReadLine()`, `br.Peek(..)` of a bufio.Reader are slices of the reader's own buffer (the one given to
    // sc.Buffer, or its default), valid only until the next read.
    private static string? BufioView(FunctionScope scope, GoLine line, int from, int to)
    {
        for (var i = Math.Max(from, 1); i + 2 < to; i++)
        {
            if (line[i - 1].IsIdentifier && line.Matches(i, ".") && line.Matches(i + 2, "(")
                && line[i + 1].Text is var call && (call is "Bytes" ? IsBufio(scope, line, line[i - 1].Text, "Scanner")
                    : call is "ReadSlice" or "ReadLine" or "Peek" && IsBufio(scope, line, line[i - 1].Text, "Reader")))
            {
                return $"{line[i - 1].Text}.{call}()";
            }
        }

        return null;
    }

    // `sc := bufio.NewScanner(r)` (or NewReader/NewReaderSize for a Reader) before the line, or a parameter
    // declared `*bufio.Scanner`.
    private static bool IsBufio(FunctionScope scope, GoLine line, string name, string type)
    {
        string[] makers = type == "Scanner" ? ["NewScanner"] : ["NewReader", "NewReaderSize"];
        if (scope.Lines.Any(l => l.Number < line.Number && (l.Matches(0, name, ":=", "bufio", ".") || l.Matches(0, name, "=", "bufio", ".")
                || l.Matches(0, "var", name, "=", "bufio", ".")) && makers.Any(m => l.Has(m))))
        {
            return true;
        }

        var tokens = scope.Body.File.Tokens;
        for (var i = Math.Max(1, scope.Body.DeclStart); i + 4 < scope.Body.BodyStart; i++)
        {
            if (tokens[i].Text == name && tokens[i - 1].Text is "(" or "," && tokens[i + 1].Text == "*" && tokens[i + 2].Text == "bufio"
                && tokens[i + 3].Text == "." && tokens[i + 4].Text == type)
            {
                return true;
            }
        }

        return false;
    }

    // A piece of x from a call that cuts it: the elements of `bytes.Fields(x)`, `bytes.Split(x, sep)` (and strings'
    // equivalents) are slices of x, so each pins all of x; `bytes.TrimSpace(x)` and the other trims are x minus its
    // edges, a view only when x is one (`bytes.TrimSpace(sc.Bytes())`). Null when there is no such call.
    private static string? SplitView(FunctionScope scope, GoLine line, int from, int to, int depth = 0)
    {
        if (BufioView(scope, line, from, to) is { } direct && depth == 0)
        {
            return direct;
        }

        for (var i = from; i + 3 < to; i++)
        {
            if (line[i].Text is not ("bytes" or "strings") || !line.Matches(i + 1, ".") || !line.Matches(i + 3, "(") || line.Matches(i - 1, "."))
            {
                continue;
            }

            var call = line[i + 2].Text;
            var cuts = call is "Fields" or "FieldsFunc" or "Split" or "SplitN" or "SplitAfter" or "SplitAfterN" or "Cut" or "CutPrefix" or "CutSuffix";
            var trims = call.StartsWith("Trim", StringComparison.Ordinal);
            if (!cuts && !trims)
            {
                continue;
            }

            var (argFrom, argTo) = Arguments(line, i + 4, to).First();
            var inner = SliceExpression(line, argFrom, argTo) ?? BufioView(scope, line, argFrom, argTo) ?? BufferBytes(scope, line, argFrom, argTo)
                ?? (depth < 2 ? SplitView(scope, line, argFrom, argTo, depth + 1) : null)
                ?? (argTo == argFrom + 1 && line[argFrom].IsIdentifier ? LocalView(scope, line, line[argFrom].Text, depth) : null);
            if (inner is not null)
            {
                return inner;
            }

            if (cuts && argTo == argFrom + 1 && line[argFrom].IsIdentifier)
            {
                return line[argFrom].Text;
            }
        }

        return null;
    }

    // The last assignment to a local before the line (`name := ..`, `n, name, err := ..`) and the index its right side
    // starts at, or (null, -1).
    private static (GoLine? Def, int Rhs) Definition(FunctionScope scope, GoLine line, string name)
    {
        var def = scope.Lines.LastOrDefault(l => l.Number < line.Number && (l.Matches(0, name) && (l.Matches(1, ":=") || l.Matches(1, "=") || l.Matches(1, ","))
            || (l.IndexOf(":=") is var d and > 0 && Enumerable.Range(1, d - 1).Any(k => l[k].Text == name && l.Matches(k - 1, ",") && (l.Matches(k + 1, ",") || k + 1 == d)))
            // `if id, ok := traceID(line); ok {`: the statement's own short declaration.
            || (l.Matches(0, "if", name) && l.IndexOf(":=") is var s and > 1 && Enumerable.Range(2, s - 2).All(k => l[k].Text == "," || l[k].IsIdentifier))));
        var rhs = def is null ? -1 : def.IndexOf(":=") is var at and > 0 ? at + 1 : def.IndexOf("=") + 1;
        return (def, rhs);
    }

    // A definition's right side (from `rhs`) copies or makes its value (Clone, string(), copy, make, append): whatever
    // the local holds is its own array, no view.
    private static bool MakesOrCopies(GoLine def, int rhs) =>
        Enumerable.Range(rhs, def.Count - rhs).Any(k => def[k].Text is "Clone" or "string" or "copy" or "make" or "append");

    // The buffer a local is a view of, from its last assignment before the line (`line := sc.Bytes()`), or null.
    private static string? LocalView(FunctionScope scope, GoLine line, string name, int depth)
    {
        var (def, rhs) = Definition(scope, line, name);
        if (def is null || rhs <= 0 || depth >= 2 || MakesOrCopies(def, rhs))
        {
            return null;
        }

        return BufioView(scope, def, rhs, def.Count) ?? BufferBytes(scope, def, rhs, def.Count) ?? SplitView(scope, def, rhs, def.Count, depth + 1);
    }

    // ident[a:b] with a colon at the bracket's own depth.
    private static string? SliceExpression(GoLine line, int from, int to)
    {
        for (var i = from; i + 1 < to; i++)
        {
            if (!line[i].IsIdentifier || line[i + 1].Text != "[")
            {
                continue;
            }

            var depth = 0;
            for (var k = i + 1; k < to; k++)
            {
                var t = line[k].Text;
                depth += t is "[" or "(" or "{" ? 1 : t is "]" or ")" or "}" ? -1 : 0;
                if (depth == 0)
                {
                    break;
                }

                if (depth == 1 && t == ":")
                {
                    return line[i].Text;
                }
            }
        }

        return null;
    }

    // A path from the Get that returns before the Put runs (`if err != nil { return err }` between them), in the Get's
    // own function, or, when the Put sits in a release helper (`Release` with the Put, `Lease` with the Get), in a
    // caller of the Get's function between its call and the helper's. A deferred Put or release runs on every path.
    // Says where that path returns, or null when every path reaches the Put (or the code does not show).
    private static string? PutSkipped(FunctionScope scope, GoLine get, GoLine put)
    {
        if (get.File.FunctionAt(get.Number) is not { } getter || put.File.FunctionAt(put.Number) is not { } putter)
        {
            return null;
        }

        if (getter == putter)
        {
            return put.Number > get.Number && ReturnBetween(scope.Package, getter, get, put) is { } early
                ? $"{Short(getter.Name)} returns at {Site(early)} before it"
                : null;
        }

        var leaseName = getter.MethodName;
        var releaseName = putter.MethodName;
        foreach (var lease in scope.LiveLines().Where(l => CallsFunction(l, leaseName)))
        {
            if (lease.File.FunctionAt(lease.Number) is not { } caller || caller == getter || caller == putter)
            {
                continue;
            }

            var release = caller.Lines().FirstOrDefault(l => l.Number > lease.Number && CallsFunction(l, releaseName));
            if (release is not null && ReturnBetween(scope.Package, caller, lease, release) is { } early)
            {
                return $"{Short(caller.Name)} gets it through {Site(lease)} and returns at {Site(early)} before {Site(release)} releases it";
            }
        }

        return null;
    }

    // `name(` called, directly or as a method (`frames.Release(id)`, `defer p.release()`).
    private static bool CallsFunction(GoLine line, string name) =>
        line.Find(name, "(") is var at and >= 0 && (at == 0 || line.Matches(at - 1, ".") || line.Matches(at - 1, "defer") || line.Matches(at - 1, "go")
            || !line[at - 1].IsIdentifier);

    // The first `return` of the function strictly between two of its lines, outside func literals, unless the later
    // line is deferred (a defer runs on every return after it).
    private static GoLine? ReturnBetween(GoPackage package, GoFunction function, GoLine from, GoLine to)
    {
        if (to.Matches(0, "defer"))
        {
            return null;
        }

        var scope = new FunctionScope(package, function, function.Name);
        var literal = scope.LiteralAround(from.Number);
        return function.Lines().FirstOrDefault(l => l.Number > from.Number && l.Number < to.Number && l.IndexOf("return") is var r and >= 0
            && l[r].Kind == GoTokenKind.Keyword && scope.LiteralAround(l.Number) == literal);
    }

    // X.Get() where X is a package-level sync.Pool (or pool.Get().(T) on a field named like one).
    private static string? PoolGet(FunctionScope scope, GoLine line)
    {
        var get = line.Find(".", "Get", "(", ")");
        if (get <= 0)
        {
            return null;
        }

        var name = line[get - 1].Text;
        return scope.Package.Var(name) is { Kind: GoVarKind.Pool } || name.Contains("pool", StringComparison.OrdinalIgnoreCase)
            || (line.Matches(get - 2, ".") && IsPoolField(scope.Package, name)) ? name : null;
    }

    // `bufs sync.Pool` / `bufs *sync.Pool`: a struct field declared as a sync.Pool, whatever it is called.
    private static bool IsPoolField(GoPackage package, string field) =>
        package.DeclaredTypes(field, field: true).Any(d => d.IsDirect && d.ElementTokens(3).SequenceEqual(["sync", ".", "Pool"]));

    // `c.rejects = append(c.rejects, Reject{..., JSON: buf})` with `buf, _ := c.bufs.Get().(*bytes.Buffer)` before it:
    // what a sync.Pool's Get handed out, stored itself (not a copy of its contents) in a long-lived container, never
    // goes back to the pool, so the pool's New allocates anew for the next Get; null when no stored value is pooled.
    private static CodeFinding? PooledValueKept(FunctionScope scope, GoLine line, int from, int to, string where)
    {
        for (var i = from; i < to; i++)
        {
            // The value itself (`= buf`, `, buf)`, `JSON: buf}`), not something read from it (`buf.Bytes()`).
            if (!line[i].IsIdentifier || (i != from && line[i - 1].Text is not ("," or "(" or "{" or ":")) || (i + 1 < to && line[i + 1].Text is not ("," or "}" or ")")))
            {
                continue;
            }

            var name = line[i].Text;
            var get = scope.Lines.Where(l => l.Number < line.Number && (l.Matches(0, name, ":=") || l.Matches(0, name, "=") || l.Matches(0, name, ",")))
                .Select(l => (Line: l, Pool: PoolGet(scope, l))).FirstOrDefault(g => g.Pool is not null);
            if (get.Pool is not null)
            {
                return Finding(SuspectPattern.SyncPoolMisuse, true, scope, line,
                    $"keeps `{name}`, which the sync.Pool `{get.Pool}` handed out at {Site(get.Line)}, in {where}: it never goes back to the pool, so the pool's New allocates anew for the next Get");
            }
        }

        return null;
    }

    // The line's assignment: its top-level `=`, or, in a one-line func literal (`return func() { s.subs = append(s.subs[:i],
    // s.subs[i+1:]...) }`, an unsubscribe), the `=` of the literal's own statement; -1 when neither.
    private static int StatementAssign(GoLine line)
    {
        if (TopLevelAssign(line) is var top and > 0)
        {
            return top;
        }

        var func = line.IndexOf("func");
        if (func < 0 || line[func].Kind != GoTokenKind.Keyword)
        {
            return -1;
        }

        var parens = 0;
        var open = -1;
        for (var i = func + 1; i < line.Count && open < 0; i++)
        {
            parens += line[i].Text == "(" ? 1 : line[i].Text == ")" ? -1 : 0;
            open = parens == 0 && line[i].Text == "{" ? i : -1;
        }

        return open < 0 ? -1 : AssignAt(line, open, level: 1);
    }

    // Index of the line's `=` (plain assignment or op-assign) outside brackets, or -1.
    private static int TopLevelAssign(GoLine line) => AssignAt(line, 0, level: 0);

    // The first `=` or `+=` from token `from` on at bracket depth `level` (counted from `from`), or -1.
    private static int AssignAt(GoLine line, int from, int level)
    {
        var depth = 0;
        for (var i = from; i < line.Count; i++)
        {
            var t = line[i];
            if (t.Kind != GoTokenKind.Operator)
            {
                continue;
            }

            depth += t.Text is "[" or "(" or "{" ? 1 : t.Text is "]" or ")" or "}" ? -1 : 0;
            if (depth == level && t.Text is "=" or "+=")
            {
                return i;
            }

            // Inside a literal's braces (level > 0), its closing brace ends the search.
            if (level > 0 && depth < level)
            {
                break;
            }
        }

        return -1;
    }

    // t := time.NewTicker(..) / t = ... / s.t = ...: the name a later `.Stop()` would use.
    private static string? AssignedName(GoLine line, int call)
    {
        var assign = line.IndexOf(":=") is var d and >= 0 && d < call ? d : line.IndexOf("=") is var e and >= 0 && e < call ? e : -1;
        if (assign < 1)
        {
            return null;
        }

        var name = line[assign - 1];
        return name.IsIdentifier && name.Text != "_" ? name.Text : null;
    }

    // What receives the value the call at `call` makes: `t :=`, `var t =`, `p.ticker =`, `m[k] =`, `T{t: ...}` (null: handed on).
    private static Holder? LeftHolder(FunctionScope scope, GoLine line, int call)
    {
        // &Heartbeat{t: time.NewTicker(d)}: the composite literal's field holds it, whatever variable holds the struct.
        if (line.Matches(call - 1, ":") && line[call - 2].IsIdentifier)
        {
            return new Holder(line[call - 2].Text, HolderKind.Field);
        }

        var assign = line.IndexOf(":=") is var d and >= 0 && d < call ? d : line.IndexOf("=") is var e and >= 0 && e < call ? e : -1;
        return assign < 1 ? null : Holder.Of(scope, line, line.Matches(0, "var") ? 1 : 0, assign);
    }

    // The left side's text as written (`t`, `p.ticker`, `m[k]`), or null when the value is not assigned.
    private static string? LeftText(GoLine line, int call)
    {
        var assign = line.IndexOf(":=") is var d and >= 0 && d < call ? d : line.IndexOf("=") is var e and >= 0 && e < call ? e : -1;
        var from = line.Matches(0, "var") ? 1 : 0;
        return assign <= from ? null : string.Concat(Enumerable.Range(from, assign - from).Select(i => line[i].Text));
    }

    private static GoLine? FirstLine(IEnumerable<GoLine> lines) => lines.FirstOrDefault();

    // " (Site is in F, which nothing calls)" when the release exists only in code that cannot run, else "".
    private static string Dead(FunctionScope scope, Func<FunctionScope, GoLine?> release)
    {
        if (release(scope.EveryFunctionRuns()) is not { } line || line.File.FunctionAt(line.Number) is not { } function)
        {
            return string.Empty;
        }

        return ReturnedLiteral(scope.Package, function, line) is not null
            ? $" ({Site(line)} is in the func {function.Name} returns, which nothing calls)"
            : $" ({Site(line)} is in {function.Name}, which nothing calls)";
    }

    // The line runs in a func literal its function returns (`return func() { ...remove... }`, an unsubscribe), and no
    // caller that can run calls what it got back: the result is dropped, or kept in a variable or field nothing calls.
    private static bool InUncalledRemover(FunctionScope scope, GoLine line) => InUncalledRemover(scope, line, followCalls: true);

    // followCalls: a named function (`(*Client).remove`) whose every call in the package sits in such a returned
    // literal runs only when that literal does, so its lines are the remover's too.
    private static bool InUncalledRemover(FunctionScope scope, GoLine line, bool followCalls)
    {
        if (scope.TakesEveryFunctionAsRunning || line.File.FunctionAt(line.Number) is not { } function)
        {
            return false;
        }

        if (ReturnedLiteral(scope.Package, function, line) is null)
        {
            if (!followCalls)
            {
                return false;
            }

            var calls = scope.LiveLines().Where(l => l.File.FunctionAt(l.Number) != function && l.Find(function.MethodName, "(") is var at and >= 0
                && (at == 0 || l.Matches(at - 1, "."))).ToList();
            return calls.Count > 0 && calls.All(c => InUncalledRemover(scope, c, followCalls: false));
        }

        var name = function.MethodName;
        foreach (var call in scope.LiveLines().Where(l => l.File.FunctionAt(l.Number) != function))
        {
            var at = call.Find(name, "(");
            if (at < 0 || !(at == 0 || call.Matches(at - 1, ".")) || call.File.FunctionAt(call.Number) is not { } caller)
            {
                continue;
            }

            var callerScope = new FunctionScope(scope.Package, caller, caller.Name);
            var assign = call.IndexOf(":=") is var d and > 0 && d < at ? d : call.IndexOf("=") is var e and > 0 && e < at ? e : -1;
            // Subscribe(...)() or defer Subscribe(...)(): called where it is got.
            var calledAtOnce = LastClose(call, at + 1) is var end and > 0 && call.Matches(end + 1, "(");
            if (calledAtOnce || call.Matches(0, "return") || (assign > 0 && Holder.Of(callerScope, call, 0, assign) is { } holder
                && Releases.Find(callerScope, call, holder, null) is not null))
            {
                return false;
            }
        }

        return true;
    }

    // The `)` closing the parenthesis opened at `open`, or -1.
    private static int LastClose(GoLine line, int open)
    {
        var depth = 0;
        for (var k = open; k < line.Count; k++)
        {
            depth += line[k].Text is "(" or "[" or "{" ? 1 : line[k].Text is ")" or "]" or "}" ? -1 : 0;
            if (depth == 0)
            {
                return line[k].Text == ")" ? k : -1;
            }
        }

        return -1;
    }

    // The first line of the func literal around the line when the function returns it (`return func() {`), else null.
    private static int? ReturnedLiteral(GoPackage package, GoFunction function, GoLine line)
    {
        // `return func() { delete(m, id) }`: a one-line literal is its own line.
        if (line.Matches(0, "return", "func") && line[line.Count - 1].Text == "}")
        {
            return line.Number;
        }

        var scope = new FunctionScope(package, function, function.Name);
        return scope.LiteralRangeAround(line.Number) is { } literal && function.Lines().FirstOrDefault(l => l.Number == literal.First) is { } head
            && head.Matches(0, "return", "func") ? literal.First : null;
    }

    private static string ErrorPathOnly(string cancel, GoLine called, GoLine call)
    {
        var path = call.File.FunctionAt(call.Number) is { } caller && InRecoverBranch(caller, call) ? "when a panic is recovered" : "on the error path";
        var where = call.File == called.File && call.Number == called.Number
            ? $"in {called.File.FunctionAt(called.Number)?.Name}, only {path}"
            : $"in {called.File.FunctionAt(called.Number)?.Name}, called only {path} ({Site(call)})";
        return $"keeps `{cancel}`, which only {Site(called)} calls, {where}, so on the path that succeeds the parent context keeps this child until the parent ends";
    }

    private static string Site(GoLine l) => $"{Path.GetFileName(l.File.Path)}:{l.Number} (`{l.Code}`)";

    // "main.go:12 (`go w.run(jobs)`)", or just the place when its file was not found.
    private static string Started((string Where, string Code) started) =>
        string.IsNullOrEmpty(started.Code) ? started.Where : $"{started.Where} (`{started.Code}`)";

    private static string Short(string function) => function[(function.LastIndexOf('/') + 1)..];

    private static CodeFinding Finding(SuspectPattern pattern, bool holds, FunctionScope scope, GoLine line, string says) =>
        new(pattern, holds, line.File.Path, line.Number, line.Code, $"{Path.GetFileName(line.File.Path)}:{line.Number} `{line.Code}` {says}");

    /// <param name="Nested">The value is stored one map down (`X[k][id] = v`): a delete from `X[k]` removes it.</param>
    private sealed record Target(string Name, string? Owner, GoVarKind Kind, bool Local = false, bool Nested = false)
    {
        public string Describe(string shape) => Owner is not null
            ? $"the field `{Owner}.{Name}`"
            : Local
                ? $"the {shape} `{Name}` captured by the func literal that writes it"
                : $"the package-level {(Kind == GoVarKind.SyncMap ? "sync.Map" : shape)} `{Name}`";
    }
}
