// What the diagnosis gives today on the held-out src3_*, src6_*, src7_*, src8_*, src12_*, src13_*, src16_*, src17_*, src18_*, src19_*, src23_*, src24_*, src25_*, src32_*, src33_*, src34_*, src35_*, src36_*, src37_*, src38_*, src39_* and src40_* runs where it misses their ground truth (issue 16).
namespace GcTrace.Tests.Support;

/// <summary>
/// The src3_* programs (fixtures/src/src3_*) were written blind to the code reader and recorded with their ground truth
/// fixed in scripts/gen-fixtures.sh before the CLI ever saw them; docs/source-accuracy-src3.md holds the first pass.
/// Where the verdict misses, the tests hold it at exactly what it gives today instead of skipping the run, so a fix
/// shows up as a failing test and its entry goes. The src6_* programs are a second blind batch, written and recorded
/// the same way after the reader had been improved on src3_*; docs/held-out-src6.md and docs/source-accuracy-src6.md
/// hold their first pass (with main at f5d4834). The src7_* programs are a third blind batch (docs/held-out-src7.md,
/// docs/source-accuracy-src7.md; first pass with main at fd70ec6). The src8_* programs are a fourth blind batch
/// (docs/held-out-src8.md, docs/source-accuracy-src8.md; first pass with main at df369ea). The src12_* programs are a
/// blind batch of small bug-report-style programs (docs/held-out-src12.md, docs/source-accuracy-src12.md; first pass
/// with main at fb9e2dd). The src13_* programs are a blind batch in the style of service code (docs/held-out-src13.md,
/// docs/source-accuracy-src13.md; first pass with main at fb9e2dd). The src16_* programs are a blind batch in a
/// data-processing tool's style (docs/held-out-src16.md, docs/source-accuracy-src16.md; first pass with main at
/// fb9e2dd). The src17_* programs are a blind batch rebuilt from the shapes of real-world leak reports
/// (docs/held-out-src17.md, docs/source-accuracy-src17.md; first pass with main at e749e03). The src18_* programs are
/// a blind batch in the style of a client library in an internal package and the program that uses (or misuses) it
/// (docs/held-out-src18.md, docs/source-accuracy-src18.md; first pass with main at e749e03). The src19_* programs
/// are a blind batch of concurrent pipelines and event-driven code (docs/held-out-src19.md,
/// docs/source-accuracy-src19.md; first pass with main at e749e03). The src23_* programs are a blind batch of web
/// services (docs/held-out-src23.md, docs/source-accuracy-src23.md; first pass with main at 4de4c40). The src24_*
/// programs are a blind batch of batch and data-processing tools (docs/held-out-src24.md,
/// docs/source-accuracy-src24.md; first pass with main at 4de4c40). The src25_* programs are a blind batch of
/// layered object-oriented service code, the leak one or two calls behind an interface method
/// (docs/held-out-src25.md, docs/source-accuracy-src25.md; first pass with main at 4de4c40). The src33_* programs are a
/// blind batch of message brokers and real-time systems: chat hubs over net.Pipe with per-client goroutines, a job
/// queue with redelivery timeouts, a presence service, a pub/sub broker with a dedup window, a fan-out with pooled
/// frames (docs/held-out-src33.md, docs/source-accuracy-src33.md; first pass with main at e076feb). The src32_* programs
/// are a blind batch of infrastructure daemons and network plumbing over loopback TCP (docs/held-out-src32.md,
/// docs/source-accuracy-src32.md; first pass with main at e076feb). The src34_* programs are a blind batch of Go
/// written with another language's idioms: GetInstance() singletons, listener lists, futures, request scopes
/// (docs/held-out-src34.md, docs/source-accuracy-src34.md; first pass with main at e076feb). The src35_* programs are a
/// blind batch of Kubernetes-operator controllers written with the standard library: a fake watch stream, an informer
/// cache with event handlers, a work queue with rate-limited requeue, a reconcile per object (docs/held-out-src35.md,
/// docs/source-accuracy-src35.md; first pass with main at 2217a49). The src36_* programs
/// are a second-sample blind batch of market data and trading systems: order books, a feed decoder, OHLC aggregators,
/// risk snapshots from a tick pool, a tick archiver, a quote fan-out (docs/held-out-src36.md,
/// docs/source-accuracy-src36.md; first pass with main at 2217a49). The src37_* programs
/// are a blind batch of developer tooling and CLI daemons: a document store with on-change callbacks, build caches
/// over temp files, a template renderer over an io.Pipe, an editor's autosave timers, a directory watcher's pollers
/// (docs/held-out-src37.md, docs/source-accuracy-src37.md; first pass with main at 2217a49). The src38_* programs are a
/// blind batch of game servers and real-time simulation: a lobby over net.Pipe, per-match simulation goroutines, an
/// arena world's death hooks, AFK kick timers, a login gateway feeding a leaderboard ring, per-match contexts under the
/// server's root, a replay recorder (docs/held-out-src38.md, docs/source-accuracy-src38.md; first pass with main at
/// 6d5675ff). The src39_* programs are a blind batch of observability agents and telemetry collectors: a scraper's recently-seen ring, a
/// span exporter's pooled batches and retry ring, per-target collector goroutines, a log shipper's spooled segment
/// files, a metrics registry keyed by label sets, per-target scrape loops on tickers (docs/held-out-src39.md,
/// docs/source-accuracy-src39.md; first pass with main at 6d5675ff).
/// The src40_* programs
/// are a blind batch of storage engines and caches: an LSM store's block cache, snapshot onFlush hooks, per-compaction
/// contexts, iterators registered until Close, a WAL group-commit deadline timer, manifest edits (docs/held-out-src40.md,
/// docs/source-accuracy-src40.md; first pass with main at 6d5675f, no miss, so no entry). Only held-out runs
/// (src3_*, src6_*, src7_*, src8_*, src12_*, src13_*, src16_*, src17_*, src18_*, src19_*, src23_*, src24_*, src25_*,
/// src32_*, src33_*, src34_*, src35_*, src36_*, src37_*, src38_*, src39_*, src40_*) belong here.
/// </summary>
public static class HeldOutMisses
{
    /// <summary>Runs whose verdict kind differs from ground_truth.kind: the kind given today.</summary>
    /// <remarks>
    /// src3_pool_render: ground truth sync-pool-misuse (gc-pressure by scripts/gen-fixtures.sh's rule); the verdict
    /// names the pool (suspect main.init.func1, the New literal, sync-pool-misuse, render.go:17) but its GC cost is 0.27 % of the CPU, so
    /// the kind is healthy.
    /// Fixed: src3_job_queue, src6_header_index and src6_pubsub_hub were inconclusive although the trace's floor rose
    /// (7 -> 14, 9 -> 18, 4 -> 10 MB): their few GCs leave repeated heap profiles, so no site grew beyond the fixed
    /// 8-sample bar after warm-up. A trace that called the leak now needs the profiles only to locate it: a site that
    /// grew across all of them beyond its own sampling noise, in the lasting shape, and still rose after warm-up.
    /// src7_thumb_cache was inconclusive on its first pass (main fd70ec6: "no allocation site, nor their total, grew
    /// steadily across the 5 heap profiles after their warm-up"); it is a leak since that change (main d76475d).
    /// Fixed by verdict6 (after the blind passes, so not blind; docs/output-contract.md, "Few cycles"):
    /// src12_req_scope (first pass, main fb9e2dd: inconclusive, "No allocation site, nor their total, grew steadily
    /// across the 5 heap profiles after their warm-up"): at the default rate each sample of its 16 KiB bodies stands for
    /// ~520 kB, and main.upload read 0.52, 0.52, 1.04, 2.08, 4.16, 4.16, 4.16, 4.16 MB across the 8 profiles, so the
    /// median slope after warm-up was zero; a site still rises after warm-up when its gain over that whole span (last
    /// profile against first, 2.08 MB) clears the sampling noise of the count it started from (2 standard deviations
    /// of 4 samples). src13_dead_letters (first pass: "Only 4 GC cycle(s) in the trace; at least 8 are needed"; GOGC=200,
    /// floors 1, 5, 7, 10 MB, main.(*memoryDLQ).Add +5.59 MB): four cycles are a fast leak when every window's floor
    /// rose by at least the 2 MB whole-MB rounding cannot make and a site agrees. src7_title_index_twin and
    /// src13_label_metrics_twin (first pass: inconclusive, 7 GC cycles, one short of 8): from 5 cycles, a floor that
    /// stays within the trace's resolution after warm-up while no site and no goroutine group grows beyond its noise
    /// after the profiles' warm-up is healthy (confidence low).
    /// </remarks>
    public static readonly IReadOnlyDictionary<string, string> Kind = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["runs/src3_pool_render"] = "healthy",
    };

    /// <summary>Leak runs whose verdict names none of ground_truth.leak_functions: its first suspect today (null: none).</summary>
    /// <remarks>
    /// src3_job_queue, src3_audit_sink: the leaking method (Scheduler.Submit, AccountService.Update) allocates with make
    /// + copy (runtime.makeslicecopy), and Go 1.19's heap profile records such an allocation without that method's
    /// frame (it is not inlined: cost 248 and 173 against the budget of 80): pprof itself ranks main.main.func1 at the
    /// call line, so the suspect is main.main (docs/output-contract.md, "Callees missing from the stacks"). Still so
    /// after site9: the Drive callback runs while main.main is on the stack (main.main calls Drive, which calls it), so
    /// the literal is blamed on main.main, and the profile has no frame of the method that leaks.
    /// src7_status_poll (http.Get without resp.Body.Close(), growth only in net/http's goroutines) is right since the
    /// program's code is searched for the response whose body nothing closes (SuspectSiting.WithResponseOwner).
    /// src8_frame_pool (first pass, main df369ea): the pool's New literal is main.init.func1 in the profiles (NewFramePool
    /// is inlined into the package-level var's init); the verdict named main.init, closure-capture, frames.go:19. Since the
    /// reader's src8_ pass (not blind) the pattern is sync-pool-misuse: serve returns between Lease and Release, so what
    /// Get handed out is never put back; since verdict5 (after the blind pass, so not blind) the suspect is
    /// main.init.func1, as pprof names it: a func literal declared in a package's init keeps its own name, init has no
    /// declaring function in the source.
    /// src8_log_shipper (first pass, main df369ea): the verdict names main.(*Shipper).post, unclosed-resource,
    /// shipper.go:58 `resp, err := s.client.Do(req)` ("opens a response whose body is never closed (no
    /// `resp.Body.Close()` in main.(*Shipper).post)"): the right cause, but not the truth's functions (encode, which makes
    /// the retained payload, and Flush, which skips ack.Close on a 202); encode is not named at all. Still so after site8
    /// (docs/held-out-src8.md, last section): encode's rise stays within the sampling noise of its site, and naming
    /// Flush needs the reader to follow the response post hands on inside the ack it returns.
    /// src17_upload_status (first pass, main e749e03): truth unclosed-resource at main.(*Shipper).Flush, main.go:45: Flush
    /// json.Marshals a ~32 KiB batch, POSTs it, and on a 503 (one in three) returns before `defer resp.Body.Close()`, so
    /// each stuck connection's readLoop keeps the request and its batch (pprof: Flush's cum in-use 0.53 -> 5.27 MB across
    /// the 12 profiles, flat in encoding/json.Marshal; goroutines 30 -> 504). The verdict (kind leak) names only the
    /// net/http goroutines: net/http.(*persistConn).readLoop, (*conn).serve and (*persistConn).writeLoop, each
    /// unclosed-resource at runtime/proc.go:363 with no code evidence ("net/http.(*persistConn).readLoop grew by 0.22 MB
    /// after warm-up: readers, files or connections that are never closed (unclosed-resource)"); main.(*Shipper).Flush
    /// is not named. Right since (lead, after the blind pass, so not blind): a `return` between the open and its close
    /// leaves the body open on that path unless it is the open's own error check or closes first, so the program's code
    /// names Flush's response, and the owner's site is pprof's line for it (main.go:45, where it allocated the batch).
    /// src18_chunk_lease (first pass, main e749e03): the buffer pool library's constructor src18bufpool.New is inlined
    /// into main.main, so its Pool.New literal (64 KiB per buffer, pool.go:56) is main.main.func4 in the profiles, as
    /// pprof names it; the verdict names main.main, sync-pool-misuse, pool.go:56 (pprof's line; the pattern is the
    /// truth's), with "main.go:35 `buf := c.pool.Get()` takes from the sync.Pool `pool`, which nothing puts back, so its
    /// New allocates on most Gets" (Release does put back; Process returns before it on a short chunk, and the pool's
    /// lent table keeps each skipped buffer). Right since site8 (after the blind pass, so not blind): a func literal the
    /// same stack shows its namesake function in another file for came from an inlined callee and keeps its own name, so
    /// the suspect is main.main.func4 (pool.go:56, sync-pool-misuse); the evidence still says "which nothing puts back"
    /// (the Put is in the library's Release, which the reader does not follow across the package).
    /// src23_idem_keys (first pass, main 4de4c40): truth unbounded-map; IdemStore.Remember copies each ~26 KiB response
    /// with make + copy, which Go 1.19 compiles to a direct mallocgc call, so the heap profile drops Remember's frame and
    /// pprof names the payload main.Idempotent.func1 at main.go:81 (`store.Remember(...)`); leak_functions are
    /// main.Idempotent.func1 and main.(*IdemStore).Remember. The verdict names main.Idempotent (the literal's enclosing
    /// function), unbounded-map, main.go:81, "store.go:39 `s.entries[key] = e` assigns into the field `s.entries`, which
    /// nothing deletes from": line and pattern are right, the name is not pprof's. Right since site9 (after the blind
    /// pass, so not blind): a func literal that outlived its declaring function (net/http calls the handler Idempotent
    /// returned; Idempotent is not on the stack, and the literal is not a goroutine it started) keeps its own name, as
    /// pprof's -top prints it, so the suspect is main.Idempotent.func1, main.go:81, unbounded-map.
    /// </remarks>
    public static readonly IReadOnlyDictionary<string, string?> FirstSuspect = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["runs/src3_job_queue"] = "main.main",
        ["runs/src3_audit_sink"] = "main.main",
        ["runs/src8_log_shipper"] = "main.(*Shipper).post",
    };

    /// <summary>Leak runs whose verdict names a ground_truth.leak_functions suspect, but not first: its first suspect today.</summary>
    /// <remarks>
    /// src7_first_reply (first pass, main fd70ec6): the replica's allocation main.(*memReplica).Get (+7.2 MB, goroutine-leak,
    /// main.go:25) outgrew the parked internal/replica.(*Set).ask (+0.66 MB, replica.go:47), named second. Right since
    /// (verdict5, after the blind pass, so not blind): a heap suspect allocated inside goroutines that pile up parked is
    /// what they hold, so the parked goroutines are named first. None is left.
    /// </remarks>
    public static readonly IReadOnlyDictionary<string, string> FirstSuspectBeforeTruth = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };

    /// <summary>Leak runs whose ground-truth suspect gets another pattern than ground_truth.pattern: the pattern today.</summary>
    /// <remarks>The code reader's first-pass misses on the held-out programs (issue 16): none left among the runs whose
    /// ground-truth suspect is named. Fixed by general rules (docs/source-accuracy-src3.md): src3_stats_ticker (a Close
    /// nothing calls stops no ticker), src3_route_hooks (a named func type's values are closures; the Remove nothing
    /// calls deletes nothing), src3_idem_store and src3_bus_listeners (calls followed into internal packages, whose
    /// exported Forget/unsubscribe count only where main names them), src3_session_idle (a one-shot timer re-armed in
    /// a field without stopping the previous one), src3_worker_budget (cancel called only on the error path),
    /// src3_token_index (a substring handed to the callee that keeps it; an eviction bounds the count, not the pinning),
    /// src3_quota_cache (an eviction under a Duration multiplied by time.Second never runs).
    /// The src6_* first-pass misses (main f5d4834, docs/held-out-src6.md), each with the evidence the verdict gives:
    /// src6_user_feeds (a delete on the read path, taken for a bound on a map keyed by ever new users),
    /// src6_retry_registry (a map of closures reset only at shutdown, taken for a removal), src6_pubsub_hub (a closure
    /// handed to Hub.Subscribe, whose unsubscribe is kept and never called, read as a map), src6_deadline_ctx (a
    /// WithDeadline cancel kept in a struct and called only on the error path, read as the span's append),
    /// src6_header_index (sub-slices of the frame buffer kept by a bounded cache in the same file: unknown at first,
    /// unbounded-slice since a look-alike names what grows where the stacks name nothing). src6_user_feeds and
    /// src6_retry_registry are right since that change (CodePatterns.Decide); the other three since the reader's
    /// general rules of the second pass (docs/held-out-src6.md, "After the first pass"): a field of a value the path
    /// makes per call is no long-lived container, a cancel whose only caller runs on the error path is not cancelled,
    /// a callback kept by the callee is held until the remover it returns is called, a parser's result that keeps
    /// slices of its argument pins that buffer. None is left.
    /// The src7_* first-pass misses (main fd70ec6, docs/held-out-src7.md): src7_event_ring (events appended to a
    /// generic ring whose Max is never set, so the slice only grows; read as subslice-pins-buffer because the event
    /// holds `raw[:n]`, a sub-slice of the whole buffer), src7_title_index (a title sub-slice pinning each 64 KiB page,
    /// kept by an index bounded with eviction; read as unbounded-slice from the index's order slice, whose
    /// truncation "does not bound it"). Both right since the reader's src7_ pass (docs/held-out-src7.md, "After the
    /// first pass"): `raw[:n]` with n what a call wrote into raw is the filled part of the buffer, not a piece that pins
    /// it; a function returning `page[start+len(...) : end]` returns a view of its argument. None is left.
    /// The src8_* first-pass misses (main df369ea, docs/held-out-src8.md), with the verdict's evidence:
    /// src8_batch_titles (truth subslice-pins-buffer: `titles[path] = text[:i]` keeps a title substring of each ~40 KiB
    /// document string in a map capped at 50000; read as unbounded-map: "main.go:41 `titles[path] = text[:i]` assigns
    /// into the package-level map `titles`, which nothing deletes from"), src8_plugin_hooks (truth closure-capture: a
    /// hook literal capturing the 16 KiB staging buffer registered per upload through plugin.Registry.On, whose id is
    /// dropped so Off is never called; read as unbounded-map: "registry.go:32 `r.hooks[event] = make(map[int]Hook)`
    /// assigns into the field `r.hooks`, which nothing deletes from", the outer map, one key), src8_fanout_pipe (truth
    /// goroutine-leak: write pumps parked in `range c.send` because leave never calls c.close(); the verdict's first
    /// suspect is main.(*Hub).Join, unclosed-resource, hub.go:66, "hub.go:67 `h.clients[c.id] = c` assigns into the
    /// field `h.clients`, which hub.go:76 (`delete(h.clients, c.id)`) deletes from, yet the site kept growing", while
    /// main.(*client).writePump, goroutine-leak, hub.go:27 comes second). src8_batch_titles is right since (lead, after
    /// the blind pass, so not blind): a prefix cut at a position found by searching (`strings.IndexByte`) pins its
    /// string; only a count a call filled makes `x[:n]` the buffer's used part. src8_plugin_hooks is right since the
    /// reader's src8_ pass (not blind): a type named in a signature (`h Hook`) is no parameter, so the outer map's
    /// `r.hooks[event] = make(map[int]Hook)` no longer reads as keeping the callback; `r.hooks[event][r.nextID] = h`
    /// does, and its `delete(r.hooks[event], id)` sits in Off, which nothing calls. src8_fanout_pipe is right since
    /// (verdict5, after the blind pass, so not blind): goroutines started through a helper the function calls
    /// (`h.spawn(c.writePump)`, `go run()` in spawn) are started by it too, so the 32 KiB writer Join makes is held by
    /// the parked pumps (goroutine-leak). None is left.
    /// The src12_* first pass (main fb9e2dd, docs/held-out-src12.md): every leak run's ground-truth suspect is named
    /// first, at pprof's line, with the truth's pattern; none to pin.
    /// The src16_* first-pass misses (main fb9e2dd, docs/held-out-src16.md), with the verdict's evidence:
    /// src16_scope_ctx (truth context-not-cancelled: withScope's literal puts a 24 KiB trace under
    /// `context.WithValue(s.root, ...)` + `WithTimeout(10 min)` of the server's long-lived root and keeps the cancel in a
    /// Scope whose Close only the recoverer calls, on a panic; read as unbounded-map: "main.go:32 `m.total[route] += d`
    /// assigns into the field `m.total`, which nothing deletes from", a metrics map keyed by the route, one key, on the
    /// path after the handler returns), src16_scan_index (truth subslice-pins-buffer: the session token kept in a
    /// bounded generic Window is a `bytes.Fields` sub-slice of `sc.Bytes()`, so each upload's 32 KiB scanner buffer from
    /// `sc.Buffer(make(...))` stays pinned; read as unbounded-slice: "lru.go:18 `w.order = append(w.order, k)` appends
    /// to the field `w.order`, which lru.go:23 (`w.order = w.order[1:]`) truncates, yet the site kept growing: that
    /// release does not bound it", the window's order of string keys, bounded by Max). src16_scan_index is right since
    /// (reader7, after the blind pass, so not blind): `sc.Bytes()` of a bufio.Scanner is a view of its buffer, the
    /// pieces of `bytes.Fields(x)` are views of x, and each argument of `Put(string(f[0]), f[1])` is judged by itself, so
    /// the kept `f[1]` pins the scanner's buffer (the evidence names `w.items[k] = v`, the line that keeps it).
    /// src16_scope_ctx is right since (reader6, after the blind pass, so not blind): a cancel called only inside a
    /// `recover()` branch runs only on a panic, so it does not cancel on the normal path, and a callee's `m[k] += d`
    /// keeps a sum, not the caller's value.
    /// The src13_* first-pass misses (main fb9e2dd, docs/held-out-src13.md), with the verdict's evidence:
    /// src13_job_timeouts (truth timer-not-stopped: await arms `time.NewTimer(10m)` per job and calls Stop only when the
    /// job fails; read as ticker-not-stopped: "scheduler.go:82 `deadline := time.NewTimer(s.opts.JobTimeout)` creates a
    /// timer that scheduler.go:86 (`deadline.Stop()`) stops, yet the site kept growing: that release does not bound it":
    /// the construct is a one-shot timer, not a ticker), src13_label_metrics (truth unbounded-map: newSeries' 4 KiB
    /// bucket array is stored by Observe in a generic label index, internal/src13metrics `ix.items[key] = v`, keyed by
    /// the raw path with the order id; Remove exists, only Forget calls it and nothing calls Forget; read as unknown with
    /// no evidence: "the stack does not say why"), src13_request_ctx (truth context-not-cancelled: the 16 KiB body made
    /// by readBody rides `context.WithValue(s.base, ...)`, and authorize's `context.WithTimeout(ctx, 2m)` is cancelled
    /// only when the check fails, so the long-lived base keeps every authorized request; read as unknown with no
    /// evidence). src13_request_ctx is right since (reader6, after the blind pass, so not blind): a context made by
    /// `context.WithValue` and handed to a callee that derives a child from it and cancels it only on one path keeps the
    /// value as long as that child. src13_job_timeouts is right since (lead, after the blind pass, so not blind): the stacks see the
    /// runtime's timer under a ticker and a one-shot timer alike, so the line that made it names which, even where the
    /// code stops it on some path. src13_label_metrics is right since (lead, not blind): a field named like a type of
    /// the package (`series *src13metrics.Index[*series]` beside `type series`) has the type its declaration gives, so
    /// `r.series.Put(key, s)` is followed into the index; and an importer's call of Remove counts only in code that can
    /// run (Forget, its only caller, is called by nothing).
    /// The src18_* first-pass miss (main e749e03, docs/held-out-src18.md), with the verdict's evidence:
    /// src18_feed_subscribe (truth closure-capture: Render subscribes a handler literal capturing its 32 KiB preview
    /// buffer on the pub/sub client internal/src18feed, which appends it to `c.topics[topic]`, and drops the unsubscribe
    /// func Subscribe returns; read as subslice-pins-buffer: "feed.go:90 `c.topics[topic] = subs` keeps a sub-slice of
    /// `subs` in the field `c.topics`: even though feed.go:87 (`delete(c.topics, topic)`) removes from it, each kept
    /// slice pins the whole backing array of `subs`", a line of the remover, which nothing calls). Fixed by reader9
    /// (after the blind pass, so not blind): a function called only from a returned remover literal its callers drop
    /// never runs, and a container's own slice shrunk and stored back is a removal, not a view of a buffer; the reading
    /// is Subscribe's `c.topics[topic] = append(c.topics[topic], subscription{id: id, fn: fn})`, closure-capture.
    /// The src19_* first-pass misses (main e749e03, docs/held-out-src19.md), with the verdict's evidence; both read a
    /// send in a long-lived stage goroutine, started once by a constructor (the goroutine profiles stay at 4), as a
    /// goroutine leak: src19_frame_index (truth subslice-pins-buffer: readFrame makes a 64 KiB frame and the parser
    /// stage keeps `frame[8:8+n]`, the order key, in a 16384-slot ring index, so each key pins its frame; read as
    /// goroutine-leak: "main.go:121 `f.frames <- readFrame(seq)` parks the goroutine started at main.go:108
    /// (`go f.reader()`) on a send that nothing completes once its partner gives up"), src19_retry_timers (truth
    /// timer-not-stopped: send arms `time.AfterFunc(2m, func() { p.retransmit(out) })` per 16 KiB frame and the ack only
    /// deletes the pending entry, never stopping the timer; read as goroutine-leak: "main.go:73 `p.wire <- out` parks the
    /// goroutine started at main.go:51 (`go p.loop()`) on a send that nothing completes once its partner gives up").
    /// src19_frame_index is right since (reader8, after the blind pass, so not blind): a goroutine-leak reading holds only
    /// where the goroutine profiles saw a group rise at that line, and a send set aside hands its value to the loop that
    /// receives it, which keeps a sub-slice of it (`key` from parseKey) in the index's ring. The same rule no longer
    /// reads src19_retry_timers' send (no group rises there).
    /// src19_retry_timers fixed by reader9 (not blind): a one-shot timer kept per entry of a map is timer-not-stopped
    /// unless an entry's Stop runs, so send's own line `p.pending[out.seq] = time.AfterFunc(retryAfter, ...)` (2m) is
    /// read before the loop's send.
    /// The src23_* first-pass misses (main 4de4c40, docs/held-out-src23.md), with the verdict's evidence:
    /// src23_event_stream (truth ticker-not-stopped) fixed by the lead after its blind pass (not blind): heartbeat's `t`
    /// is a parameter, so the ticker it waits on is the one its caller made and passed (`hb := time.NewTicker(15s)`,
    /// `go sub.heartbeat(hb)`), which Stream never stops.
    /// src23_trace_index fixed by reader10 after its blind pass (not blind): fieldValue returns `rest[:j]` of its
    /// argument, so `fieldValue(batch)` is a view of the returned batch, and RecentIndex.Add stores it in an element of
    /// the fixed-size array `ring`, which bounds the count, not what each view pins.
    /// The src24_* first-pass misses (main 4de4c40, docs/held-out-src24.md), with the verdict's evidence:
    /// src24_encode_pool fixed by reader10 after its blind pass (not blind): the pool is the field `bufs sync.Pool`,
    /// and the reject path stores the pooled buffer itself in `c.rejects`, so it never goes back to the pool
    /// (sync-pool-misuse, whatever caps the slice).
    /// src24_trace_dedup fixed by reader10 after its blind pass (not blind): `id, ok := traceID(line)` is a view of
    /// `line` (traceID returns `line[i+6 : i+6+32]`), and remember keeps it in the ring and the map, which bound how
    /// many ids are kept, not what each one pins.
    /// The src25_* first-pass misses (main 4de4c40, docs/held-out-src25.md), with the verdict's evidence; both read a
    /// map the leak passes through on its way to what really keeps it as the cause: src25_order_watchers (truth
    /// closure-capture: openView makes an orderView with a 32 KiB render buffer and subscribes its method value `v.apply`
    /// on the order's topic of the long-lived src25bus.Memory, dropping the Subscription whose Cancel would remove it;
    /// read as unbounded-map: "bus.go:56 `b.topics[topic] = hs` assigns into the field `b.topics`, which nothing deletes
    /// from (bus.go:82 (`delete(b.topics, topic)`) is in (*Memory).remove, which nothing calls)"; remove is called by
    /// subscription.Cancel, which nothing calls, and what the topic's handler map keeps is the bound method value),
    /// src25_call_deadlines (truth timer-not-stopped: Call makes a 24 KiB frame per call and Deadliner.Arm sets
    /// `c.timer = time.AfterFunc(d.timeout, func() { onExpire(c) })` (2m) per attempt; a retry replaces c.timer and a
    /// reply completes the call, neither stopping a timer, so the runtime's timers keep each call; read as
    /// unbounded-map: "client.go:94 `c.inflight[cl.seq] = cl` assigns into the field `c.inflight`, which client.go:116
    /// (`delete(c.inflight, cl.seq)`) deletes from, yet the site kept growing: that release does not bound it"; complete
    /// does delete every call from inflight, which stays at zero). Both are read right since the pass after (reader11,
    /// not blind): a container whose entries are func values is closure-capture whatever map holds them on the way,
    /// and a long one-shot timer a callee re-arms into a field of the value it was passed, without Stop, keeps the
    /// replaced one (timer-not-stopped); their entries are gone.
    /// The src32_* first-pass miss (main e076feb, docs/held-out-src32.md): src32_route_keys (truth subslice-pins-buffer:
    /// readFrame makes a buffer per ~24 KiB length-prefixed frame and Router.observe keeps `header := frame[8:headerLen]`
    /// as `rt.header` per stream in a table bounded to 50000 streams, so each kept 32-byte header pins its whole frame;
    /// read as unknown, the suspect main.readFrame carries no evidence and the verdict says "main.readFrame grew by
    /// 6.39 MB after warm-up: in-use memory that keeps growing; the stack does not say why (unknown)"; the buffer is
    /// returned by readFrame to serveConn, which passes it to observe, where the sub-slice is stored).
    /// The src33_* first-pass miss (main e076feb, docs/held-out-src33.md), with the verdict's evidence:
    /// src33_topic_dedup (truth subslice-pins-buffer: readFrame makes a fresh ~24 KiB frame per message, main.go:91;
    /// route keeps the header's message id, `bytes.Fields(frame[:nl])[2]`, a sub-slice of the frame, through
    /// `b.window.Add(id)` in the 8192-slot ring of a long-lived dedup window (`w.ring[w.pos] = id`; the string set copies,
    /// the ring does not), so each kept id pins its frame; read as unknown with no code evidence: "main.(*Broker).readFrame
    /// grew by 7.48 MB after warm-up: in-use memory that keeps growing; the stack does not say why (unknown)"; site and
    /// kind are right). Both are read right since the pass after (reader12, not blind): the value readFrame returns is
    /// followed from the caller's call line into the calls it is passed to, and a sub-slice of it stored in a long-lived
    /// owner (the receiver, or an entry of the receiver's map) pins it; their entries are gone.
    /// The src34_* first-pass miss (main e076feb, docs/held-out-src34.md), with the verdict's evidence:
    /// src34_quote_futures (truth timer-not-stopped: calculateQuote makes each 20 KiB quote and hands it to a Node-style
    /// callback that resolves the call's Future; NewFutureWithTimeout (future.go) armed
    /// `time.AfterFunc(timeout, func() { future.Reject(ErrFutureTimeout) })` (2 min) and Resolve never stops it, so
    /// Go 1.19's timers keep each future and its quote until they fire; read as unknown, the suspect has no evidence:
    /// "main.(*QuoteService).calculateQuote grew by 3.57 MB after warm-up: in-use memory that keeps growing; the stack
    /// does not say why (unknown).").
    /// The src35_* first-pass misses (main 2217a49, docs/held-out-src35.md; both fixed after the first pass by reader13,
    /// not blind, so no longer pinned), with the verdict's evidence; both read the
    /// slice a call passes through as the cause: src35_requeue_timers (truth timer-not-stopped: every reconcile
    /// deep-copies the object's 16 KiB spec and sets `c.requeue[uid] = time.AfterFunc(10m, func() { c.checkRollout(obj) })`,
    /// replacing the previous timer without Stop, so Go 1.19's timer heap keeps every replaced timer and its copy; read as
    /// unbounded-slice: "main.go:248 `q.keys = append(q.keys, key)` appends to the field `q.keys`, which is never
    /// truncated"; that is the work queue's pending list, drained by Get's `q.keys = q.keys[1:]`, reached only through
    /// the literal's checkRollout -> queue.Add, which never runs within the 10 minutes). src35_drift_handlers (truth
    /// closure-capture: the first reconcile of each object registers `EventHandler{OnUpdate: func(...) { ... admitted
    /// ... }}` on the shared informer, capturing a 24 KiB copy of the spec, and handlers are never removed; read as
    /// unbounded-slice: "main.go:195 `inf.handlers = append(inf.handlers, h)` appends to the field `inf.handlers`, which is
    /// never truncated"; the append is real, but its elements are func values and the growing buffer is reachable only
    /// as the literal's captured variable).
    /// The src36_* first-pass misses (main 2217a49, docs/held-out-src36.md), both with the verdict's evidence "harness.go:137
    /// `report := time.NewTicker(time.Second)` creates a ticker that harness.go:138 (`defer report.Stop()`) stops, yet the
    /// site kept growing: that release does not bound it" (the harness's Drive loop, which calls the work callback, read
    /// instead of the program's code): src36_symbol_index (truth subslice-pins-buffer: readFrame makes each ~32 KiB frame
    /// body, main.go:59, and returns it to the Drive callback, which passes it to (*Index).Note; Note keeps
    /// `sym := body[:end]` in an 8192-slot ring field, so each 4-byte symbol pins its body); src36_order_book (truth
    /// unbounded-map: (*Book).Place allocates each ~3 KiB Order, main.go:45, and stores it by a fresh order id in its own
    /// map field, `b.orders[id] = o`; Fill and Cancel only set the status, nothing deletes). Site and kind are right.
    /// src36_symbol_index is read right since the pass after (reader12, not blind): the body readFrame returns to the
    /// callback is followed into Note, whose ring keeps `sym`, a sub-slice of it; its entry is gone.
    /// Both are read right since the pass after (rank12, not blind): a release of another object than the frame's value
    /// (the driver loop's own ticker) is never a look-alike; the Books main builds in its setup loop are long-lived, so
    /// `b.orders` is a long-lived map; and a view a callee keeps in a fixed ring pins its buffer. Their entries are gone.
    /// The src37_* first-pass misses (main 2217a49, docs/held-out-src37.md), with the verdict's evidence:
    /// src37_compile_handles (truth unclosed-resource: compile's early return for `//go:build ignore` files skips
    /// h.Close(), so each handle's file and 64 KiB buffer stay in the cache's open-handle table; read as
    /// subslice-pins-buffer: "main.go:69 `c.objects[filepath.Base(path)] = bytes.Count(src, []byte("func "))` keeps a
    /// sub-slice of `buf` in the field `c.objects`: the small slice pins the whole backing array of `buf`", though line
    /// 69 stores the int bytes.Count returns, not the slice it is passed). src37_pkg_index (truth subslice-pins-buffer:
    /// packageName returns a sub-slice of each ~32 KiB file buffer and scan keeps it in an 8192-slot history ring; read
    /// as unclosed-resource: "main.go:31 `f, err := os.Open(path)` opens a resource that main.go:35 (`defer f.Close()`)
    /// closes, yet the site kept growing: that release does not bound it", though the file is closed on every path and
    /// what grows is the buffer the kept name pins). Both are read right since the pass after (rank12, not blind):
    /// bytes.Count's int is no view, and the Close that compile's early return skips makes the handle unclosed-resource;
    /// the view kept in the ring of scan itself pins `data`, a holding finding that wins over the closed file's look-alike.
    /// Their entries are gone.
    /// The src38_* first-pass miss (main 6d5675ff, docs/held-out-src38.md), with the verdict's evidence:
    /// src38_winner_board (truth subslice-pins-buffer: readHandshake makes each 32 KiB login packet, main.go:61, and
    /// returns `Handshake{..., Name: pkt[8 : 8+n], Avatar: pkt[8+n:]}`; login passes `hs.Name` to the leaderboard's
    /// recordWin, which keeps it in its fixed 8192-slot `recent` array field, so each 12-byte name pins its packet;
    /// read as unknown, the suspect has no evidence: "main.(*Gateway).readHandshake grew by 3.61 MB after warm-up:
    /// in-use memory that keeps growing; the stack does not say why (unknown)."). Site, first suspect and kind are right.
    /// The src39_* first-pass miss (main 6d5675ff, docs/held-out-src39.md), with the verdict's evidence:
    /// src39_spool_segments (truth unclosed-resource: (*Shipper).ship returns early for `#rotated` segments without
    /// calling Close, so each os.Open'd file and its 64 KiB read buffer stay in the shipper's fd table, which only Close
    /// deletes from; read as unbounded-map: "main.go:40 `s.handles[f.Fd()] = seg` assigns into the field `s.handles`,
    /// which main.go:45 (`delete(s.handles, seg.f.Fd())`) deletes from, yet the site kept growing: that release does
    /// not bound it", though that delete is inside Close, the call the early return skips). Site, first suspect and
    /// kind are right.
    /// </remarks>
    public static readonly IReadOnlyDictionary<string, string> Pattern = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Blind first pass (main e076feb): what keeps the quote is a timer armed in another function of another file.
        ["runs/src34_quote_futures"] = "unknown",
        // Blind first pass (main 6d5675ff): the view leaves in a field of the returned struct, is kept two calls on.
        ["runs/src38_winner_board"] = "unknown",
        // Blind first pass (main 6d5675ff): the fd table's delete inside Close read as a release that fails to bound a map.
        ["runs/src39_spool_segments"] = "unbounded-map",
    };
}
