// CodeReader.Deferred: calls inside a long timer's callback run when it fires, not on the path being read.
namespace GcTrace.Source;

public sealed partial class CodeReader
{
    // The call at `i` sits in a func literal handed to time.AfterFunc armed for long (`c.requeue[uid] =
    // time.AfterFunc(10*time.Minute, func() { c.checkRollout(obj) })`, on the line or in a literal opened on an earlier
    // one): it runs when the timer fires, after the memory grew, so what its callee keeps is not where this path's value
    // is; the timer holding the literal is. Not for a frame that is a func literal itself (it may be that callback).
    private static bool InLongTimerCallback(FunctionScope scope, GoLine line, int i)
    {
        if (Enclosing(scope.Function) != scope.Function)
        {
            return false;
        }

        var time = line.Find("time", ".", "AfterFunc", "(");
        if (time >= 0 && line.IndexOf("func", time) is var literal and > 0 && literal < i)
        {
            return StatementRules.ArmsLongCallback(scope, line);
        }

        return scope.LiteralRangeAround(line.Number) is { } range && scope.Lines.FirstOrDefault(l => l.Number == range.First) is { } head
            && StatementRules.ArmsLongCallback(scope, head);
    }
}
