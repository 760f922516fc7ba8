// WaitStateClassifier: names a goroutine's wait state from its stack when the format does not print it (proto, debug=1).
namespace GcTrace.Profiles;

/// <summary>
/// Walks from the leaf towards the root and returns the state of the first frame that matches a rule. The names
/// are the runtime's waitReason strings (runtime/runtime2.go waitReasonStrings, go1.19), so they agree with what a
/// debug=2 dump prints. Rules match the runtime entry points that park (proto stacks keep them) and, because debug=1
/// `#` lines hide leading runtime.* frames, also the first non-runtime caller of each (time.Sleep, sync.(*Mutex).Lock).
/// Channel operations compile to direct runtime calls, so a debug=1 stack blocked in `ch <- v` shows no clue: "unknown".
/// </summary>
public static class WaitStateClassifier
{
    public const string Unknown = "unknown";

    private static readonly (string Prefix, string State)[] Rules =
    [
        ("runtime.chansend", "chan send"),
        ("runtime.chanrecv", "chan receive"),
        ("runtime.selectgo", "select"),
        ("runtime.block", "select (no cases)"),
        ("runtime.timeSleep", "sleep"),
        ("time.Sleep", "sleep"),
        ("runtime.netpollblock", "IO wait"),
        ("internal/poll.runtime_pollWait", "IO wait"),
        ("internal/poll.(*pollDesc).wait", "IO wait"),
        ("sync.runtime_notifyListWait", "sync.Cond.Wait"),
        ("sync.(*Cond).Wait", "sync.Cond.Wait"),
        ("sync.runtime_Semacquire", "semacquire"),
        ("sync.runtime_SemacquireMutex", "semacquire"),
        ("sync.(*Mutex).Lock", "semacquire"),
        ("runtime.semacquire", "semacquire"), // runtime-internal semaphores, e.g. gcMarkDone under an assist
        ("sync.(*RWMutex).", "semacquire"),
        ("sync.(*WaitGroup).Wait", "semacquire"),
        ("runtime.goroutineProfileWithLabels", "running"),
        ("runtime/pprof.runtime_goroutineProfileWithLabels", "running"),
        ("syscall.Syscall", "syscall"),
        ("syscall.RawSyscall", "syscall"),
        ("runtime.forcegchelper", "force gc (idle)"),
        ("runtime.bgsweep", "GC sweep wait"),
        ("runtime.bgscavenge", "GC scavenge wait"),
        ("runtime.runfinq", "finalizer wait"),
        ("runtime.gcBgMarkWorker", "GC worker (idle)"),
        ("runtime.gcParkAssist", "GC assist wait"),
        ("runtime.asyncPreempt", "runnable"),
        ("os/signal.signal_recv", "signal wait"),
    ];

    /// <param name="runtimeFramesShown">True for proto and debug=2 stacks, which keep runtime frames: there a stack that
    /// matches no rule and does not end in runtime.gopark was not parked, so it is "running" (or was runnable when the
    /// world stopped; the profile cannot tell). debug=1 hides those frames, so such a stack stays "unknown".</param>
    public static string Classify(IReadOnlyList<StackFrame> stack, bool runtimeFramesShown = false)
    {
        ArgumentNullException.ThrowIfNull(stack);
        foreach (var frame in stack)
        {
            foreach (var (prefix, state) in Rules)
            {
                if (frame.Function.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return state;
                }
            }
        }

        var parked = stack.Count > 0 && stack[0].Function is "runtime.gopark" or "runtime.goparkunlock";
        return runtimeFramesShown && stack.Count > 0 && !parked ? "running" : Unknown;
    }
}
