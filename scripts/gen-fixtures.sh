#!/usr/bin/env bash
# gen-fixtures.sh - regenerate the REAL Go runtime fixtures in fixtures/runs/.
#
# What it does
#   1. Installs Go (Debian golang-go) and jq if they are missing.
#   2. Builds every fixture program in fixtures/src/<name>/ (one Go module, standard
#      library only, GOPROXY=off, -trimpath) into a temporary directory.
#   3. Runs each run listed in the RUNS table below with GOMAXPROCS=2 and the run's
#      GODEBUG / GOGC / GOMEMLIMIT, stdout+stderr piped together into
#      fixtures/runs/<run>/combined.log exactly as `app 2>&1 | gctrace-pipe` sees them.
#      Each program runs under `chrt -f 10` (SCHED_FIFO) when the host allows it, so other processes' load does
#      not inflate its GC cost and STW (a run recorded under load once showed STW at 5.5 % of the cpu); where
#      chrt is missing or refused the run uses the normal scheduler silently. meta.json records which ("realtime").
#      Leak runs also get -memprofilerate (see memprofilerate() below): runtime.MemProfileRate is set before main
#      runs, so the heap profiles sample densely enough to catch the small objects that name a leak's pattern
#      (map buckets, func literals, tickers); real users do the same to sharpen leak evidence.
#   4. For runs with profiles, the program itself writes (every -profile-interval=1s)
#      heap-NNN.pb.gz, goroutine-NNN.pb.gz, goroutine-NNN.txt (debug=1), a final
#      heap-last.debug1.txt and manifest.json; the script then saves the oracles:
#        heap-<first>.inuse_space.top.txt   go tool pprof -top -nodefraction=0 -sample_index=inuse_space <first heap>
#        heap-<first>.alloc_space.top.txt   ... -sample_index=alloc_space <first heap>
#        heap-<last>.inuse_space.top.txt    ... -sample_index=inuse_space <last heap>
#        heap-<last>.alloc_space.top.txt    ... -sample_index=alloc_space <last heap>
#        heap-diffbase-<first>-<last>.top.txt   ... -sample_index=inuse_space -diff_base <first> <last>
#        goroutine-<first>.top.txt, goroutine-<last>.top.txt   go tool pprof -top -nodefraction=0 <goroutine pb>
#      (names follow fixtures/corpus: <profile>.<sample_index>.top.txt; heap-diff-A-B is -base, heap-diffbase-A-B is -diff_base).
#   5. Writes fixtures/runs/<run>/meta.json (command, env, go version, exit code, duration,
#      ground truth {label, pattern, leak_functions, ...}, gc line counts observed in the log)
#      and rebuilds fixtures/runs/README.md (index table) from all meta.json files.
#
# Usage
#   scripts/gen-fixtures.sh                 regenerate every run (~2.5 min on 2 cores)
#   scripts/gen-fixtures.sh --only chatty   regenerate one run (repeatable: --only a --only b)
#   scripts/gen-fixtures.sh --quick         halve durations (smoke test; meta.json records "quick": true)
#   scripts/gen-fixtures.sh --out DIR       write runs into DIR instead of fixtures/runs
#   scripts/gen-fixtures.sh --list          print the run table and exit
#
# Idempotent: each selected run directory is deleted and recreated; other runs are left alone.
# Output is nondeterministic in detail (timings, GC counts) but the ground truth is fixed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="$ROOT/fixtures/src"
OUT="$ROOT/fixtures/runs"
QUICK=0
ONLY=()
LIST=0

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --only) [[ $# -ge 2 ]] || { echo "--only needs a run name" >&2; exit 2; }; ONLY+=("$2"); shift 2 ;;
    --only=*) ONLY+=("${1#--only=}"); shift ;;
    --quick) QUICK=1; shift ;;
    --out) [[ $# -ge 2 ]] || { echo "--out needs a directory" >&2; exit 2; }; OUT="$2"; shift 2 ;;
    --list) LIST=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# ---------------------------------------------------------------------------------------------
# Run table. Fields (| separated):
#   run | program | seconds | GOGC | GOMEMLIMIT | GODEBUG | profiles(0/1) | label | pattern | leak_functions(,) | note
RUNS=(
  "steady|steady|6|100||gctrace=1|1|no-leak|healthy||healthy request service: JSON decode/encode, bounded session cache, flat live heap"
  "steady_pacer|steady|4|100||gctrace=1,gcpacertrace=1|0|no-leak|healthy||steady service with gcpacertrace=1 (pacer: lines around gc lines)"
  "pressure|pressure|6|25||gctrace=1|1|no-leak|gc-pressure||short-lived garbage from a log parser at GOGC=25; flat live heap"
  "pressure_sched|pressure|4|25||gctrace=1,schedtrace=1000|0|no-leak|gc-pressure||pressure program with schedtrace=1000 (SCHED lines every second)"
  "forced|forced|6|100||gctrace=1,scavtrace=1|0|no-leak|healthy||runtime.GC() every 250ms and debug.FreeOSMemory() every 1s: (forced) gc lines and scav ... (forced) lines"
  "chatty|chatty|5|1||gctrace=1|0|no-leak|gc-pressure||3 log-package loggers (stderr) + fmt.Println access log (stdout) while GC runs back to back at GOGC=1: gc lines split by app writes"
  "slow|slow|6|100||gctrace=1|0|no-leak|healthy||slow producer for pipe tests: a numbered line every 200ms, ~1 gc per second"
  "leak_goroutine|leak_goroutine|8|100||gctrace=1|1|leak|goroutine-leak|main.spawnWaiter,main.subscribe|waiter goroutines blocked forever on chan send (main.spawnWaiter.func1, 16 KiB each) and chan receive (main.subscribe.func1)"
  "leak_ticker|leak_ticker|8|100||gctrace=1|1|leak|ticker-not-stopped|main.startPoller,main.pollLoop|one pollLoop goroutine per connection creates a time.NewTicker it never stops and parks in <-t.C forever, 16 KiB status buffer each"
  "leak_map|leak_map|8|100||gctrace=1|1|leak|unbounded-map|main.cacheResult|global map cache keyed by unique request id, never evicted (~1 MiB/s)"
  "leak_closure|leak_closure|8|100||gctrace=1|1|leak|closure-capture|main.registerCallback|func literals that capture (by reference) and stage 32 KiB upload buffers, appended to a global hook slice"
  "leak_resource|leak_resource|8|100||gctrace=1|1|leak|unclosed-resource|main.openSession,main.fetchStatus|os.Open + 64 KiB bufio.Reader never closed (inuse flat: bufio.NewReaderSize under main.openSession); http bodies from main.fetchStatus never closed (persistConn readLoop/writeLoop goroutines pile up)"
  "pool_misuse|pool_misuse|6|100||gctrace=1|1|no-leak|sync-pool-misuse||sync.Pool Get without Put: Pool.New (main.newBuffer) allocates 64 KiB per request; GC pressure, flat in-use"
  "batch_sawtooth|batch_sawtooth|8|100||gctrace=1|1|no-leak|batch-sawtooth||batch job builds a ~40 MiB index, drops it, repeats: sawtooth live heap"
  "memlimit|memlimit|6|off|64MiB|gctrace=1|1|no-leak|memory-limit||GOMEMLIMIT=64MiB, GOGC=off, ~48 MiB live: goal pinned by the limit, GC runs often"
  "src_map|src_map|8|100||gctrace=1|1|leak|unbounded-map|main.cacheResult|source-reading: package-level map cache assigned per request, never deleted from; default MemProfileRate"
  "src_map_twin|src_map_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src_map: the same cache, but delete() evicts beyond 256 entries"
  "src_slice|src_slice|8|100||gctrace=1|1|leak|unbounded-slice|main.audit|source-reading: package-level audit slice only appended to; default MemProfileRate"
  "src_slice_twin|src_slice_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-slice||twin of src_slice: the slice is truncated to its last 64 records"
  "src_closure|src_closure|8|100||gctrace=1|1|leak|closure-capture|main.registerCallback|source-reading: func literals capturing an 8 KiB buffer appended to a package-level slice; default MemProfileRate"
  "src_closure_twin|src_closure_twin|8|100||gctrace=1|1|no-leak|twin:closure-capture||twin of src_closure: callbacks kept in a map and deleted once 256 newer exist"
  "src_ticker|src_ticker|8|100||gctrace=1|1|leak|ticker-not-stopped|main.pollLoop,main.accept|source-reading: a goroutine per connection waits forever on a time.NewTicker it never stops; default MemProfileRate"
  "src_ticker_twin|src_ticker_twin|8|100||gctrace=1|1|no-leak|twin:ticker-not-stopped||twin of src_ticker: defer t.Stop() and return after ten ticks"
  "src_timer|src_timer|8|100||gctrace=1|1|leak|timer-not-stopped|main.consume|source-reading: time.After(time.Minute) armed on every pass of a consumer loop (Go 1.19 keeps each until it fires); default MemProfileRate"
  "src_timer_twin|src_timer_twin|8|100||gctrace=1|1|no-leak|twin:timer-not-stopped||twin of src_timer: one idle timer stopped and reset per message"
  "src_context|src_context|8|100||gctrace=1|1|leak|context-not-cancelled|main.handle|source-reading: ctx, _ := context.WithCancel under a long-lived root; the root keeps every child and its payload; default MemProfileRate"
  "src_context_twin|src_context_twin|8|100||gctrace=1|1|no-leak|twin:context-not-cancelled||twin of src_context: defer cancel()"
  "src_resource|src_resource|8|100||gctrace=1|1|leak|unclosed-resource|main.openSession|source-reading: os.Open plus a 32 KiB bufio.Reader per session, kept by id and never closed; default MemProfileRate"
  "src_resource_twin|src_resource_twin|8|100||gctrace=1|1|no-leak|twin:unclosed-resource||twin of src_resource: sessions beyond the newest 64 are closed and deleted"
  "src_subslice|src_subslice|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.indexRecord|source-reading: a 32-byte sub-slice of a 64 KiB buffer kept per record, pinning the buffer; default MemProfileRate"
  "src_subslice_twin|src_subslice_twin|8|100||gctrace=1|1|no-leak|twin:subslice-pins-buffer||twin of src_subslice: the header is copied and old headers deleted"
  "src_pool|src_pool|6|100||gctrace=1|1|no-leak|sync-pool-misuse||source-reading: sync.Pool Get without Put, Pool.New allocates 64 KiB per request; default MemProfileRate"
  "src_pool_twin|src_pool_twin|6|100||gctrace=1|1|no-leak|twin:sync-pool-misuse||twin of src_pool: every buffer is put back"
  "src_goroutine|src_goroutine|8|100||gctrace=1|1|leak|goroutine-leak|main.callBackend|source-reading: backend goroutines park forever in chan send after the caller's timeout; default MemProfileRate"
  "src_goroutine_twin|src_goroutine_twin|8|100||gctrace=1|1|no-leak|twin:goroutine-leak||twin of src_goroutine: the result channel is buffered, so senders finish"
  # issue 10 (verdict): default MemProfileRate (512 KiB), so the profiles look like a real service's
  "warmup_cache|warmup_cache|16|100||gctrace=1|1|no-leak|warm-up||bounded LRU cache (6144 x 8 KiB) fills in the first ~2 s then stays at its cap; first heap profile nearly empty"
  "cold_start|cold_start|14|100||gctrace=1|1|no-leak|warm-up||idle for 2.5 s (first profiles before the first request), then loads a 32 MiB catalogue and serves garbage-only requests"
  "burst_inflight|burst_inflight|15|100||gctrace=1|1|no-leak|burst-sawtooth||every 3 s a burst of 480 request goroutines each holding 256 KiB for 800 ms (~120 MiB in flight); the last profile lands inside a burst"
  "batch_nogc|batch_nogc|18|100||gctrace=1|1|no-leak|batch-sawtooth||64 MiB batch every 3 s, nothing allocated between batches: every gc line falls inside a batch"
  "churn_small|churn_small|12|100||gctrace=1|1|no-leak|frequent-cheap-gc||2 MiB working set, ~60 MB/s of short-lived strings: 15-30 GC/s at about 1 % GC cost"
  "forced_periodic|forced_periodic|16|100||gctrace=1|1|no-leak|forced||runtime.GC() every 6 s and debug.FreeOSMemory() every 6 s (alternating every 3 s) in a quiet service"
  "idle_heavy|idle_heavy|16|100||gctrace=1|1|no-leak|idle-mark||mostly idle program with a pointer-rich 750 k-node index: idle mark workers dominate the cpu triple, real GC cost is small"
  "leak_under_cache|leak_under_cache|18|100||gctrace=1|1|leak|unbounded-map|main.recordAudit|64 MiB bounded document ring (main.loadDocument) fills in ~1.5 s; under it an audit map grows ~0.9 MiB/s forever"
  "leak_sparse|leak_sparse|20|400||gctrace=1|1|leak|unbounded-map|main.retainSession|GOGC=400 session-map leak (~3 MiB/s): only 2-3 gc lines in 20 s; heap profiles still show main.retainSession growing"
  "leak_plateau|leak_plateau|20|100||gctrace=1|1|no-leak|plateau||main.rememberRequest retains ~13 MiB in the first 5 s, then stops; flat for 15 s under light traffic (a plateau, not lasting growth)"
  "ttl_cache|ttl_cache|18|100||gctrace=1|1|no-leak|ttl-cache||every request caches a 4 KiB entry under a new key; a janitor deletes entries older than 3 s each second: grows for 3 s, then saws around a flat level"
  "conn_pool|conn_pool|16|100||gctrace=1|1|no-leak|conn-pool||loopback HTTP client pool ramps 2 -> 24 callers in 4 s (readLoop/writeLoop goroutines and buffers grow), then stays; bodies closed"
  "memlimit_leak|memlimit_leak|18|100|48MiB|gctrace=1|1|leak|unbounded-map|main.trackOrder|GOMEMLIMIT=48MiB with an order map that never shrinks (~1.3 MiB/s): the GC runs more and more often as the heap nears the limit"
  # issue 10, second round (verdict2): held-out-style shapes written before their verdict was looked at; default MemProfileRate
  "v2_slow_leak|v2_slow_leak|20|200||gctrace=1|1|leak|unbounded-slice|main.recordTrace|GOGC=200, 32 MiB working set of pages refreshed in place (main.renderPage); under it a ~100 KB/s trace-record slice that is never truncated"
  "v2_lock_park|v2_lock_park|16|100||gctrace=1|1|leak|goroutine-leak|main.flushShard,main.awaitReply|leaked goroutines park on a sync.Mutex held forever by a stuck compactor (main.flushShard) and in a select whose cases never fire (main.awaitReply), not on a channel send"
  "v2_session_ttl|v2_session_ttl|20|100||gctrace=1|1|no-leak|ttl-cache||login sessions (8 KiB) in a map with a 2 s idle TTL, janitor every 250 ms, load in 1.2 s bursts every 4 s: the retained heap saws with the bursts and comes back"
  "v2_stepwise|v2_stepwise|20|100||gctrace=1|1|leak|unbounded-slice|main.loadRuleset|a 6 MiB ruleset version loaded every 4 s and every past version kept in a history slice: retained heap flat between steps, a step up at each load"
  "v2_big_steady|v2_big_steady|14|100||gctrace=1|1|no-leak|healthy||~125 MiB constant live heap (pointer-free table + 300k-entry index), two busy handlers: ~8 GC/s at ~3.5 % GC cost, below material"
  "v2_tiny_gogc|v2_tiny_gogc|12|25||gctrace=1|1|no-leak|gc-pressure||GOGC=25 with a pointer-rich account map and two busy event parsers: the GC runs back to back at ~20 % of the CPU"
  "v2_late_leak|v2_late_leak|20|100||gctrace=1|1|leak|unbounded-map|main.trackUpload|healthy for 7 s, then a feature flag starts storing every upload record (2 KiB, ~2 MiB/s) in a map never pruned: the leak starts after the first third"
  "v2_logbuf_flush|v2_logbuf_flush|20|100||gctrace=1|1|no-leak|flushed-buffer||log lines buffered in memory (~2 MB/s) while the shipper is down for 11 s, then written out once and dropped: one big sawtooth, flat after"
  "v2_pool_shrink|v2_pool_shrink|18|100||gctrace=1|1|no-leak|pool-resize||elastic worker pool grows to ~190 workers (32 KiB scratch each) while load ramps for 8 s, then idle workers exit and it shrinks by half and stays (light load keeps ~90 from idling out)"
  "v2_big_lru|v2_big_lru|18|100||gctrace=1|1|no-leak|warm-up||160 MiB LRU of 16 KiB thumbnails (main.fetchThumb) fills in ~3 s, then stays at its cap turning over with ~50% misses; ~320 heap samples that wobble as entries are replaced"
  "v2_sleep_retry|v2_sleep_retry|16|100||gctrace=1|1|leak|goroutine-leak|main.retryDelivery|a retry goroutine per webhook delivery; one receiver is gone for good, so ~40 goroutines a second loop forever in time.Sleep holding 8 KiB payloads"
  "v2_queue_backlog|v2_queue_backlog|18|100||gctrace=1|1|leak|unbounded-slice|main.enqueue|slice-backed FIFO fed ~500 jobs/s (4 KiB payloads) and drained ~400/s: the backlog grows ~400 KiB/s for the whole run"
  "v2_json_cache|v2_json_cache|18|100||gctrace=1|1|leak|unbounded-map|main.cacheResponse|decoded JSON responses cached under a URL holding a unique request id, never evicted (~2 MiB/s); allocating frames are encoding/json and reflect"
  "v2_gogc400|v2_gogc400|20|400||gctrace=1|1|no-leak|healthy||GOGC=400 small service: 8 MiB bounded response ring, 10-60 request goroutines in flight with a load that varies over a 5 s period; live heap and goal wobble around a flat level"
  # issue 16 (source2): held-out-style leak programs read from their code, written as other Go developers write them
  # (containers in struct fields behind pointers and closures, methods, goroutines started by methods); default MemProfileRate
  "src2_sessions|src2_sessions|8|100||gctrace=1|1|leak|unbounded-map|main.loadProfile,main.login|source-reading: session store (map field of a struct in store.go, package-level pointer) put by login, never deleted"
  "src2_sessions_twin|src2_sessions_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src2_sessions: SessionStore.Delete (store.go) logs out all but the 256 newest sessions"
  "src2_registry|src2_registry|8|100||gctrace=1|1|leak|unbounded-map|main.main|source-reading: registry struct made in main, its map field written by a handler closure that captures it, never deleted"
  "src2_event_log|src2_event_log|8|100||gctrace=1|1|leak|unbounded-slice|main.(*Recorder).Record|source-reading: r.events = append(r.events, e) in a method of a package-level recorder, never trimmed"
  "src2_handlers|src2_handlers|8|100||gctrace=1|1|leak|closure-capture|main.(*Service).Submit|source-reading: per-job callbacks capturing a 5 KiB result kept in a map field of func values by Dispatcher.On, never removed"
  "src2_probe_ticker|src2_probe_ticker|8|100||gctrace=1|1|leak|ticker-not-stopped|main.(*Probe).loop,main.(*Probe).Start|source-reading: Start stores time.NewTicker in a field and runs go p.loop(); loops wait in select on the ticker forever, never stopped"
  "src2_probe_ticker_twin|src2_probe_ticker_twin|8|100||gctrace=1|1|no-leak|twin:ticker-not-stopped||twin of src2_probe_ticker: the 16 newest probes are kept, older ones Stop (ticker stopped, quit closed)"
  "src2_idle_timeout|src2_idle_timeout|8|100||gctrace=1|1|leak|timer-not-stopped|main.(*Consumer).Run|source-reading: time.After(10m) re-armed in a select in the for loop of a method; Go 1.19 keeps each timer until it fires"
  "src2_ctx_path|src2_ctx_path|8|100||gctrace=1|1|leak|context-not-cancelled|main.(*Server).Handle|source-reading: context.WithTimeout(1h) under a long-lived base; the cache-hit path returns before defer cancel()"
  "src2_ctx_path_twin|src2_ctx_path_twin|8|100||gctrace=1|1|no-leak|twin:context-not-cancelled||twin of src2_ctx_path: defer cancel() right after WithTimeout, before the early return"
  "src2_streams|src2_streams|8|100||gctrace=1|1|leak|unclosed-resource|main.(*Archive).Open|source-reading: os.Open + gzip.NewReader per member kept in a map field of io.ReadCloser; the file is closed only on the error path"
  "src2_stage_recv|src2_stage_recv|8|100||gctrace=1|1|leak|goroutine-leak|main.(*Pipeline).decode,main.(*Pipeline).Begin|source-reading: go p.decode(name, in) per upload ranges over a channel nobody closes (parked in chan receive)"
  "src2_stage_recv_twin|src2_stage_recv_twin|8|100||gctrace=1|1|no-leak|twin:goroutine-leak||twin of src2_stage_recv: Upload closes the channel after the last chunk"
  "src2_ledger_lock|src2_ledger_lock|8|100||gctrace=1|1|leak|goroutine-leak|main.(*Ledger).apply,main.(*Ledger).Submit|source-reading: one rejected transfer returns without Unlock; every later go l.apply(t) parks in l.mu.Lock()"
  "src2_key_index|src2_key_index|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.readRecord,main.(*Index).Add|source-reading: a 32 KiB block per record handed to Index.Add, which appends block[8:24] to a slice field"
  "src2_seen_paths|src2_seen_paths|8|100||gctrace=1|1|leak|unbounded-map|main.main|source-reading (written after the first fixes): a map local to main captured by the handler literal it registers, written per new path, never deleted"
  "src2_sync_field|src2_sync_field|8|100||gctrace=1|1|leak|unbounded-map|main.(*Verifier).Verify|source-reading (written after the first fixes): v.verified.Store(token, c) into a sync.Map field of a package-level verifier, never deleted"
  "src2_render_bytes|src2_render_bytes|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.(*Renderer).Render|source-reading: buf.Grow(48 KiB), a few hundred bytes written, buf.Bytes() cached by URL in a map field"
  # issue 16 (blind3): held-out leak programs written blind to the code reader, in other developers' styles (second
  # files, internal sub-packages, generics, interfaces, methods that exist but are not called); ground truth fixed
  # here before the first run; default MemProfileRate
  "src3_quota_cache|src3_quota_cache|8|100||gctrace=1|1|leak|unbounded-map|main.(*RateLimiter).Allow|source-reading: rate-limit windows keyed by (client, window start) in a map field (limiter.go); the sweep compares with maxIdle*time.Second, so it evicts nothing"
  "src3_quota_cache_twin|src3_quota_cache_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src3_quota_cache: the sweep compares with maxIdle and deletes windows idle for 2 s"
  "src3_idem_store|src3_idem_store|8|100||gctrace=1|1|leak|unbounded-map|main.(*PaymentAPI).Charge|source-reading: a 12 KiB receipt per charge remembered under a fresh idempotency key in a generic Store[K, V] (internal/idem) whose Forget is never called"
  "src3_job_queue|src3_job_queue|8|100||gctrace=1|1|leak|unbounded-slice|main.(*Scheduler).Submit|source-reading: 8 KiB upload copies pushed on a generic Queue[T] (queue.go) drained by q.items = q.items[1:] at half the rate they arrive"
  "src3_audit_sink|src3_audit_sink|8|100||gctrace=1|1|leak|unbounded-slice|main.(*AccountService).Update|source-reading: every 8 KiB document version written as an audit Entry through a Sink interface to a memorySink (sink.go) that appends to a slice field; Flush never truncates"
  "src3_route_hooks|src3_route_hooks|8|100||gctrace=1|1|leak|closure-capture|main.exportReport|source-reading: a download handler func literal capturing a 16 KiB report registered per request in a router's map field; Router.Remove is never called"
  "src3_bus_listeners|src3_bus_listeners|8|100||gctrace=1|1|leak|closure-capture|main.(*Gateway).accept|source-reading: a method value c.onEvent subscribed per connection to a package-level bus (internal/events), the unsubscribe func dropped; the method value keeps the connection and its 16 KiB outbox"
  "src3_session_idle|src3_session_idle|8|100||gctrace=1|1|leak|timer-not-stopped|main.(*Session).touch|source-reading: s.idle = time.AfterFunc(2m, s.expire) on every packet, the previous timer never stopped (Go 1.19 keeps each until it fires)"
  "src3_stats_ticker|src3_stats_ticker|8|100||gctrace=1|1|leak|ticker-not-stopped|main.(*Reporter).run,main.(*Reporter).Start|source-reading: a Reporter per job (reporter.go) with time.NewTicker(30s), a 32 KiB window and a goroutine in select; Reporter.Close exists, runJob never calls it"
  "src3_stats_ticker_twin|src3_stats_ticker_twin|8|100||gctrace=1|1|no-leak|twin:ticker-not-stopped||twin of src3_stats_ticker: runJob defers rep.Close()"
  "src3_ctx_field|src3_ctx_field|8|100||gctrace=1|1|leak|context-not-cancelled|main.(*Server).newRequest|source-reading: r.ctx, r.cancel = context.WithCancel(context.WithValue(root, key, r)); the cancel stored in the request is never called, the root keeps each request and its 8 KiB body"
  "src3_ctx_field_twin|src3_ctx_field_twin|8|100||gctrace=1|1|no-leak|twin:context-not-cancelled||twin of src3_ctx_field: serve defers r.finish(), which calls the stored cancel"
  "src3_worker_budget|src3_worker_budget|8|100||gctrace=1|1|leak|context-not-cancelled|gcfixtures/src3_worker_budget/internal/worker.(*Pool).Run|source-reading: context.WithTimeout(1h) over a WithValue carrying a 16 KiB scratch buffer under the signal context (internal/worker); cancel called only on the validation-error path"
  "src3_webhook_post|src3_webhook_post|8|100||gctrace=1|1|leak|unclosed-resource|main.(*Notifier).Deliver|source-reading: a 32 KiB JSON payload POSTed to a loopback httptest receiver; the response body is closed only on a non-2xx status, so each connection and its request stay busy"
  "src3_webhook_post_twin|src3_webhook_post_twin|8|100||gctrace=1|1|no-leak|twin:unclosed-resource||twin of src3_webhook_post: the body is drained and closed, connections are reused"
  "src3_fanout_wait|src3_fanout_wait|8|100||gctrace=1|1|leak|goroutine-leak|main.(*Gatherer).Collect|source-reading: shard goroutines that fail return without wg.Done(), so the helper parked in wg.Wait() keeps the query's 8 KiB shard results forever"
  "src3_cond_broker|src3_cond_broker|8|100||gctrace=1|1|leak|goroutine-leak|gcfixtures/src3_cond_broker/internal/broker.(*Broker).wait|source-reading: long-poll watchers (internal/broker) wait on a sync.Cond for a version that never comes, each with a 32 KiB reply buffer; Broker.Close is never called"
  "src3_token_index|src3_token_index|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.ingest|source-reading: the first line of a manifest rendered into a strings.Builder grown to 32 KiB kept as a substring in a name index bounded to 4096 entries"
  "src3_pool_render|src3_pool_render|8|100||gctrace=1|1|no-leak|sync-pool-misuse||source-reading: a 64 KiB bytes.Buffer per request from a sync.Pool in a Renderer (render.go) handed to the caller and never put back: Pool.New (main.NewRenderer.func1) allocates on nearly every Get; flat in-use"
  "src4_queue_drain|src4_queue_drain|8|100||gctrace=1|1|leak|unbounded-slice|main.(*Dispatcher).Submit|source-reading (generalisation): a slice field queue drained from the front (d.pending = d.pending[1:]) by a worker slower than the producers"
  "src4_queue_drain_twin|src4_queue_drain_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-slice||twin of src4_queue_drain: Submit sheds the oldest job once 256 are pending (if len(d.pending) > maxPending)"
  "src4_dead_stop|src4_dead_stop|8|100||gctrace=1|1|leak|ticker-not-stopped|main.(*Heartbeat).run,main.NewHeartbeat|source-reading (generalisation): Heartbeat.Stop stops the ticker field and ends run, but nothing calls it (Conn.Close forgets)"
  "src4_dead_stop_twin|src4_dead_stop_twin|8|100||gctrace=1|1|no-leak|twin:ticker-not-stopped||twin of src4_dead_stop: Conn.Close calls c.hb.Stop()"
  "src4_cancel_field|src4_cancel_field|8|100||gctrace=1|1|leak|context-not-cancelled|main.(*Server).begin|source-reading (generalisation): c.ctx, c.cancel = context.WithCancel(...) under a long-lived base; nothing ever calls c.cancel"
  "src4_cancel_field_twin|src4_cancel_field_twin|8|100||gctrace=1|1|no-leak|twin:context-not-cancelled||twin of src4_cancel_field: finish calls c.cancel()"
  "src4_deep_store|src4_deep_store|8|100||gctrace=1|1|leak|unbounded-map|main.render,main.(*Gateway).Serve|source-reading (generalisation): render's bytes handed by Serve to AuditTrail.Note -> record -> responseIndex.keep (audit.go), a map field never deleted from"
  "src4_deep_store_twin|src4_deep_store_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src4_deep_store: keep deletes the response 512 ids back"
  "src4_generic_cache|src4_generic_cache|8|100||gctrace=1|1|leak|unbounded-map|main.loadThumb|source-reading (generalisation): generic Cache[K, V] in internal/lru; GetOrLoad keeps every loaded value, its evictOldest is never called"
  "src4_generic_cache_twin|src4_generic_cache_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src4_generic_cache: GetOrLoad calls evictOldest past max"
  "src4_internal_store|src4_internal_store|8|100||gctrace=1|1|leak|unbounded-map|main.(*Exporter).Export|source-reading (generalisation): documents saved through e.docs.Save into a map field of a store in internal/store; its exported Expire is never called"
  "src4_internal_store_twin|src4_internal_store_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src4_internal_store: Export expires the key 300 exports back"
  "src5_sparse_orders|src5_sparse_orders|8|100||gctrace=1|1|leak|unbounded-map|main.recordReceipt|source-reading: a 10 KiB receipt per order kept in a package-level map nothing deletes from; 6-7 GC cycles in 8 s, so the trace alone cannot judge and the heap profiles must agree"
  "src5_sparse_orders_twin|src5_sparse_orders_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src5_sparse_orders: the map keeps the last 600 receipts (full after 3 s), a plateau from then on"
  "src5_sparse_orders_twin150|src5_sparse_orders_twin|8|150||gctrace=1|1|no-leak|twin:unbounded-map||the twin at GOGC=150: fewer GC cycles than the trace needs (the plateau's rise falls in its warm-up), so inconclusive, never leak"
  # issue 16 (blind4): a second held-out batch written blind to the code reader, in the styles of real services (HTTP
  # API on httptest, scheduler, publisher, importer, RPC client, connection managers, ingest, dispatcher, pub/sub hub);
  # ground truth fixed here before any run went through gctrace-pipe; default MemProfileRate
  "src6_user_feeds|src6_user_feeds|8|100||gctrace=1|1|leak|unbounded-map|main.(*Inbox).Push|held-out: notification API keeps a map of per-user slices (feeds.go), new users keep coming, only users who read are deleted"
  "src6_user_feeds_twin|src6_user_feeds_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src6_user_feeds: the inbox keeps at most 24 users, the oldest user is deleted"
  "src6_tenant_metrics|src6_tenant_metrics|8|100||gctrace=1|1|leak|unbounded-map|main.(*Collector).Observe|held-out: nested maps tenant -> series key -> series (1024-point ring); the route label carries the order id, nothing drops a series"
  "src6_debug_history|src6_debug_history|8|100||gctrace=1|1|leak|unbounded-slice|main.(*Scheduler).record|held-out: scheduler keeps every run record (with a string copy of the job output) in s.history for /debug/jobs, never trimmed"
  "src6_retry_registry|src6_retry_registry|8|100||gctrace=1|1|leak|closure-capture|main.(*Publisher).Publish|held-out: a send closure capturing the 32 KiB payload kept per sequence number in RetryBook.pending, drained only at shutdown"
  "src6_stream_producer|src6_stream_producer|8|100||gctrace=1|1|leak|goroutine-leak|main.(*Importer).split,main.(*Importer).Import|held-out: go im.split(data, rows) sends on an unbuffered channel; Import returns at the first bad row and the producer parks on the send forever, holding the upload"
  "src6_lookup_timeout|src6_lookup_timeout|8|100||gctrace=1|1|leak|goroutine-leak|main.(*call).await,main.(*Client).Call|held-out: RPC client starts go cl.await(c, result) per call; after a timeout the pending call is forgotten, the late reply dropped, await waits forever on cl.done holding the 64 KiB frame"
  "src6_heartbeat_ticker|src6_heartbeat_ticker|8|100||gctrace=1|1|leak|ticker-not-stopped|main.(*Peer).heartbeat,main.(*Manager).Connect|held-out: per-peer time.NewTicker in a field with go p.heartbeat() (for range p.hb.C); Close marks closed and closes the pipe, never stops the ticker"
  "src6_heartbeat_ticker_twin|src6_heartbeat_ticker_twin|8|100||gctrace=1|1|no-leak|twin:ticker-not-stopped||twin of src6_heartbeat_ticker: Close stops the ticker and closes done, the heartbeat goroutine returns"
  "src6_deadline_ctx|src6_deadline_ctx|8|100||gctrace=1|1|leak|context-not-cancelled|main.(*Service).begin,main.(*Service).Handle|held-out: span (32 KiB attrs) under WithValue + WithDeadline(5 min) of a long-lived root; cancel kept in the operation struct, called only on the error path"
  "src6_deadline_ctx_twin|src6_deadline_ctx_twin|8|100||gctrace=1|1|no-leak|twin:context-not-cancelled||twin of src6_deadline_ctx: Handle defers op.finish(), which cancels"
  "src6_conn_manager|src6_conn_manager|8|100||gctrace=1|1|leak|unclosed-resource|main.(*Manager).accept|held-out: TCP line server on 127.0.0.1; sessions (conn + 64 KiB bufio.Reader) in a map; QUIT returns without drop, so the conn is never closed nor the session deleted"
  "src6_header_index|src6_header_index|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.(*Ingest).Consume|held-out: a 64 KiB frame buffer per message; the parsed header's Route/TraceID are sub-slices kept by a bounded (4096) HeaderCache, pinning each frame"
  "src6_ack_timers|src6_ack_timers|8|100||gctrace=1|1|leak|timer-not-stopped|main.(*AckTracker).Track|held-out: time.NewTimer(10 min) per delivery kept in a map; Ack deletes the entry without Stop, the timers stay in the runtime heap"
  "src11_conn_poller|src11_conn_poller|8|100||gctrace=1|1|leak|ticker-not-stopped|main.serve,main.poll|a poller goroutine per connection whose ticker is never stopped: the 8 KiB buffer serve allocates stays reachable from every parked poller"
  "src11_conn_poller_twin|src11_conn_poller_twin|8|100||gctrace=1|1|no-leak|twin:ticker-not-stopped||twin of src11_conn_poller: closing the connection ends the poller, which stops its ticker"
  # issue 16 (reader5): hard cases for the code reader, each with a twin that looks alike and is not a leak (src14_*).
  "src14_monitor_start|src14_monitor_start|8|100||gctrace=1|1|leak|ticker-not-stopped|main.NewMonitor,main.(*Monitor).loop,main.(*proxy).accept|source-reading (reader5): per connection a Monitor (monitor.go) with a 16 KiB window; Start makes a ticker in a field and starts a goroutine waiting on it; Stop exists but nothing calls it"
  "src14_monitor_start_twin|src14_monitor_start_twin|8|100||gctrace=1|1|no-leak|twin:ticker-not-stopped||twin of src14_monitor_start: accept calls m.Stop(), which stops the ticker and ends the goroutine"
  "src14_cond_board|src14_cond_board|8|100||gctrace=1|1|leak|goroutine-leak|main.(*Server).Submit,main.(*Board).await|source-reading (reader5): a waiter goroutine per job holds a 16 KiB reply and waits on a sync.Cond for its result; failed jobs never post one, so their waiters go back to Wait on every Broadcast"
  "src14_cond_board_twin|src14_cond_board_twin|8|100||gctrace=1|1|no-leak|twin:goroutine-leak||twin of src14_cond_board: the failure path posts a result too, so every waiter wakes and returns"
  "src14_segment_files|src14_segment_files|8|100||gctrace=1|1|leak|unclosed-resource|main.openSegment,main.(*Store).Append|source-reading (reader5): openSegment (segment.go) creates a file and a 32 KiB bufio.Writer on it; the store keeps every segment in a map field and nothing closes one"
  "src14_segment_files_twin|src14_segment_files_twin|8|100||gctrace=1|1|no-leak|twin:unclosed-resource||twin of src14_segment_files: Append closes and deletes the segment 8 ids back"
  # issue 16 (reader6): hard cases for the code reader's context rules, each with a twin that is not a leak (src20_*).
  "src20_pending_calls|src20_pending_calls|8|100||gctrace=1|1|leak|context-not-cancelled|main.(*Client).Call|source-reading (reader6): an RPC client files each call's WithTimeout(30 min) cancel (under its long-lived session context, with the 8 KiB frame as a value) in a map by call id; settle (replies.go) deletes and calls it only for an error reply"
  "src20_pending_calls_twin|src20_pending_calls_twin|8|100||gctrace=1|1|no-leak|twin:context-not-cancelled||twin of src20_pending_calls: settle deletes and calls the cancel for every reply"
  "src20_lease_drop|src20_lease_drop|8|100||gctrace=1|1|leak|context-not-cancelled|main.(*Pool).Serve|source-reading (reader6): a pool's helper lease (pool.go) returns context.WithCancel of a WithValue (the connection, 16 KiB buffer) under the pool's lifetime context; Serve (serve.go) takes it as ctx, _ := p.lease(conn) and drops the cancel"
  "src20_lease_drop_twin|src20_lease_drop_twin|8|100||gctrace=1|1|no-leak|twin:context-not-cancelled||twin of src20_lease_drop: Serve keeps the cancel and defers it"
  "src6_pubsub_hub|src6_pubsub_hub|8|100||gctrace=1|1|leak|closure-capture|main.(*Server).Open|held-out: per-session callback capturing the session and its 32 KiB outbox subscribed to the hub; Close never calls the stored unsubscribe"
  # issue 16 (blind6): a third held-out batch written blind to the code reader (src8_*), half small programs in the
  # style of a bug report (package-level variables, plain functions), half services (structs, second files, an internal
  # package, interfaces, method values); ground truth fixed here before any run was recorded; default MemProfileRate
  "src8_regex_cache|src8_regex_cache|8|100||gctrace=1|1|leak|unbounded-map|main.compileFilter|held-out: compiled filter expressions cached per user and per expression in a package-level nested map, each with a 16 KiB highlight buffer; expressions embed order ids, nothing deletes"
  "src8_regex_cache_twin|src8_regex_cache_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src8_regex_cache: each user keeps at most 32 filters, an older one is deleted first"
  "src8_ip_limiter|src8_ip_limiter|12|100||gctrace=1|1|leak|unbounded-map|main.newBucket,main.(*Limiter).bucketFor,main.(*Limiter).Allow|held-out: sliding-window rate limiter (limiter.go) keyed by client IP; an 8 KiB history per bucket made by newBucket for bucketFor; Ban deletes, but only clients with 3 refusals are banned and new IPs keep coming"
  "src8_audit_log|src8_audit_log|8|100||gctrace=1|1|leak|unbounded-slice|main.recordChange|held-out: package-level slice of audit event structs, each with a ~6 KiB document snapshot (string(doc)); the page shows the last 50, nothing trims"
  "src8_plugin_hooks|src8_plugin_hooks|12|100||gctrace=1|1|leak|closure-capture|main.(*Uploader).Stage|held-out: a flush hook literal capturing a 16 KiB staging buffer registered per upload on a plugin.Registry interface (internal/plugin); Off exists, the id On returns is dropped"
  "src8_first_result|src8_first_result|8|100||gctrace=1|1|leak|goroutine-leak|main.lookupPrice.func1,main.lookupPrice,main.askReplica|held-out: hedged request to three replicas over an unbuffered channel; only the first reply is read, the two slower goroutines park on the send holding 16 KiB replies (made by askReplica)"
  "src8_fanout_pipe|src8_fanout_pipe|8|100||gctrace=1|1|leak|goroutine-leak|main.(*client).writePump,main.(*Hub).spawn,main.(*Hub).Join|held-out: fan-out hub over net.Pipe (hub.go); h.spawn(c.writePump) ranges over c.send; leave deletes and closes the conn but never calls c.close(), so the pump parks in chan receive with its 32 KiB bufio.Writer (made in Join)"
  "src8_conn_ticker|src8_conn_ticker|8|100||gctrace=1|1|leak|ticker-not-stopped|main.handleConn.func1,main.handleConn|held-out: TCP relay on 127.0.0.1; a keepalive literal per connection with a 32 KiB stats buffer and time.NewTicker(20s) loops for range t.C, never stopped, no way out"
  "src8_conn_ticker_twin|src8_conn_ticker_twin|8|100||gctrace=1|1|no-leak|twin:ticker-not-stopped||twin of src8_conn_ticker: defer t.Stop() and a done channel closed when handleConn returns"
  "src8_tail_idle|src8_tail_idle|12|100||gctrace=1|1|leak|timer-not-stopped|main.(*Tailer).Run|held-out: log tailer (tailer.go) selects on the next line and time.After(5 min) re-armed on every pass, ~6000 lines/s; Go 1.19 keeps each timer until it fires"
  "src8_ctx_dropped|src8_ctx_dropped|8|100||gctrace=1|1|leak|context-not-cancelled|main.processJob|held-out: ctx, _ := context.WithTimeout(context.WithValue(root, key, input), 30m) per job under a package-level root; runBatch defers its own cancel, processJob drops its one; 16 KiB input per job"
  "src8_log_shipper|src8_log_shipper|8|100||gctrace=1|1|leak|unclosed-resource|main.(*Shipper).encode,main.(*Shipper).Flush|held-out: ~20 KiB ndjson batches (encode) POSTed to a loopback httptest collector; ack.Close drains and closes the body, Flush calls it only on a non-202 status"
  "src8_batch_titles|src8_batch_titles|12|100||gctrace=1|1|leak|subslice-pins-buffer|main.loadDocument,main.indexDocument|held-out: CLI batch job reads each ~40 KiB document into a string and keeps text[:i] (its title) in a package-level map capped at 50000, pinning every document"
  "src8_batch_titles_twin|src8_batch_titles_twin|12|100||gctrace=1|1|no-leak|twin:subslice-pins-buffer||twin of src8_batch_titles: the title is copied with strings.Clone before it is kept"
  "src8_frame_pool|src8_frame_pool|8|100||gctrace=1|1|leak|sync-pool-misuse|main.NewFramePool.func1,main.init.func1,main.(*FramePool).Lease|held-out: a package-level FramePool (frames.go) leases 32 KiB buffers from a sync.Pool and records them by connection id; serve returns early on a short frame without Release, so those buffers are never Put and the lease table keeps them"
  "src7_thumb_cache|src7_thumb_cache|8|100||gctrace=1|1|leak|unbounded-map|main.thumbnail|held-out: image service memoises 24 KiB thumbnails in a package-level map keyed by the raw query; a cache-busting parameter makes every key new, nothing deletes"
  "src7_thumb_cache_twin|src7_thumb_cache_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src7_thumb_cache: the map deletes an old entry past 64 thumbnails"
  "src7_client_limits|src7_client_limits|8|100||gctrace=1|1|leak|unbounded-map|main.(*Limiter).Allow|held-out: per-session 32 KiB sliding windows in a map field (limiter.go); Forget (delete) is reached only on an explicit logout, 1 session in 50"
  "src7_audit_log|src7_audit_log|8|100||gctrace=1|1|leak|unbounded-slice|main.recordChange|held-out: settings API appends an auditEntry with a 24 KiB string snapshot to the package-level slice auditTrail, never trimmed"
  "src7_event_ring|src7_event_ring|8|100||gctrace=1|1|leak|unbounded-slice|main.(*Monitor).Observe|held-out: events with a 24 KiB sample pushed on a generic Ring[T] (ring.go) built as &Ring[Event]{}, so Max is 0 = no limit and the slice only grows"
  "src7_shutdown_hooks|src7_shutdown_hooks|8|100||gctrace=1|1|leak|closure-capture|main.runJob|held-out: each job registers an exit hook (func literal capturing its 32 KiB output buffer) in the package-level onExit slice, never removed"
  "src7_first_reply|src7_first_reply|8|100||gctrace=1|1|leak|goroutine-leak|gcfixtures/src7_first_reply/internal/replica.(*Set).ask,gcfixtures/src7_first_reply/internal/replica.(*Set).Get|held-out: internal/replica asks 3 replicas with go s.ask(...) on an unbuffered channel and reads only the first reply; the 2 others park on the send with a 24 KiB profile each"
  "src7_flush_lock|src7_flush_lock|8|100||gctrace=1|1|leak|goroutine-leak|main.flush,main.collect|held-out: flush returns without unlocking the package-level flushMu on an oversized batch (the 6th); every later flush goroutine parks in flushMu.Lock() with its 32 KiB batch"
  "src7_conn_stats|src7_conn_stats|8|100||gctrace=1|1|leak|ticker-not-stopped|main.(*Conn).reportStats,main.(*Server).Accept|held-out: per-connection goroutine ranges over time.NewTicker(30s), never stopped, returning only on the tick after close; each keeps its conn and 32 KiB buffer"
  "src7_conn_stats_twin|src7_conn_stats_twin|8|100||gctrace=1|1|no-leak|twin:ticker-not-stopped||twin of src7_conn_stats: defer t.Stop() and a done channel closed by Close, the goroutine returns at once"
  "src7_idle_after|src7_idle_after|8|100||gctrace=1|1|leak|timer-not-stopped|main.consume|held-out: log shipper consumer selects on time.After(2 min) in its for-select loop, 16000 lines/s; each timer stays until it fires"
  "src7_ctx_lost|src7_ctx_lost|8|100||gctrace=1|1|leak|context-not-cancelled|main.(*OrderService).Handle|held-out: ctx, _ := context.WithTimeout(context.WithValue(s.base, key, req), 10 min) per order (service.go); the dropped cancel leaves each request and its 24 KiB body under the long-lived base"
  "src7_status_poll|src7_status_poll|8|100||gctrace=1|1|leak|unclosed-resource|main.checkBackend|held-out: health checker http.Get's three httptest backends on 127.0.0.1 every tick and reads only the status code; resp.Body is never closed, each poll leaves a connection"
  "src7_title_index|src7_title_index|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.(*Crawler).Fetch|held-out: crawler keeps the <title> sub-slice of each fresh 64 KiB page buffer in a TitleIndex bounded to 5000 (index.go), pinning every page"
  "src7_title_index_twin|src7_title_index_twin|8|100||gctrace=1|1|no-leak|twin:subslice-pins-buffer||twin of src7_title_index: the title is copied (append([]byte(nil), title...)) before it is kept"
  "src9_cancel_helper|src9_cancel_helper|8|100||gctrace=1|1|leak|context-not-cancelled|main.(*Worker).start,main.(*Worker).Run|source-reading (reader4): a 24 KiB scratch buffer under WithValue + WithTimeout(10 min) of a long-lived base; the cancel is kept in the job and called only by its fail helper, which runs only on errors"
  "src9_cancel_helper_twin|src9_cancel_helper_twin|8|100||gctrace=1|1|no-leak|twin:context-not-cancelled||twin of src9_cancel_helper: Run defers j.finish(), which cancels on every path"
  "src9_listener_off|src9_listener_off|8|100||gctrace=1|1|leak|closure-capture|main.(*Gateway).Accept|source-reading (reader4): a listener literal capturing the connection and its 32 KiB inbox kept by Bus.On wrapped in a struct; the remover On returns is kept in c.off and never called"
  "src9_listener_off_twin|src9_listener_off_twin|8|100||gctrace=1|1|no-leak|twin:closure-capture||twin of src9_listener_off: Close calls c.off(), which deletes the listener"
  "src9_token_view|src9_token_view|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.(*Shipper).Ship|source-reading (reader4): a 48 KiB batch buffer per request; splitRecord returns a record whose Tenant/Stream are sub-slices of it, kept by a bounded (8192) window, pinning each batch"
  "src9_token_view_twin|src9_token_view_twin|8|100||gctrace=1|1|no-leak|twin:subslice-pins-buffer||twin of src9_token_view: splitRecord copies Tenant/Stream out of the batch with append([]byte(nil), ...)"
  # issue 16 (blind7): a fourth held-out batch written blind to the code reader (src12_*), small programs in the style of
  # a bug report or a gist (package-level variables, plain functions, an httptest server or a worker loop); ground truth
  # fixed here and committed before any run was recorded; default MemProfileRate
  "src12_render_cache|src12_render_cache|8|100||gctrace=1|1|leak|unbounded-map|main.renderProfile|held-out: profile pages (12 KiB) memoised in a package-level map keyed by the raw query; a cache-busting ts parameter makes every key new, nothing deletes"
  "src12_render_cache_twin|src12_render_cache_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src12_render_cache: past 256 pages an arbitrary entry is deleted before the new one is stored"
  "src12_req_history|src12_req_history|8|200||gctrace=1|1|leak|unbounded-slice|main.track|held-out: GOGC=200; every forwarded request recorded as a Record with a ~4 KiB string(dump) appended to the package-level history slice for a debug page, never trimmed"
  "src12_cleanup_funcs|src12_cleanup_funcs|8|100||gctrace=1|1|leak|closure-capture|main.runJob|held-out: each job registers an at-exit cleanup literal capturing its 16 KiB scratch buffer in the package-level cleanups slice; cleanups run only at exit"
  "src12_mirror_race|src12_mirror_race|8|100||gctrace=1|1|leak|goroutine-leak|main.fetchFirst.func1,main.fetchFirst|held-out: three mirror goroutines send a 32 KiB chunk on an unbuffered channel, only the first is received; the two slower park on ch <- data forever"
  "src12_chat_rooms|src12_chat_rooms|8|100||gctrace=1|1|leak|goroutine-leak|main.listen,main.join|held-out: join starts go listen(id, ch) ranging over a member channel with a 24 KiB screen buffer; leave deletes the member from the map but never closes the channel"
  "src12_session_stats|src12_session_stats|8|100||gctrace=1|1|leak|ticker-not-stopped|main.startSession.func1,main.startSession|held-out: a literal per session loops for range on time.NewTicker(15s), never stopped and with no way out, keeping the session and its 16 KiB sample buffer"
  "src12_line_relay|src12_line_relay|12|100||gctrace=1|1|leak|timer-not-stopped|main.relay|held-out: log relay selects on the next line and time.After(3 min) on every pass, ~8000 lines/s; Go 1.19 keeps each timer until it fires"
  "src12_req_scope|src12_req_scope|8|100||gctrace=1|1|leak|context-not-cancelled|main.upload|held-out: upload hangs its 16 KiB body off context.WithValue(appCtx) and wraps it in context.WithTimeout(5 min) whose cancel is discarded; the package-level app context keeps every request"
  "src12_metrics_push|src12_metrics_push|12|100||gctrace=1|1|leak|unclosed-resource|main.push|held-out: agent http.Post's a ~32 KiB metrics batch to a loopback httptest collector and checks only the status; resp.Body never read nor closed, each connection and its request stay"
  "src12_page_titles|src12_page_titles|12|100||gctrace=1|1|leak|subslice-pins-buffer|main.remember|held-out: crawler reads each page into a fresh 64 KiB buffer and keeps the <title> sub-slice in a package-level map bounded to 5000, pinning every buffer"
  "src12_page_titles_twin|src12_page_titles_twin|8|100||gctrace=1|1|no-leak|twin:subslice-pins-buffer||twin of src12_page_titles: the title is copied with append([]byte(nil), ...) before it is kept"
  # issue 16 (blind9): a held-out batch written blind to the code reader and the diagnosis (src16_*), in the style of a
  # data-processing / infrastructure tool (generic Cache/Set/Batch/Stage/Window types, encoding/json, bufio.Scanner over
  # io.Pipe or strings.Reader, http middleware chains, a hand-written errgroup, sync.Once, functional options); ground
  # truth fixed here before any run was recorded; default MemProfileRate
  "src16_summary_cache|src16_summary_cache|8|100||gctrace=1|1|leak|unbounded-map|main.(*Processor).summarize|held-out: metrics roll-up memoises a 16 KiB histogram per (series, µs timestamp) in a generic Cache[seriesKey, *Summary] (cache.go) owned by the Processor; every sample is a new key, no bound, nothing deletes"
  "src16_span_batch|src16_span_batch|8|100||gctrace=1|1|leak|unbounded-slice|main.(*Collector).Observe|held-out: 8 KiB span bodies queued on a generic Batch[Span] (batch.go) that flushes when the oldest item is 200 ms old; Add resets started on every Add, so the age test never holds and items only grows"
  "src16_span_batch_twin|src16_span_batch_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-slice||twin of src16_span_batch: Add starts the clock only when the batch is empty, so it flushes every 200 ms"
  "src16_import_hooks|src16_import_hooks|8|100||gctrace=1|1|leak|closure-capture|main.(*Importer).Import|held-out: document importer registers a decode hook literal per document on a sync.Once singleton Registry (hooks.go); the hook captures the document's ~24 KiB raw copy, nothing removes hooks"
  "src16_dedup_wait|src16_dedup_wait|12|100||gctrace=1|1|leak|goroutine-leak|main.(*Task).await,main.(*Group).Go,main.(*Runner).Submit|held-out: a waiter per task started through a hand-written errgroup (Group.Go(t.await), group.go) parks in a select on t.done/t.abort; workers skip already-seen keys (generic Set) without signalling, nobody closes abort; each holds its 16 KiB input (made by Submit)"
  "src16_stage_idle|src16_stage_idle|8|100||gctrace=1|1|leak|timer-not-stopped|main.(*Stage[...]).Run|held-out: generic Stage[Record] (stage.go) selects on input, time.After(3 min) idle report and done on every pass, ~15000 records/s from a bufio.Scanner over io.Pipe; Go 1.19 keeps each timer until it fires"
  "src16_scope_ctx|src16_scope_ctx|12|100||gctrace=1|1|leak|context-not-cancelled|main.(*Server).withScope.func1,main.(*Server).withScope|held-out: httptest API whose withScope middleware (middleware.go) derives WithValue(24 KiB trace) + WithTimeout(10 min) from the server's root context and keeps cancel in a Scope; only the recoverer closes it, on a panic that never happens"
  "src16_scan_index|src16_scan_index|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.(*Indexer).Ingest|held-out: each upload (io.Pipe) is scanned with a fresh 32 KiB scanner buffer; the session token (a bytes.Fields sub-slice of sc.Bytes()) is kept in a bounded generic Window (8192, lru.go), pinning each upload's buffer"
  # issue 16 (blind10): a held-out batch written blind to the code reader and the diagnosis (src17_*), rebuilt from the
  # shapes of real-world leak reports (a per-IP limiter keyed by RemoteAddr, time.After in a send-with-timeout, a
  # scatter-gather that returns at its deadline, a status check before defer resp.Body.Close(), strings.Split over a
  # whole message, defer cancel() inside a for-range loop, an undo history); ground truth fixed here before any run was
  # recorded; default MemProfileRate
  "src17_visitor_limits|src17_visitor_limits|8|100||gctrace=1|1|leak|unbounded-map|main.(*limiter).allow|held-out: per-client token-bucket limiter middleware keyed by r.RemoteAddr (ip:port) on an httptest API; clients without keep-alive make every request a new key; a visitor with a 12 KiB request window per key, nothing deletes"
  "src17_send_timeout|src17_send_timeout|12|100||gctrace=1|1|leak|timer-not-stopped|main.(*Broker).Publish|held-out: in-process broker delivers each event with select { case s.ch <- ev: case <-time.After(2 min): }, ~8000 deliveries/s; Go 1.19 keeps each timer until it fires"
  "src17_scatter_gather|src17_scatter_gather|8|100||gctrace=1|1|leak|goroutine-leak|main.gather[...].func1,main.gather[...],main.(*shard).search|held-out: a generic gather[T] starts a goroutine per shard call sending on an unbuffered channel and returns at the 15 ms deadline; the slow shard's goroutines park on ch <- call() forever with their 24 KiB page (made by (*shard).search)"
  "src17_upload_status|src17_upload_status|12|100||gctrace=1|1|leak|unclosed-resource|main.(*Shipper).Flush|held-out: log shipper POSTs ~32 KiB JSON batches to a loopback httptest ingest; on a 503 (one in three) Flush returns before defer resp.Body.Close(), so each such connection and its request (with the batch from json.Marshal) stay"
  "src17_device_last|src17_device_last|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.(*StatusBoard).Consume|held-out: telemetry consumer keeps the newest line per device from strings.Split(string(msg.Value)) in a board bounded to 50000 devices; each kept line pins its 32 KiB message text"
  "src17_job_deadline|src17_job_deadline|8|100||gctrace=1|1|leak|context-not-cancelled|main.(*Worker).Run|held-out: a worker hangs each job's 16 KiB input on WithValue(base) + WithTimeout(10 min) and writes defer cancel() inside its for-range loop over the job channel, so no cancel runs while the service is up; the base keeps every child"
  "src17_job_deadline_twin|src17_job_deadline_twin|8|100||gctrace=1|1|no-leak|twin:context-not-cancelled||twin of src17_job_deadline: the per-job work is its own method, so defer cancel() runs after each job"
  "src17_undo_log|src17_undo_log|8|100||gctrace=1|1|leak|unbounded-slice|main.(*Note).Apply|held-out: shared-notes API (httptest) pushes a ~12 KiB copy of the note on its undo history before every in-place edit; undo pops one in fifty, nothing caps the history"
  # issue 16 (reader7): sub-slice views of a bufio reader's buffer (not blind: written after the src16_scan_index fix)
  "src21_relay_tokens|src21_relay_tokens|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.consumeBatch|reader7: each batch is read through a fresh 64 KiB bufio.Reader; the last token per user (16384 users), a bytes.Split piece of br.ReadSlice's line, is kept in a package-level map, pinning ~800 batch buffers"
  "src21_relay_tokens_twin|src21_relay_tokens_twin|8|100||gctrace=1|1|no-leak|twin:subslice-pins-buffer||twin of src21_relay_tokens: the token is copied with string(parts[2]) before it is kept"
  # issue 16 (verdict5): fast leaks from a small heap (the heap doubles between GCs, so a 10 s run has only a handful of
  # geometrically spaced cycles) and twins whose working set forms equally fast during warm-up, then stays flat.
  "src15_fast_map|src15_fast_map|10|100||gctrace=1|1|leak|unbounded-map|main.storeChunk|fast leak (verdict5): ~25-50 MB/s of 64 KiB upload chunks kept in a package-level map keyed by a fresh id; confirm (delete) is never called"
  "src15_fast_map_twin|src15_fast_map_twin|10|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src15_fast_map: a fixed 1600-entry catalogue of 64 KiB (~100 MB) loaded at the same pace in the first ~2-4 s, then lookups that hit plus the same scratch garbage"
  "src15_fast_map_short|src15_fast_map|6|100||gctrace=1|1|leak|unbounded-map|main.storeChunk|src15_fast_map stopped after 6 s: its GCs come geometrically further apart, so after the first third only one or two of them change what the profiles show"
  "src15_fast_map_twin_short|src15_fast_map_twin|6|100||gctrace=1|1|no-leak|twin:unbounded-map||src15_fast_map_twin stopped after 6 s: the catalogue is full after ~3 s, so only the last GCs see it flat"

  # issue 16 (verdict6): the diagnosis' own hard cases for few cycles and coarse sampling, each both ways (not blind;
  # written after src12_req_scope, src13_dead_letters and the 7-cycle twins, in other shapes); default MemProfileRate
  "src22_audit_trail|src22_audit_trail|8|100||gctrace=1|1|leak|unbounded-map|main.(*Auditor).record|coarse sampling: an audit worker keeps a 24 KiB snapshot per event (~0.6 MB/s) in a map keyed by the never-repeating sequence number; each heap sample stands for ~530 kB, so the site climbs in coarse steps"
  "src22_ledger_gogc200|src22_ledger_gogc200|12|200||gctrace=1|1|leak|unbounded-slice|main.post|GOGC=200: every settled transfer appends a 12 KiB receipt to a package-level journal only an archiver (never started) would reset; ~1 MB/s kept, so the heap triples between the few GCs"
  "src22_burst_cache_gogc200|src22_burst_cache_gogc200|12|200||gctrace=1|1|no-leak|twin:unbounded-map||twin of src22_ledger_gogc200: a fixed table of 720 instruments (12 KiB each, ~9 MB) loaded in a burst over the first ~3 s at GOGC=200, then lookups with 48 KiB scratch garbage"
  "src22_flat_sessions_7gc|src22_flat_sessions_7gc|8|100||gctrace=1|1|no-leak|twin:unbounded-map||a chat relay with a fixed 64-session table and 32 KiB frames that are garbage at once: ~7 GCs in 8 s, the floor flat"
  "src22_slow_drip_7gc|src22_slow_drip_7gc|7|100||gctrace=1|1|leak|closure-capture|main.(*notifier).deliver|slow leak with ~7 GCs: a retry literal capturing a 16 KiB message per failed delivery (~0.45 MB/s) kept in a pending list nothing drains, beside 30 KiB frame garbage"
  "src15_fast_park|src15_fast_park|10|100||gctrace=1|1|leak|goroutine-leak|main.search.func1,main.search,main.queryShard|fast leak (verdict5): ~600 queries/s fan out to two shard goroutines on an unbuffered channel; only the first reply is read, the slower one parks on its send with its 32 KiB page (made by queryShard)"
  "src15_fast_park_twin|src15_fast_park_twin|10|100||gctrace=1|1|no-leak|twin:goroutine-leak||twin of src15_fast_park: a fixed pool of 1800 workers with their own 32 KiB page started at the same pace in the first ~3 s, then queries served through the pool"

  # issue 16 (blind8): a fifth held-out batch written blind to the code reader (src13_*), service style (structs with
  # constructors and options, interfaces, second files, internal packages, generics, helpers that start goroutines or
  # allocate the payload, a Close/Stop/cancel/Off skipped on one path); ground truth committed here before any run was
  # recorded; default MemProfileRate
  "src13_label_metrics|src13_label_metrics|8|100||gctrace=1|1|leak|unbounded-map|main.newSeries,main.(*Registry).Observe|held-out: a package-level metrics registry keeps a latency histogram series (4 KiB buckets, made by newSeries) per label set in a generic index (internal/src13metrics); the route label is the raw path with the order id, Forget is only called by an admin endpoint"
  "src13_label_metrics_twin|src13_label_metrics_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src13_label_metrics: the route label is the route template, so the set of series is fixed"
  "src13_dead_letters|src13_dead_letters|12|200||gctrace=1|1|leak|unbounded-slice|main.(*memoryDLQ).Add,main.(*Dispatcher).Deliver|held-out: GOGC=200; a package-level webhook dispatcher adds every delivery that exhausted its attempts to a dead-letter queue behind an interface, which copies the 16 KiB body and appends it to a slice; Replay would drain it but the replayer is off by default"
  "src13_bus_handlers|src13_bus_handlers|12|100||gctrace=1|1|leak|closure-capture|main.(*Importer).Import|held-out: each CSV import subscribes a progress handler literal capturing a 16 KiB preview buffer on a generic event bus (internal/src13bus, map of handler slices); Off is deferred only after validation, so every rejected upload leaves its handler subscribed"
  "src13_scan_pipeline|src13_scan_pipeline|8|100||gctrace=1|1|leak|goroutine-leak|main.(*Searcher).scanShard,main.(*Searcher).goSafe,main.(*Searcher).First,main.(*memStore).ReadShard|held-out: a log search fans out one scanner per shard through a goSafe helper; First stops reading the unbuffered match channel after the limit, so the scanners park on the send, each holding its 16 KiB shard (made by ReadShard behind a ShardStore interface)"
  "src13_scan_pipeline_twin|src13_scan_pipeline_twin|8|100||gctrace=1|1|no-leak|twin:goroutine-leak||twin of src13_scan_pipeline: First closes a done channel on return and the scanners select on it beside the send"
  "src13_peer_keepalive|src13_peer_keepalive|8|100||gctrace=1|1|leak|ticker-not-stopped|main.(*peer).keepalive,main.(*Manager).Add,main.newPeer|held-out: a push gateway starts a keepalive goroutine per peer ranging over time.NewTicker(15s), never stopped; after Remove/Close the loop only skips the ping (continue), so ticker and goroutine keep the peer's 32 KiB bufio.Writer (newPeer)"
  "src13_job_timeouts|src13_job_timeouts|12|50||gctrace=1|1|leak|timer-not-stopped|main.(*Scheduler).await,main.(*Scheduler).Submit|held-out: GOGC=50; a job scheduler bounds each caller's wait with time.NewTimer(10m) and stops it only when the job fails; ~5000 successful jobs a second leave their timers armed (Go 1.19 keeps them until they fire)"
  "src13_request_ctx|src13_request_ctx|15|100||gctrace=1|1|leak|context-not-cancelled|main.(*Server).readBody,main.(*Server).Handle,main.(*Server).authorize|held-out: requests (16 KiB body, readBody) ride a WithValue context under the server's long-lived base; authorize derives WithTimeout(ctx, 2m) and cancels only on a failed check, so the base keeps every authorized request; Place defers its own cancel"
  "src13_retry_client|src13_retry_client|12|100||gctrace=1|1|leak|unclosed-resource|main.(*Reporter).encode,gcfixtures/internal/src13retry.(*Client).Post,main.(*Reporter).Send|held-out: a retrying HTTP client wrapper (internal/src13retry) retries on 503 without closing the first response body; the stuck connections (loopback httptest collector) keep the request and its 16 KiB report (encode)"
  "src13_upload_chunks|src13_upload_chunks|15|100||gctrace=1|1|leak|subslice-pins-buffer|main.(*Receiver).readChunk,main.(*Receiver).Accept|held-out: a chunked upload receiver reads each chunk into a fresh 64 KiB buffer (readChunk) and keeps its 48-byte header as buf[:headerSize] on the upload; finished uploads stay queryable (newest 20000), each header pinning its chunk buffer"
  # issue 16 (blind11): a held-out batch written blind to the code reader and the diagnosis (src18_*), in the style of
  # a client library in an internal package (fixtures/src/internal/src18*: exported API with doc comments, options or a
  # Config, Close/Release/unsubscribe that exist) and a small program that uses it as its docs say or misuses it the way
  # a user plausibly would; ground truth committed here before any run was recorded; default MemProfileRate
  "src18_feed_subscribe|src18_feed_subscribe|8|100||gctrace=1|1|leak|closure-capture|main.(*Renderer).Render|held-out: a renderer subscribes a progress handler literal per job on an in-process pub/sub client (internal/src18feed, map of subscription slices); the literal captures the job's 32 KiB preview buffer and the unsubscribe func Subscribe returns is dropped"
  "src18_chunk_lease|src18_chunk_lease|8|100||gctrace=1|1|leak|sync-pool-misuse|main.main.func4,gcfixtures/internal/src18bufpool.(*Pool).Get,main.(*Checksummer).Process|held-out: a buffer pool library (internal/src18bufpool) lends 64 KiB buffers from a sync.Pool and records them in a lent table until Release; the checksummer returns early on a short chunk without Release, so Pool.New makes a new buffer and the table keeps the skipped one (New is inlined into main, so pprof names its literal main.main.func4 at pool.go)"
  "src18_conn_meter|src18_conn_meter|8|100||gctrace=1|1|leak|ticker-not-stopped|gcfixtures/internal/src18stats.(*Counter).flushLoop,gcfixtures/internal/src18stats.(*Client).Counter,main.(*Proxy).accept|held-out: a metrics client (internal/src18stats) starts a flusher goroutine per Counter selecting on time.NewTicker(2s) with a 32 KiB batch buffer; only Counter.Close stops it, and the proxy never closes a connection's counter"
  "src18_page_cache|src18_page_cache|12|100||gctrace=1|1|leak|unbounded-map|gcfixtures/internal/src18ttl.(*Cache).Set,main.(*PageService).Serve|held-out: a TTL cache library (internal/src18ttl) stores a 24 KiB copy per key and drops an expired entry only when Get reads that key; the janitor is optional and off, and every page URL carries a per-request rid, so no key is read again"
  "src18_page_cache_twin|src18_page_cache_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src18_page_cache: the service enables the TTL cache's janitor (500 ms), which deletes expired entries, so the cache holds ~2.5 s of pages"
  "src18_upload_stream|src18_upload_stream|12|100||gctrace=1|1|leak|goroutine-leak|gcfixtures/internal/src18rpc.(*Stream).reassemble,gcfixtures/internal/src18rpc.(*Client).Open,main.(*Uploader).Upload|held-out: a framed streaming client (internal/src18rpc) starts a reader goroutine per stream ranging over its frame channel with a 32 KiB reassembly buffer; only Stream.Close closes the channel, and Upload returns on an invalid frame without Close"
  "src18_segment_tail|src18_segment_tail|8|100||gctrace=1|1|leak|unclosed-resource|gcfixtures/internal/src18tail.(*Tailer).Follow,main.(*Shipper).Ship|held-out: a file-following library (internal/src18tail) opens each segment with a 32 KiB bufio.Reader and keeps the follower in its open table until Follower.Close; the shipper stops at io.EOF and never closes it"

  # issue 16 (blind12): a held-out batch written blind to the code reader and the diagnosis (src19_*), in the style of
  # concurrent pipelines and event-driven code (stages connected by channels, long-lived for/select loops, a pub/sub
  # broker in an internal package, a reliable publisher, an in-flight table in a second file); ground truth committed
  # here before any run was recorded; default MemProfileRate
  "src19_pipeline_stall|src19_pipeline_stall|8|100||gctrace=1|1|leak|goroutine-leak|main.(*Pipeline).transform,main.(*Pipeline).generate,main.(*Pipeline).Import|held-out: generate -> transform -> Import over unbuffered channels; Import returns at the first invalid row, transform (32 KiB scratch) and generate (16 KiB rows) park forever on their sends"
  "src19_pipeline_stall_twin|src19_pipeline_stall_twin|12|100||gctrace=1|1|no-leak|twin:goroutine-leak||twin of src19_pipeline_stall: Import defers close(done) and every stage sends in a select on done, so the stages return"
  "src19_event_deadlines|src19_event_deadlines|12|100||gctrace=1|1|leak|context-not-cancelled|main.(*Dispatcher).Submit|held-out: per event context.WithTimeout(2m) over WithValue(root, 24 KiB attrs) of the dispatcher's long-lived root; the cancel stored in job.cancel is never called"
  "src19_topic_handlers|src19_topic_handlers|8|100||gctrace=1|1|leak|closure-capture|main.(*Gateway).Join|held-out: each session subscribes a func literal capturing its 32 KiB outbox to the broker's topic table (internal/src19bus); Leave never calls Unsubscribe"
  "src19_frame_index|src19_frame_index|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.readFrame,main.(*Index).Add|held-out: reader stage reads each frame into a 64 KiB buffer, parser stage keeps frame[8:8+n] as the order key in a 16384-slot ring index: each key pins its frame"
  "src19_retry_timers|src19_retry_timers|8|100||gctrace=1|1|leak|timer-not-stopped|main.(*Publisher).send|held-out: time.AfterFunc(2m, retransmit closure over the 16 KiB frame) per message; the ack deletes the pending entry but never stops the timer"
  "src19_inflight_acks|src19_inflight_acks|8|100||gctrace=1|1|leak|unbounded-map|main.(*Tracker).Track|held-out: in-flight table (tracker.go) keyed by sequence number holds each 16 KiB frame; Ack only sets acked, nothing deletes"

  # issue 16 (blind13): a held-out batch written blind to the code reader and the diagnosis (src23_*), in the style of
  # web services (net/http servers on 127.0.0.1 in the same process or handlers driven by httptest.NewRecorder,
  # middleware chains, handler structs with methods, JSON APIs); ground truth committed here before any run was
  # recorded; default MemProfileRate
  "src23_idem_keys|src23_idem_keys|12|100||gctrace=1|1|leak|unbounded-map|main.Idempotent.func1,main.(*IdemStore).Remember|held-out: an idempotency middleware on a loopback payments API records each first response (~24 KiB receipt copy) by Idempotency-Key in a map field (store.go); every charge has a fresh key and nothing expires or deletes a key (Go 1.19 drops the Remember frame from the make+copy sample: pprof names the payload main.Idempotent.func1 at the call of Remember)"
  "src23_report_timeout|src23_report_timeout|8|100||gctrace=1|1|leak|goroutine-leak|main.(*ReportHandler).ServeHTTP.func1,main.(*ReportHandler).ServeHTTP,main.(*ReportHandler).render|held-out: a report handler renders in a goroutine that sends its 64 KiB page on an unbuffered channel; on the 15 ms request deadline the handler answers 504 and returns, so slow renders park on the send forever"
  "src23_report_timeout_twin|src23_report_timeout_twin|8|100||gctrace=1|1|no-leak|twin:goroutine-leak||twin of src23_report_timeout: the result channel is buffered (1), so a late render's send completes and the goroutine returns"
  "src23_quote_gateway|src23_quote_gateway|12|100||gctrace=1|1|leak|unclosed-resource|main.(*Gateway).fetchQuote|held-out: a gateway POSTs a ~40 KiB basket (json.Marshal) to a loopback pricing service; on a non-2xx answer (one in three is 503) fetchQuote returns before defer resp.Body.Close(), so each such connection with its request and payload stays"
  "src23_checkout_ctx|src23_checkout_ctx|8|100||gctrace=1|1|leak|context-not-cancelled|main.(*Server).begin|held-out: per request WithTimeout(10 min) over WithValue(server base context, ~24 KiB cart); begin keeps the cancel in the checkout struct and nothing calls it, so the base keeps every request's context and cart"
  "src23_event_stream|src23_event_stream|8|100||gctrace=1|1|leak|ticker-not-stopped|main.(*subscriber).heartbeat,main.(*Hub).Stream,main.(*Hub).subscribe|held-out: an SSE handler starts go sub.heartbeat(time.NewTicker(15s)) per subscription (for range t.C); Stream returns when the client hangs up without stopping the ticker, so each heartbeat goroutine keeps its subscriber's 32 KiB bufio.Writer"
  "src23_audit_hooks|src23_audit_hooks|8|100||gctrace=1|1|leak|closure-capture|main.(*auditLayer).ServeHTTP|held-out: an audit middleware reads each ~24 KiB request body and adds a func literal capturing it to the package-level afterCommit hook list (hooks.go), which only runs and empties at shutdown"
  "src23_trace_index|src23_trace_index|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.readBatch,main.(*Ingest).ServeHTTP|held-out: an NDJSON ingest handler reads each 32 KiB batch into one buffer and keeps the first trace_id value as a sub-slice of it in a 4096-slot recent-batches ring, pinning every batch"
  # issue 16 (blind14): a held-out batch written blind to the code reader and the diagnosis (src24_*), in the style of
  # batch and data-processing tools (CSV/JSON/log processors, ETL jobs, worker pools, a generic memo in an internal
  # package); ground truth fixed here before any run was recorded; default MemProfileRate
  "src24_undo_history|src24_undo_history|8|100||gctrace=1|1|leak|unbounded-slice|main.(*Cleaner).Apply|held-out: CSV cleaner copies each edited row's original text (~4 KiB) into a Change appended to c.journal for undo; only Commit resets it and the batch job never commits"
  "src24_trace_dedup|src24_trace_dedup|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.(*Deduper).Scan|held-out: log dedup converts each ~16 KiB line to a string and keeps its 32-byte trace id (a substring) in a 4096-slot ring, pinning every line"
  "src24_export_timeout|src24_export_timeout|12|100||gctrace=1|1|leak|timer-not-stopped|main.(*Exporter).forward|held-out: ETL exporter races every record's channel send against time.After(10 min) in a select; ~4800 timers a second that Go 1.19 keeps until they fire"
  "src24_encode_pool|src24_encode_pool|12|100||gctrace=1|1|leak|sync-pool-misuse|main.(*Converter).Convert|held-out: CSV-to-JSON converter takes a 32 KiB bytes.Buffer from a sync.Pool per row (made on a miss); rejected rows keep the pooled buffer in the rejects report (cap 20000) and never Put it, so the pool makes new ones"
  "src24_geo_memo|src24_geo_memo|8|100||gctrace=1|1|leak|unbounded-map|main.enrich,gcfixtures/internal/src24memo.(*Memo[...]).Get|held-out: click enrichment memoised in a generic Memo[K, V] (internal/src24memo) keyed by {IP, Day, Session}; sessions never repeat, a 4 KiB profile per key, no eviction"
  "src24_shard_workers|src24_shard_workers|8|100||gctrace=1|1|leak|goroutine-leak|main.parseWorker,main.importFile,main.importFile.func1|held-out: four parse workers per file send on an unbuffered results channel; the collector returns at the first bad shard without draining, workers park on the send holding 32 KiB each, the closer parks in wg.Wait"
  "src24_shard_workers_twin|src24_shard_workers_twin|8|100||gctrace=1|1|no-leak|twin:goroutine-leak||twin of src24_shard_workers: importFile defers close(done) and workers send in a select on done, so they return after an early exit"
  # issue 16 (blind15): a held-out batch written blind to the code reader and the diagnosis (src25_*), in the style of
  # layered object-oriented service code (interfaces with several implementations, constructor injection, option
  # functions, embedded structs, method values as callbacks; the leak one or two calls behind an interface method).
  # Go's default MemProfileRate; docs/held-out-src25.md says how the batch was written and first scored.
  "src25_order_watchers|src25_order_watchers|8|100||gctrace=1|1|leak|closure-capture|main.(*OrderService).openView,main.(*OrderService).Place|held-out: the order service opens a live view per order and subscribes its apply method value on the order's topic of a long-lived event bus (internal/src25bus); the Subscription is dropped, so the bus keeps each view and its 32 KiB render buffer"
  "src25_session_store|src25_session_store|12|100||gctrace=1|1|leak|unbounded-map|main.(*AuthService).Login|held-out: each login saves a session (24 KiB claims cache) through SessionRepository into a Store interface whose memoryStore is a map keyed by the unique token; Logout deletes, but only rejected requests log out"
  "src25_deploy_probes|src25_deploy_probes|8|100||gctrace=1|1|leak|ticker-not-stopped|main.(*job).loop,main.(*job).Start|held-out: the verifier schedules a health-check job per deploy; job.Start creates time.NewTicker(2s) and a loop goroutine (32 KiB buffer) selecting on the ticker and a quit channel; Verify drops the Handle without Stop"
  "src25_deploy_probes_twin|src25_deploy_probes_twin|8|100||gctrace=1|1|no-leak|twin:ticker-not-stopped||twin of src25_deploy_probes: Verify defers the Handle's Stop, which stops the ticker and closes quit, so each job's goroutine returns after its first result"
  "src25_quote_contexts|src25_quote_contexts|12|100||gctrace=1|1|leak|context-not-cancelled|main.(*PricingService).begin,main.(*PricingService).Quote|held-out: each quote derives WithTimeout(10m) over WithValue(root, 24 KiB attributes) from the service's long-lived root context and keeps the cancel in the operation; only the failure path calls it"
  "src25_catalog_import|src25_catalog_import|8|100||gctrace=1|1|leak|unclosed-resource|gcfixtures/internal/src25source.(*FileSource).Open,main.(*Importer).importItem|held-out: the importer opens each item through a Source interface (internal/src25source: os.Open + 64 KiB bufio.Reader, tracked until Close) and returns early without Close when the item's checksum is already in the catalog"
  "src25_call_deadlines|src25_call_deadlines|8|100||gctrace=1|1|leak|timer-not-stopped|main.(*Client).Call|held-out: the RPC client encodes each call into a 24 KiB frame and arms its deadline through a Deadliner interface (time.AfterFunc(2m, literal capturing the call)); retries replace call.timer and replies complete the call, never stopping a timer"
  # issue 16 (reader8): hard cases for "goroutines parked on a channel": long-lived stages and pools whose goroutines
  # stay flat while what they hand over grows (the value sent is kept by its receiver), a per-request goroutine whose
  # send a timed-out caller abandons (goroutines pile up), and twins that are not leaks (src26_*).
  "src26_result_board|src26_result_board|8|100||gctrace=1|1|leak|unbounded-map|main.renderPage,main.(*Board).worker|source-reading (reader8): a pool of 3 workers started once parks on the jobs receive between jobs; each job's 24 KiB page is filed in the board's map by job id, nothing deletes"
  "src26_abandoned_reply|src26_abandoned_reply|8|100||gctrace=1|1|leak|goroutine-leak|main.(*Gateway).fetch,main.(*Gateway).Lookup|source-reading (reader8): per lookup a fetch goroutine answers (8 KiB) on an unbuffered channel; the caller gives up after 3 ms, so every slow fetch (one in three) parks on its send forever"
  "src26_abandoned_reply_twin|src26_abandoned_reply_twin|8|100||gctrace=1|1|no-leak|twin:goroutine-leak||twin of src26_abandoned_reply: the answer channel is buffered (1), so a slow fetch's send completes after its caller left and the goroutine returns"
  "src26_record_archive|src26_record_archive|8|100||gctrace=1|1|leak|unbounded-slice|main.decodeRecord,main.decodeStage|source-reading (reader8): decodeStage sends each 16 KiB record on a channel Start passes to archiveStage, which appends every record to the package-level history; both stages live for the process"
  "src26_session_tags|src26_session_tags|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.readPacket,main.(*Collector).receive|source-reading (reader8): the receive goroutine hands each 32 KiB packet to the tagger over the collector's packets channel; the tagger keeps pkt[4:20] in a fixed 8192-slot table, each tag pins its packet"
  "src26_session_tags_twin|src26_session_tags_twin|8|100||gctrace=1|1|no-leak|twin:subslice-pins-buffer||twin of src26_session_tags: the tagger copies the tag out of the packet (append([]byte(nil), pkt[4:20]...)) before keeping it in the fixed table"
  # issue 16 (site8, not blind): suspect naming hard cases, each with a twin that is not a leak (src28_*): a pool
  # library's constructor inlined into the method that runs it (its New literal is named after that method, in the
  # library's file), and a handler literal written in main that leaks via a package-level map (named after main).
  "src28_gateway_codec|src28_gateway_codec|12|100||gctrace=1|1|leak|sync-pool-misuse|main.(*Gateway).serve.func1,gcfixtures/internal/src28frames.(*Codec).Acquire,main.(*Gateway).handle|site8: a gateway goroutine builds its frame codec (internal/src28frames, sync.Pool of 64 KiB frames, open table until Done) in serve, where NewCodec is inlined; handle answers heartbeats without Done, so their frames are never Put and the open table keeps them"
  "src28_gateway_codec_twin|src28_gateway_codec_twin|12|100||gctrace=1|1|no-leak|twin:sync-pool-misuse||twin of src28_gateway_codec: handle defers Done, so every frame goes back to the pool"
  "src28_login_routes|src28_login_routes|8|100||gctrace=1|1|leak|unbounded-map|main.main.func1,main.main|site8: a login handler literal written in main files a 16 KiB token per login in the package-level map sessions under user+nonce; nothing deletes"
  "src28_login_routes_twin|src28_login_routes_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src28_login_routes: the token is filed under the user alone (64 users), replacing the previous one"
  # issue 16 (blind17): a held-out batch written blind to the code reader and the diagnosis (src33_*), in the style of
  # message brokers and real-time systems (a chat hub and a chat room over net.Pipe, a job queue with acks and
  # redelivery, a presence service, a pub/sub broker reading frames, a notification fan-out with a frame pool);
  # ground truth committed here before any run was recorded; default MemProfileRate
  "src33_roster_hooks|src33_roster_hooks|8|100||gctrace=1|1|leak|closure-capture|main.(*Hub).join,main.(*Hub).serve|held-out: a chat hub subscribes a roster listener literal per client, capturing the client's 32 KiB screen buffer, on the hub's listeners slice; leave deletes the client from the clients map but never removes its listener"
  "src33_redelivery_timers|src33_redelivery_timers|12|100||gctrace=1|1|leak|timer-not-stopped|main.(*Queue).deliver,main.(*Queue).dispatch|held-out: a job queue arms time.AfterFunc(5 min, redeliver literal over the delivery and its 16 KiB frame) per delivery; Nack stops the timer, Ack only deletes the in-flight entry, so each acked delivery's timer stays in the timer heap until it fires"
  "src33_presence_sessions|src33_presence_sessions|8|100||gctrace=1|1|leak|unbounded-map|main.(*Presence).Connect|held-out: a presence service files a session with a 16 KiB notification feed per connection under a fresh user/device/seq id; Disconnect only marks it offline with lastSeen, nothing deletes"
  "src33_client_writers|src33_client_writers|8|100||gctrace=1|1|leak|goroutine-leak|main.(*client).writeLoop,main.(*Room).Accept|held-out: a chat room starts a reader and a writer goroutine per net.Pipe connection; the writer (32 KiB frame buffer) ranges over c.out; leave deletes the member and closes the conn but never closes c.out, so every writer parks in its range"
  "src33_client_writers_twin|src33_client_writers_twin|8|100||gctrace=1|1|no-leak|twin:goroutine-leak||twin of src33_client_writers: leave closes c.out under the room's lock, so the writer's range ends and it returns"
  "src33_topic_dedup|src33_topic_dedup|12|100||gctrace=1|1|leak|subslice-pins-buffer|main.(*Broker).readFrame,main.(*Broker).Serve|held-out: a pub/sub broker reads each ~24 KiB frame from a net.Pipe publisher into a fresh buffer and keeps the header's message id (a bytes.Fields sub-slice of the frame) in an 8192-slot dedup ring, pinning every frame"
  "src33_fanout_frames|src33_fanout_frames|8|100||gctrace=1|1|leak|sync-pool-misuse|main.(*framePool).alloc,main.(*framePool).Get,main.(*Fanout).Publish|held-out: a notification fan-out encodes each event into a 32 KiB frame from a sync.Pool wrapper that tracks frames out until Release; Publish returns early for topics with no subscribers without Release, so the frame is never Put back, the outstanding table keeps it and New makes another"
  # issue 16 (reader10, not blind): sub-slices and substrings that pin their whole buffer, handed back by a helper of
  # the package that returns a slice of its argument, and kept in a bounded place (a fixed array ring, a capped slice),
  # each with a twin that copies the small part out first (src29_*).
  "src29_blob_heads|src29_blob_heads|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.loadBlob,main.(*Catalog).Add|reader10: loadBlob reads each ~24 KiB upload into its own buffer and returns it; Add records magic(blob) (a helper returning blob[:16]) in a fixed 2048-slot ring, each header pins its blob"
  "src29_blob_heads_twin|src29_blob_heads_twin|8|100||gctrace=1|1|no-leak|twin:subslice-pins-buffer||twin of src29_blob_heads: Add records append([]byte(nil), magic(blob)...), a copy of the header"
  "src29_word_ring|src29_word_ring|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.(*Filter).Review|reader10: Review turns each ~12 KiB chat frame into a string; firstFlagged returns a strings.Fields word of it, which note keeps in a slice capped at 3000 (trimmed from the front), each word pins its message"
  "src29_word_ring_twin|src29_word_ring_twin|8|100||gctrace=1|1|no-leak|twin:subslice-pins-buffer||twin of src29_word_ring: note keeps strings.Clone(w), a copy of the word"
  # issue 16 (reader11, not blind): func values kept in containers and long timers, each with a twin that is not a
  # leak (src30_*): method values appended per session to a tenant's slice of listener funcs (left vs dropped on
  # close), a connection's idle AfterFunc re-armed into its field per message (without vs after Stop), and an
  # unassigned AfterFunc literal whose delay is a named constant (90 s vs 50 ms).
  "src30_tenant_listeners|src30_tenant_listeners|8|100||gctrace=1|1|leak|closure-capture|main.(*Server).Accept|reader11: each session's 32 KiB window is bound by its deliver method value, appended to its tenant's slice of listener funcs in the hub (map[string][]listener); sessions end but nothing leaves the hub"
  "src30_tenant_listeners_twin|src30_tenant_listeners_twin|8|100||gctrace=1|1|no-leak|twin:closure-capture||twin of src30_tenant_listeners: closing a session drops its tenant's listeners from the hub (delete)"
  "src30_idle_conns|src30_idle_conns|8|100||gctrace=1|1|leak|timer-not-stopped|main.(*Broker).Receive|reader11: per message a 16 KiB frame; the connection's idle timer is re-armed as c.idle = time.AfterFunc(idleAfter = 90s, literal capturing the frame) without stopping the previous one"
  "src30_idle_conns_twin|src30_idle_conns_twin|8|100||gctrace=1|1|no-leak|twin:timer-not-stopped||twin of src30_idle_conns: touch stops the previous idle timer before arming the next"
  "src30_retry_later|src30_retry_later|8|100||gctrace=1|1|leak|closure-capture|main.(*uploader).submit|reader11: every other upload's 24 KiB body is captured by a retry literal scheduled with time.AfterFunc(retryWait), retryWait a constant 90 * time.Second"
  "src30_retry_later_twin|src30_retry_later_twin|8|100||gctrace=1|1|no-leak|twin:closure-capture||twin of src30_retry_later: retryWait is 50 * time.Millisecond, so each retry literal lets go of its body a few ticks later"
  # issue 16 (site9, not blind): func literals that outlive the function that declares them (a handler literal a
  # middleware constructor returns, an encoder literal a method returns and a worker keeps) are named as pprof names
  # them, even when make + copy drops the callee's frame; a method value handler; each leak with a twin (src31_*).
  "src31_audit_chain|src31_audit_chain|8|100||gctrace=1|1|leak|unbounded-slice|main.withJournal.func1.1,main.(*journal).Keep|site9: an audit middleware constructor returns the middleware literal, which returns the handler literal; each request body is handed to journal.Keep, which copies it (make + copy) and appends the copy to the journal's entries; nothing trims them (Go 1.19 records the copy at the Keep call in the handler literal)"
  "src31_audit_chain_twin|src31_audit_chain_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-slice||twin of src31_audit_chain: Keep copies the body into a fixed ring of 128 slots, replacing the oldest"
  # issue 16 (reader13): containers of handler structs and timers kept in map entries, each leak with a twin or a
  # look-alike (src43_*): a map of slices of a struct of func fields filled with a capturing literal (closure-capture) vs
  # its twin that removes the hook; the same shape of struct filled only with package funcs (unbounded-slice); per-key
  # AfterFunc retries replaced without Stop (timer-not-stopped) vs Stop before re-arming; ack timers stopped on ack whose
  # callback feeds a front-drained FIFO, while the real leak is a journal map in a callee (unbounded-map).
  "src43_stage_hooks|src43_stage_hooks|8|100||gctrace=1|1|leak|closure-capture|main.attachSigner|reader13: each signed build registers a publish hook (a struct of func fields) whose After literal captures a 20 KiB manifest copy; the host keeps hooks per stage in a map of slices and never removes them"
  "src43_stage_hooks_twin|src43_stage_hooks_twin|8|100||gctrace=1|1|no-leak|twin:closure-capture||twin of src43_stage_hooks: Register returns a remove func the build calls after its publish stage"
  "src43_step_trace|src43_step_trace|8|100||gctrace=1|1|leak|unbounded-slice|main.(*Pipeline).process|reader13: every applied step is recorded as Step{Name, Apply} (Apply a package func, nothing captured) in p.applied, never trimmed: the slice itself grows"
  "src43_backoff_timers|src43_backoff_timers|8|100||gctrace=1|1|leak|timer-not-stopped|main.(*Dispatcher).scheduleRetry|reader13: a failed webhook delivery arms t := time.AfterFunc(3m, retry of a 12 KiB payload copy) and stores it in d.retry[endpoint], replacing the previous timer without Stop; only RemoveEndpoint stops the last one"
  "src43_backoff_timers_twin|src43_backoff_timers_twin|8|100||gctrace=1|1|no-leak|twin:timer-not-stopped||twin of src43_backoff_timers: the endpoint's previous timer is stopped before the new one is armed"
  "src43_ack_journal|src43_ack_journal|8|100||gctrace=1|1|leak|unbounded-map|main.(*Gateway).ingest,main.(*journal).record|reader13: every message body copy is kept by the journal map (never deleted); the per-message ack timer (2m AfterFunc feeding a front-drained redo FIFO) is stopped and deleted on ack"
  "src31_export_hooks|src31_export_hooks|8|100||gctrace=1|1|leak|unbounded-map|main.(*catalog).encoder.func1|site9: (*catalog).encoder returns an encoder literal that worker goroutines keep in their struct and call per record; it renders a 12 KiB line and files it in the catalog's byID map under a fresh id; nothing deletes"
  "src31_export_hooks_twin|src31_export_hooks_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src31_export_hooks: the encoder forgets the line filed 256 records earlier (delete from byID)"
  "src31_probe_gate|src31_probe_gate|8|100||gctrace=1|1|leak|unbounded-map|main.(*collector).record,main.(*collector).keep|site9: a method value handler (mux.HandleFunc(\"/probe\", col.record)) hands each ~10 KiB report to keep, which copies it (make + copy) into the reports map under probe name and sequence number; nothing deletes (Go 1.19 records the copy at the keep call in record)"
  # issue 16 (blind20): a second held-out batch written blind to the code reader and the diagnosis (src36_*), in the
  # style of market data and trading systems (order books, feed decoders, OHLC aggregators, risk snapshots, gateways).
  "src36_symbol_index|src36_symbol_index|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.readFrame|held-out: a price-feed decoder reads each ~32 KiB frame of text ticks into a fresh body; the recent-trades index keeps the first symbol as a sub-slice of the body (body[:end]) in an 8192-slot ring, pinning every frame"
  "src36_symbol_index_twin|src36_symbol_index_twin|8|100||gctrace=1|1|no-leak|twin:subslice-pins-buffer||twin of src36_symbol_index: the index copies the symbol out of the body (append([]byte(nil), body[:end]...)) before keeping it"
  "src36_fill_tape|src36_fill_tape|8|100||gctrace=1|1|leak|unbounded-slice|main.(*Aggregator).Record|held-out: per-symbol OHLC aggregator workers append every fill (a fixed-size ~2 KiB Fill with the raw execution report) to the symbol's trade tape for an end-of-day replay that never runs; the tape is never trimmed"
  "src36_order_book|src36_order_book|8|100||gctrace=1|1|leak|unbounded-map|main.(*Book).Place|held-out: an order gateway places each new order (~3 KiB with its raw message) in its symbol's book map by a fresh order id and acks it; Fill and Cancel only set the status, nothing deletes"
  "src36_tick_pool|src36_tick_pool|8|100||gctrace=1|1|leak|sync-pool-misuse|main.newTickBuf,main.(*Decoder).Decode|held-out: the feed decoder takes a 32 KiB tick buffer from a sync.Pool per batch and Puts it back, except when the batch breaches a risk limit: the risk snapshot (preallocated report slice) keeps the pooled buffer and it is never Put, so Pool.New (main.newTickBuf) allocates anew"
  "src36_day_files|src36_day_files|8|100||gctrace=1|1|leak|unclosed-resource|main.(*Archive).Create,main.writeBatch|held-out: the tick archiver writes each batch to an os.CreateTemp file through a 64 KiB bufio.Writer tracked in the archive's open set until Close; writeBatch returns early on a bad tick without Close, so the file and writer stay"
  "src36_quote_fanout|src36_quote_fanout|8|100||gctrace=1|1|leak|goroutine-leak|main.(*Subscription).pump,main.Subscribe|held-out: each market-data subscription starts a pump goroutine that formats quotes into its own 32 KiB buffer and sends on an unbuffered channel; the subscriber reads two quotes and leaves, so the pump parks on the send forever"
  # issue 16 (blind21): a second new held-out batch written blind to the code reader and the diagnosis (src37_*), in
  # the style of developer tooling and CLI daemons (document stores, build caches, watchers, renderers, editors).
  "src37_doc_callbacks|src37_doc_callbacks|8|100||gctrace=1|1|leak|closure-capture|main.(*Server).didOpen|held-out: a language-server-like store registers per opened document an on-change func literal capturing the document's 16 KiB text on the server's listener list; didClose deletes the document but never removes its callback"
  "src37_compile_handles|src37_compile_handles|8|100||gctrace=1|1|leak|unclosed-resource|main.(*Cache).openFile|held-out: a build cache opens each source file (os.Open + 64 KiB read buffer, registered in its open-handle table until Close); files whose first line is //go:build ignore return early without Close"
  "src37_render_ctx|src37_render_ctx|8|100||gctrace=1|1|leak|context-not-cancelled|main.(*Daemon).handle|held-out: a template-rendering daemon serving over an io.Pipe derives per request context.WithTimeout(5m) over WithValue(root, 24 KiB document) from its long-lived root; the cancel is stored in the request record and never called"
  "src37_pkg_index|src37_pkg_index|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.(*Index).scan|held-out: a build cache reads each ~32 KiB source file into a fresh buffer and keeps its package name, a sub-slice of that buffer, in an 8192-slot history ring; each name pins its file buffer"
  "src37_pkg_index_twin|src37_pkg_index_twin|8|100||gctrace=1|1|no-leak|twin:subslice-pins-buffer||twin of src37_pkg_index: scan keeps append([]byte(nil), name...), a copy of the package name"
  "src37_autosave_timer|src37_autosave_timer|8|100||gctrace=1|1|leak|timer-not-stopped|main.(*Editor).apply|held-out: an editor daemon re-arms each document's autosave per edit as doc.autosave = time.AfterFunc(2m, literal capturing a ~16 KiB snapshot) without stopping the previous timer"
  "src37_watch_ticker|src37_watch_ticker|8|100||gctrace=1|1|leak|ticker-not-stopped|main.(*Watcher).poll|held-out: a directory watcher starts per watch a poller goroutine on time.NewTicker(30s); 6000 watches/s are cancelled and their pollers return without Stop, leaving every ticker in the timer heap"
  # issue 16 (blind22): a third new held-out batch written blind to the code reader and the diagnosis (src38_*), in
  # the style of game servers and real-time simulation (lobbies over net.Pipe, matches with tick loops, worlds with
  # entities and hooks, leaderboards, replays); ground truth fixed here before any run was recorded; Go's default
  # MemProfileRate; docs/held-out-src38.md says how the batch was written and first scored.
  "src38_lobby_sessions|src38_lobby_sessions|8|100||gctrace=1|1|leak|unbounded-map|main.(*Lobby).join|held-out: a lobby serving players over net.Pipe creates per login a Session with a 16 KiB send buffer in its sessions map under a fresh session id; on disconnect leave only marks it offline, nothing deletes"
  "src38_match_results|src38_match_results|8|100||gctrace=1|1|leak|goroutine-leak|main.(*Match).simulate,main.(*Server).startMatch|held-out: each match starts a simulate goroutine ranging over an unbuffered input channel and applying inputs to the match's 32 KiB state; endMatch removes the match from the active table but never closes the channel, so every finished match's goroutine parks in the range forever"
  "src38_match_results_twin|src38_match_results_twin|8|100||gctrace=1|1|no-leak|twin:goroutine-leak||twin of src38_match_results: endMatch closes the match's input channel, so the simulate goroutine's range ends and it returns"
  "src38_death_hooks|src38_death_hooks|8|100||gctrace=1|1|leak|closure-capture|main.(*World).spawn|held-out: an arena world registers per spawned player an onDeath func literal capturing the player's 32 KiB kill-cam buffer on the world's hook list; despawn deletes the player but never removes the hook"
  "src38_afk_timer|src38_afk_timer|8|100||gctrace=1|1|leak|timer-not-stopped|main.(*Server).handleInput|held-out: every player input re-arms the AFK kick as p.afk = time.AfterFunc(3m, literal capturing an 8 KiB copy of the input frame) without stopping the timer it replaces"
  "src38_winner_board|src38_winner_board|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.(*Gateway).readHandshake|held-out: a game gateway reads each 32 KiB login handshake over net.Pipe into a fresh packet; the leaderboard's 8192-slot recent-winners ring keeps the name as parsed, a sub-slice of the packet, pinning it"
  "src38_match_ctx|src38_match_ctx|8|100||gctrace=1|1|leak|context-not-cancelled|main.(*Server).openMatch|held-out: each match's context is context.WithCancel(context.WithValue(root, key, state with a 32 KiB grid)) under the server's long-lived root; the cancel is kept in the match record and never called when the match closes"
  "src38_replay_log|src38_replay_log|8|100||gctrace=1|1|leak|unbounded-slice|main.(*Recorder).capture|held-out: a 40 Hz world tick loop encodes the 1600 entities (~32 KiB) into a fresh frame after every tick and appends it to the replay recorder's frames slice for a season-end replay; nothing trims it"
  # issue 16 (blind23): a third new held-out batch written blind to the code reader and the diagnosis (src39_*), in the
  # style of observability agents and telemetry collectors (scrapers, span exporters, log shippers, metric registries);
  # ground truth fixed here before any run was recorded; Go's default MemProfileRate; docs/held-out-src39.md says how.
  "src39_instance_ring|src39_instance_ring|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.(*Scraper).fetch,main.(*Scraper).scrape|held-out: a metrics scraper reads each target's ~32 KiB exposition page into a fresh payload and notes the instance label value, a sub-slice of the payload, in an 8192-slot recently-seen ring; each noted value pins its whole page"
  "src39_span_retry|src39_span_retry|8|100||gctrace=1|1|leak|sync-pool-misuse|main.newBatchBuf,main.(*Exporter).flush|held-out: a span exporter encodes each batch into a 32 KiB buffer from a sync.Pool and Puts it back after a successful sink write; batches the sink sheds (every fourth) are parked in a preallocated 4096-slot retry ring and never Put back, so Pool.New (main.newBatchBuf) allocates anew"
  "src39_target_results|src39_target_results|8|100||gctrace=1|1|leak|goroutine-leak|main.(*collector).run,main.(*Agent).Add|held-out: a telemetry agent starts a collector goroutine per target that renders each result into a fresh 32 KiB buffer and sends it on an unbuffered channel; the agent reads three results and removes the target without telling the collector, which parks on its next send forever"
  "src39_spool_segments|src39_spool_segments|8|100||gctrace=1|1|leak|unclosed-resource|main.(*Shipper).open,main.(*Shipper).ship|held-out: a log shipper opens each spooled segment (os.Open + 64 KiB read buffer, registered in its fd table until Close); segments whose header says #rotated return early without Close"
  "src39_request_series|src39_request_series|8|100||gctrace=1|1|leak|unbounded-map|main.(*Registry).Observe|held-out: a metrics middleware observes request latency into a registry of 512-bucket histograms keyed by the label set, which includes the request id; every request files a new ~4 KiB series and nothing deletes"
  "src39_scrape_tickers|src39_scrape_tickers|8|100||gctrace=1|1|leak|ticker-not-stopped|main.(*scrapeLoop).run,main.(*Manager).Sync|held-out: a scrape manager runs a loop goroutine per discovered target on time.NewTicker(15s+); ~8000 targets/s churn, removed targets' loops return on their closed stop channel without Stop, leaving every ticker in the timer heap"
  "src39_scrape_tickers_twin|src39_scrape_tickers_twin|8|100||gctrace=1|1|no-leak|twin:ticker-not-stopped||twin of src39_scrape_tickers: the scrape loop defers t.Stop(), so a removed target's ticker leaves the timer heap"
  # issue 16 (reader12): a value returned by the allocating function and kept by what its caller does with it next
  "src42_catalog_titles|src42_catalog_titles|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.parseEntry|reader12: parseEntry returns each ~16 KiB upload entry by value to the ingest loop, which hands it to the catalog (another file); learn keeps bytes.TrimSpace(e.Body[2:66]) per slot in a 4096-slot map, so each kept title pins its entry body"
  "src42_catalog_titles_twin|src42_catalog_titles_twin|8|100||gctrace=1|1|no-leak|twin:subslice-pins-buffer||twin of src42_catalog_titles: learn keeps string(bytes.TrimSpace(...)), a copy of the title"
  "src42_wire_journal|src42_wire_journal|8|100||gctrace=1|1|leak|unbounded-slice|main.(*link).receive|reader12: (*link).receive returns each ~12 KiB change message to the apply callback, which hands it to the journal; the journal's history appends every message whole and is never trimmed"
  "src42_wire_journal_twin|src42_wire_journal_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-slice||twin of src42_wire_journal: the journal only counts the messages (applied, bytes) and keeps none"
  # issue 16 (blind16): a held-out batch written blind to the code reader and the diagnosis (src32_*), in the style of
  # infrastructure daemons and network plumbing (loopback TCP with length-prefixed frames from internal/src32wire, a
  # resolver, a metrics collector, a discovery watcher, a log tailer over temp files, retrying clients with backoff);
  # ground truth fixed here before any run was recorded; default MemProfileRate
  "src32_peer_stats|src32_peer_stats|8|100||gctrace=1|1|leak|unbounded-map|main.(*Collector).statsFor|held-out: a metrics collector keeps per-peer stats (16 KiB sample ring) in a map keyed by conn.RemoteAddr().String(); agents push over a new short connection each time (new ephemeral port, new key) and nothing deletes a peer"
  "src32_peer_stats_twin|src32_peer_stats_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src32_peer_stats: the connection handler defers c.forget(addr), which deletes the peer when its connection ends"
  "src32_redial_history|src32_redial_history|8|100||gctrace=1|1|leak|unbounded-slice|main.(*Client).noteReconnect|held-out: a forwarding client whose relay drops the connection every second frame redials with backoff and appends each reconnect, with a 16 KiB copy of the in-flight frame, to c.history; nothing trims it"
  "src32_resolve_timeout|src32_resolve_timeout|12|100||gctrace=1|1|leak|goroutine-leak|main.(*Resolver).exchange,main.(*Resolver).Lookup|held-out: Lookup runs go r.exchange(name, replies) over loopback TCP and waits on an unbuffered channel for 6 ms; the registry answers in 0-12 ms, so late exchanges park forever on replies <- answer{...} with the 16 KiB record they read"
  "src32_target_health|src32_target_health|8|100||gctrace=1|1|leak|ticker-not-stopped|main.(*Watcher).check,main.(*Watcher).Register|held-out: a discovery watcher starts a checker goroutine per announced instance ranging over time.NewTicker(3s) with a 16 KiB probe buffer; its only exit (a failed probe) does not Stop, Deregister cannot reach it, withdrawn instances still answer"
  "src32_route_keys|src32_route_keys|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.readFrame,main.(*Router).serveConn|held-out: an ingest router reads ~24 KiB length-prefixed frames over loopback TCP and keeps frame[8:40] (the routing header) per stream in a table bounded to 50000 streams; each kept header pins its whole frame"
  "src32_log_rotate|src32_log_rotate|12|100||gctrace=1|1|leak|unclosed-resource|main.(*Tailer).Ingest|held-out: a log tailer opens each rotated segment (os.CreateTemp spool) with a 64 KiB bufio.Reader registered in t.open until release; segments with a v1 header return an error before release, so the file stays open and its reader registered"
  "src32_busy_retry|src32_busy_retry|8|100||gctrace=1|1|leak|context-not-cancelled|main.(*Client).Do|held-out: an upload client hangs its 32 KiB frame on WithValue(c.root) and per attempt derives WithTimeout(2 min); on a busy answer (~40 %) attempt returns before defer cancel(), so c.root keeps each attempt's context and the frame"
  # issue 16 (blind18): a held-out batch written blind to the code reader and the diagnosis (src34_*), in the style of
  # Go written with another language's idioms (Java/Python/Node.js): GetInstance() singletons behind sync.Once,
  # manager/service "classes" with getters and setters, listener lists, Node-style callbacks, futures built on
  # channels, panic/recover as exceptions. Go's default MemProfileRate; docs/held-out-src34.md says how the batch was
  # written and first scored.
  "src34_audit_history|src34_audit_history|8|100||gctrace=1|1|leak|unbounded-slice|main.(*AuditHistoryManager).RecordEvent|held-out: an AuditHistoryManager singleton (GetInstance) appends a HistoryEntry with a ~6 KiB copy of the profile document to its history slice field on every UpdateProfile; ClearHistory exists but nothing calls it"
  "src34_theme_listeners|src34_theme_listeners|8|100||gctrace=1|1|leak|closure-capture|main.(*DocumentService).OpenDocument|held-out: every opened document subscribes a callback literal capturing its render model (24 KiB layout buffer) to the application's EventEmitter (internal/src34events) with AddListener; RemoveListener (CloseDocument) is never called"
  "src34_request_scope|src34_request_scope|12|100||gctrace=1|1|leak|context-not-cancelled|main.NewRequestScope|held-out: each request's RequestScope puts a 20 KiB attribute buffer into WithValue under a singleton's root context and wraps it in WithTimeout(15 min); Dispose (the cancel) is never called, so the root keeps every scope"
  "src34_conn_poller|src34_conn_poller|8|100||gctrace=1|1|leak|ticker-not-stopped|main.(*ConnectionPoller).runTask,main.(*ConnectionPoller).Start|held-out: per connection a ConnectionPoller's Start creates a time.NewTicker, a 16 KiB scratch buffer and a goroutine per task (select on the ticker and a quit channel); the connection closes without ConnectionPoller.Stop"
  "src34_conn_poller_twin|src34_conn_poller_twin|8|100||gctrace=1|1|no-leak|twin:ticker-not-stopped||twin of src34_conn_poller: the poller's Stop is the connection's close callback, so each ticker is stopped and its goroutine returns"
  "src34_session_registry|src34_session_registry|8|100||gctrace=1|1|leak|unbounded-map|gcfixtures/internal/src34registry.(*SessionRegistry).GetOrCreateSession|held-out: a static SessionRegistry (internal/src34registry, GetInstance) creates a session context with a 20 KiB attribute buffer per new id in its map; the gateway mints a fresh correlation id per request and RemoveSession runs only on logout (1 in 10)"
  "src34_quote_futures|src34_quote_futures|12|100||gctrace=1|1|leak|timer-not-stopped|main.(*QuoteService).calculateQuote|held-out: every quote returns a Future whose NewFutureWithTimeout arms time.AfterFunc(2 min, literal rejecting the future); Resolve stores the 20 KiB quote but never stops the timer, so Go 1.19 keeps each timer, its future and its quote until it fires"
  # issue 16 (blind19): a SECOND held-out batch written blind to the code reader and the diagnosis (src35_*), in the
  # style of Kubernetes-operator controllers written with the standard library (a fake watch stream, an informer
  # cache, a work queue with rate-limited requeue, reconcile per object); ground truth fixed here before any run was
  # recorded; Go's default MemProfileRate; docs/held-out-src35.md says how the batch was written and first scored.
  "src35_status_cache|src35_status_cache|8|100||gctrace=1|1|leak|unbounded-map|main.(*Controller).reconcile|held-out: the operator keeps each object's status (observed generation + 32 KiB rendered manifest) in c.statuses keyed by UID; a deleted object's reconcile returns without deleting its entry"
  "src35_status_cache_twin|src35_status_cache_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src35_status_cache: the reconcile of a deleted object deletes its status entry"
  "src35_pod_watchers|src35_pod_watchers|8|100||gctrace=1|1|leak|goroutine-leak|main.(*Controller).watchPods,main.(*Controller).reconcile|held-out: a pod watcher goroutine per object (32 KiB log tail) fed generations through a per-object channel; deletion drops the channel from the map without closing it, so the watcher parks in its range loop forever"
  "src35_resync_tickers|src35_resync_tickers|8|100||gctrace=1|1|leak|ticker-not-stopped|main.(*Controller).startResync,main.(*Controller).reconcile|held-out: every reconcile restarts the object's resync loop with a new time.NewTicker(30s+); the old loop returns on its closed stop channel but the ticker is never stopped"
  "src35_requeue_timers|src35_requeue_timers|8|100||gctrace=1|1|leak|timer-not-stopped|main.(*Controller).reconcile|held-out: every reconcile deep-copies the object (16 KiB spec) and arms c.requeue[uid] = time.AfterFunc(10m, check(copy)), replacing the previous timer without Stop"
  "src35_reconcile_contexts|src35_reconcile_contexts|8|100||gctrace=1|1|leak|context-not-cancelled|main.(*Controller).reconcile|held-out: every reconcile derives context.WithTimeout(context.WithValue(root, key, tracked), 5m) from the manager's root; the cancel is stored in the status and never called, so root's children keep the tracked object and its 16 KiB manifest"
  "src35_drift_handlers|src35_drift_handlers|8|100||gctrace=1|1|leak|closure-capture|main.(*Controller).watchDrift,main.(*Controller).reconcile|held-out: the first reconcile of each object registers an OnUpdate func literal on the shared informer capturing a 24 KiB copy of the admitted spec; handlers are never removed"
  "src35_condition_history|src35_condition_history|8|100||gctrace=1|1|leak|unbounded-slice|main.(*Recorder).Record|held-out: the event recorder appends every reconcile's condition with an 8 KiB spec snapshot to r.history, never trimmed"
  # issue 16 (blind24): a new held-out batch written blind to the code reader and the diagnosis (src40_*), in the style
  # of storage engines and caches (LSM memtables and flushes, block caches, snapshots, iterators, WAL group commit,
  # compaction, manifests); one file each, default MemProfileRate; docs/held-out-src40.md says how it was kept blind.
  "src40_block_cache|src40_block_cache|8|100||gctrace=1|1|leak|unbounded-map|main.(*BlockCache).Get|held-out: an LSM store reads through a block cache keyed by (file number, block offset); flushes mint a new file number every 32 writes and compaction drops old tables from the version, but the cache never evicts, so every 16 KiB block ever loaded stays under a dead file number"
  "src40_block_cache_twin|src40_block_cache_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src40_block_cache: compaction evicts the dropped tables' blocks from the cache (delete per block), so it holds only the live version's blocks"
  "src40_snapshot_hooks|src40_snapshot_hooks|8|100||gctrace=1|1|leak|closure-capture|main.(*DB).NewSnapshot|held-out: NewSnapshot freezes a 24 KiB copy of the memtable arena and appends an onFlush literal capturing it to db.onFlush; Release only deletes the snapshot from the open table, the hook and its frozen arena stay"
  "src40_compaction_ctx|src40_compaction_ctx|8|100||gctrace=1|1|leak|context-not-cancelled|main.(*DB).compact|held-out: each compaction hangs its 32 KiB output table on context.WithValue(db.root) and derives WithTimeout(10 min); the cancel is kept in the job record and never called, so the long-lived root keeps every job context and its output"
  "src40_iter_reads|src40_iter_reads|8|100||gctrace=1|1|leak|unclosed-resource|main.(*DB).NewIterator,main.(*DB).Get|held-out: Get opens an iterator per read (32 KiB block buffer, registered in the store's open set until Close); on a miss (~1 in 4) it returns ErrNotFound before Close, so the iterator stays open with its buffer"
  "src40_flush_deadline|src40_flush_deadline|8|100||gctrace=1|1|leak|timer-not-stopped|main.(*DB).Write|held-out: every WAL write encodes a ~16 KiB record and re-arms db.deadline = time.AfterFunc(2 min, literal capturing the record) without stopping the previous timer, so Go 1.19 keeps each timer and record until it fires"
  "src40_manifest_edits|src40_manifest_edits|8|100||gctrace=1|1|leak|unbounded-slice|main.(*VersionSet).LogAndApply|held-out: LogAndApply encodes each version edit with the new version's 200-file list (~16 KiB) and appends the record to vs.edits to rewrite the manifest on rotation; nothing rotates or truncates it"
  # issue 16 (rank12): own cases for which finding becomes the evidence, both ways: a release of another object (the
  # serving loop's stopped ticker, a file closed by defer after its bytes were read) is no look-alike for the site; a
  # number computed from a buffer is no view of it; a Close skipped by an early return leaves the value open
  "src41_lease_registry|src41_lease_registry|8|100||gctrace=1|1|leak|unbounded-map|main.(*Shard).grant|own: a lease server keeps each ~2 KiB lease in its shard's map by a fresh id (shards built once in main's setup loop); expiry only flags it; the serving loop's flush ticker is stopped by defer"
  "src41_lease_registry_twin|src41_lease_registry_twin|8|100||gctrace=1|1|no-leak|twin:unbounded-map||twin of src41_lease_registry: expire deletes the lease from the shard's map"
  "src41_segment_heads|src41_segment_heads|8|100||gctrace=1|1|leak|subslice-pins-buffer|main.(*Shipper).load|own: a log shipper io.ReadAll's each ~24 KiB segment from a file closed by defer and keeps its first record key (cut by a helper) in a 4096-slot ring; each key pins its segment"
  "src41_segment_heads_twin|src41_segment_heads_twin|8|100||gctrace=1|1|no-leak|twin:subslice-pins-buffer||twin of src41_segment_heads: the key is copied (append([]byte(nil), ...)) before the ring keeps it"
  "src41_digest_spool|src41_digest_spool|8|100||gctrace=1|1|leak|unclosed-resource|main.openSpool|own: each upload opens a 48 KiB spool registered in the service's open table until Close; a per-kind map keeps bytes.Count of the buffer (a number); duplicates return early before the Close"
  "src41_digest_spool_twin|src41_digest_spool_twin|8|100||gctrace=1|1|no-leak|twin:unclosed-resource||twin of src41_digest_spool: defer sp.Close() right after openSpool closes the spool on every path"
)
# Extra ground-truth detail per run (hot, non-leaking allocation sites) for meta.json.
hot_functions() {
  case "$1" in
    steady|steady_pacer) echo "encoding/json.Marshal,encoding/json.Unmarshal,main.encodeRequest,main.handleRequest" ;;
    pressure|pressure_sched) echo "main.parseRecord,main.makeBatch,strings.Split,strings.genSplit,strings.ToUpper" ;;
    leak_goroutine) echo "main.handleRequest" ;;
    leak_ticker) echo "main.acceptConn" ;;
    leak_map) echo "main.requestScratch" ;;
    leak_closure) echo "main.handleUpload" ;;
    pool_misuse) echo "main.newBuffer" ;;
    batch_sawtooth) echo "main.buildIndex" ;;
    memlimit) echo "main.serveRequest" ;;
    warmup_cache) echo "main.loadEntry,main.renderPage" ;;
    cold_start) echo "main.loadCatalog,main.handleQuery" ;;
    burst_inflight) echo "main.renderReport,main.handlePing" ;;
    batch_nogc) echo "main.loadRows" ;;
    churn_small) echo "main.tokenize,strings.genSplit,strings.ToUpper" ;;
    forced_periodic) echo "main.handleOrder" ;;
    idle_heavy) echo "main.buildIndex,main.handleLookup" ;;
    leak_under_cache) echo "main.loadDocument,main.handle" ;;
    leak_sparse) echo "main.handle" ;;
    leak_plateau) echo "main.rememberRequest,main.handlePing" ;;
    ttl_cache) echo "main.storeEntry,main.main.func2" ;;
    memlimit_leak) echo "main.handle" ;;
    v2_slow_leak) echo "main.renderPage,main.handleRequest" ;;
    v2_lock_park) echo "main.handle" ;;
    v2_session_ttl) echo "main.newSession,main.main.func2" ;;
    v2_stepwise) echo "main.evaluate" ;;
    v2_big_steady) echo "main.serve" ;;
    v2_tiny_gogc) echo "main.parseEvent,strings.genSplit,strings.ToUpper" ;;
    v2_late_leak) echo "main.handle" ;;
    v2_logbuf_flush) echo "main.bufferLine,main.handle" ;;
    v2_pool_shrink) echo "main.worker,main.main.func1" ;;
    v2_big_lru) echo "main.fetchThumb,main.encodeThumb" ;;
    v2_sleep_retry) echo "main.main.func1" ;;
    v2_queue_backlog) echo "main.consume" ;;
    v2_json_cache) echo "main.handle,encoding/json.Marshal" ;;
    v2_gogc400) echo "main.render,main.serve" ;;
    src3_pool_render) echo "main.NewRenderer.func1,main.(*Renderer).Render" ;;
    chatty) echo "main.renderPage,main.handleRequest" ;;
    slow) echo "main.produceChunk" ;;
    forced) echo "main.handleBatch" ;;
    *) echo "" ;;
  esac
}

# The verdict kind the diagnosis must give (meta.json ground_truth.kind; scripts/accuracy.sh compares against it).
# A leak run expects "leak", a pressure run "gc-pressure", every other no-leak run "healthy", except where the
# evidence cannot decide: leak_sparse has 2-3 gc lines, so "inconclusive" naming main.retainSession as a candidate.
expected_kind() {
  local run="$1" label="$2" pattern="$3"
  case "$run" in
    leak_sparse) echo inconclusive; return ;;
    # Fewer GC cycles than the trace needs, and the profiles see a plateau: nothing can say "healthy" yet.
    src5_sparse_orders_twin150) echo inconclusive; return ;;
    # Stopped after 6 s: the trace has cycles in only two windows after its warm-up, and the heap profiles report
    # allocations up to two GCs old, so the catalogue still filling is what they show; nothing can say "healthy" yet.
    src15_fast_map_twin_short) echo inconclusive; return ;;
    # The GOGC=200 burst twin's table fills over its first two GCs and its scratch buffers stay on the stack, so the
    # run has 3 cycles: too few for any rule, and what it must not be is a leak.
    src22_burst_cache_gogc200) echo inconclusive; return ;;
    # A slow leak over 7 cycles: the floor rose ~2 MB after warm-up and the site ~2.3 MB across the profiles, too
    # little for either source alone; what it must not be is healthy.
    src22_slow_drip_7gc) echo inconclusive; return ;;
    # Every frame goes back to the pool, which hands it out again: New runs only for the few frames in flight, so
    # there is neither kept memory nor pool churn to report.
    src28_gateway_codec_twin) echo healthy; return ;;
  esac
  case "$label:$pattern" in
    leak:*) echo leak ;;
    *:gc-pressure|*:memory-limit|*:sync-pool-misuse) echo gc-pressure ;;
    *) echo healthy ;;
  esac
}

# runtime.MemProfileRate (bytes) passed as -memprofilerate to runs with profiles; empty keeps Go's 512 KiB default.
# The leak runs sample every ~4 KiB so that map buckets (runtime.mapassign/hashGrow), func literal allocations and
# time.NewTicker's timer and channel appear in the growing stacks; the profiles stay small (stacks dedupe).
memprofilerate() {
  case "$1" in
    leak_map|leak_closure|leak_ticker|leak_goroutine|leak_resource) echo 4096 ;;
    *) echo "" ;;
  esac
}

# Source-reading runs (src_*): the program marks the line that allocates what leaks with "// SITE"; meta.json
# records it as ground_truth.site {file (as the profiles record it under -trimpath), line}. main.go is read first;
# when it has no marker, the program's other files and sub-packages (src3_*: second files, internal/...) are.
site_truth() {
  local prog="$1" line file="main.go" hit
  line=$(grep -n '// SITE' "$SRC/$prog/main.go" | head -1 | cut -d: -f1 || true)
  if [[ -z "$line" ]]; then
    hit=$(cd "$SRC/$prog" && grep -rn --include='*.go' '// SITE' . | sort | head -1 || true)
    file="${hit%%:*}"; file="${file#./}"
    line=$(cut -d: -f2 <<<"$hit")
  fi
  local path="gcfixtures/$prog/$file" pkg
  if [[ -z "$line" ]]; then
    # src18_*: the leak is inside a client library the program imports from fixtures/src/internal, which marks it.
    for pkg in $(cd "$SRC/$prog" && grep -rhoE --include='*.go' '"gcfixtures/internal/[A-Za-z0-9_]+"' . | tr -d '"' | sort -u); do
      [[ "$pkg" == gcfixtures/internal/harness ]] && continue
      hit=$(cd "$SRC/${pkg#gcfixtures/}" && grep -rn --include='*.go' '// SITE' . | sort | head -1 || true)
      [[ -n "$hit" ]] || continue
      file="${hit%%:*}"; path="$pkg/${file#./}"
      line=$(cut -d: -f2 <<<"$hit")
      break
    done
  fi
  if [[ -z "$line" ]]; then echo null; return; fi
  jq -n --arg file "$path" --argjson line "$line" '{file: $file, line: $line}'
}

# lines_oracles DIR FIRST LAST GFIRST GLAST : the line-level oracles of source-reading runs, what
# `go tool pprof -lines` ranks (the site's line must equal pprof's first line for the suspect's function):
#   heap-base-<a>-<b>.lines.txt      -top -lines -sample_index=inuse_space -base FIRST LAST   (flat order)
#   heap-base-<a>-<b>.lines-cum.txt  the same with -cum
#   goroutine-base-<a>-<b>.lines.txt -top -lines -base GFIRST GLAST   (where goroutines are parked)
#   heap-base-<a>-<b>.list.txt           -list 'main\.' -source_path fixtures/src -trim_path gcfixtures -base FIRST LAST
lines_oracles() {
  local dir="$1" first="$2" last="$3" gf="$4" gl="$5" a="${2#heap-}" b="${3#heap-}"
  pprof_top "$dir/heap-base-$a-$b.lines.txt" -lines -sample_index=inuse_space -base "$dir/$first.pb.gz" "$dir/$last.pb.gz"
  pprof_top "$dir/heap-base-$a-$b.lines-cum.txt" -lines -cum -sample_index=inuse_space -base "$dir/$first.pb.gz" "$dir/$last.pb.gz"
  pprof_top "$dir/goroutine-base-${gf#goroutine-}-${gl#goroutine-}.lines.txt" -lines -base "$dir/$gf.pb.gz" "$dir/$gl.pb.gz"
  go tool pprof -list 'main\.' -source_path "$SRC" -trim_path gcfixtures -sample_index=inuse_space \
    -base "$dir/$first.pb.gz" "$dir/$last.pb.gz" >"$dir/heap-base-$a-$b.list.txt" 2>/dev/null || true
}

# Goroutines that pile up (function names as in the goroutine profile), for meta.json.
leak_goroutines() {
  case "$1" in
    leak_goroutine) echo "main.spawnWaiter.func1,main.subscribe.func1" ;;
    leak_ticker) echo "main.pollLoop" ;;
    leak_resource) echo "net/http.(*persistConn).readLoop,net/http.(*persistConn).writeLoop,net/http.(*conn).serve" ;;
    src_ticker) echo "main.pollLoop" ;;
    src_goroutine) echo "main.callBackend.func1" ;;
    v2_lock_park) echo "main.flushShard,main.awaitReply" ;;
    v2_sleep_retry) echo "main.retryDelivery" ;;
    src2_probe_ticker) echo "main.(*Probe).loop" ;;
    src2_stage_recv) echo "main.(*Pipeline).decode" ;;
    src2_ledger_lock) echo "main.(*Ledger).apply" ;;
    src3_stats_ticker) echo "main.(*Reporter).run" ;;
    src3_fanout_wait) echo "main.(*Gatherer).Collect.func2" ;;
    src3_cond_broker) echo "gcfixtures/src3_cond_broker/internal/broker.(*Broker).wait" ;;
    src3_webhook_post) echo "net/http.(*persistConn).readLoop,net/http.(*persistConn).writeLoop,net/http.(*conn).serve" ;;
    src4_dead_stop) echo "main.(*Heartbeat).run" ;;
    src6_stream_producer) echo "main.(*Importer).split" ;;
    src6_lookup_timeout) echo "main.(*call).await" ;;
    src6_heartbeat_ticker) echo "main.(*Peer).heartbeat" ;;
    src8_first_result) echo "main.lookupPrice.func1" ;;
    src15_fast_park) echo "main.search.func1" ;;
    src8_fanout_pipe) echo "main.(*client).writePump" ;;
    src8_conn_ticker) echo "main.handleConn.func1" ;;
    src8_log_shipper) echo "net/http.(*persistConn).readLoop,net/http.(*persistConn).writeLoop,net/http.(*conn).serve" ;;
    src11_conn_poller) echo "main.poll" ;;
    src13_scan_pipeline) echo "main.(*Searcher).scanShard" ;;
    src13_peer_keepalive) echo "main.(*peer).keepalive" ;;
    src13_retry_client) echo "net/http.(*persistConn).readLoop,net/http.(*persistConn).writeLoop,net/http.(*conn).serve" ;;
    src14_monitor_start) echo "main.(*Monitor).loop" ;;
    src14_cond_board) echo "main.(*Board).await" ;;
    src7_first_reply) echo "gcfixtures/src7_first_reply/internal/replica.(*Set).ask" ;;
    src7_flush_lock) echo "main.flush,main.collect.func1" ;;
    src7_conn_stats) echo "main.(*Conn).reportStats" ;;
    src7_status_poll) echo "net/http.(*persistConn).readLoop,net/http.(*persistConn).writeLoop,net/http.(*conn).serve" ;;
    src12_mirror_race) echo "main.fetchFirst.func1" ;;
    src12_chat_rooms) echo "main.listen" ;;
    src12_session_stats) echo "main.startSession.func1" ;;
    src12_metrics_push) echo "net/http.(*persistConn).readLoop,net/http.(*persistConn).writeLoop,net/http.(*conn).serve" ;;
    src16_dedup_wait) echo "main.(*Task).await" ;;
    src17_scatter_gather) echo "main.gather[...].func1" ;;
    src17_upload_status) echo "net/http.(*persistConn).readLoop,net/http.(*persistConn).writeLoop,net/http.(*conn).serve" ;;
    src18_conn_meter) echo "gcfixtures/internal/src18stats.(*Counter).flushLoop" ;;
    src18_upload_stream) echo "gcfixtures/internal/src18rpc.(*Stream).reassemble" ;;
    src19_pipeline_stall) echo "main.(*Pipeline).transform,main.(*Pipeline).generate" ;;
    src23_report_timeout) echo "main.(*ReportHandler).ServeHTTP.func1" ;;
    src23_quote_gateway) echo "net/http.(*persistConn).readLoop,net/http.(*persistConn).writeLoop,net/http.(*conn).serve" ;;
    src23_event_stream) echo "main.(*subscriber).heartbeat" ;;
    src24_shard_workers) echo "main.parseWorker,main.importFile.func1" ;;
    src25_deploy_probes) echo "main.(*job).loop" ;;
    src33_client_writers) echo "main.(*client).writeLoop" ;;
    src32_resolve_timeout) echo "main.(*Resolver).exchange" ;;
    src32_target_health) echo "main.(*Watcher).check" ;;
    src34_conn_poller) echo "main.(*ConnectionPoller).runTask" ;;
    src35_pod_watchers) echo "main.(*Controller).watchPods" ;;
    src38_match_results) echo "main.(*Match).simulate" ;;
    src39_target_results) echo "main.(*collector).run" ;;
    *) echo "" ;;
  esac
}

if [[ $LIST -eq 1 ]]; then
  printf '%s\n' "${RUNS[@]}" | awk -F'|' 'BEGIN { printf "%-15s %-15s %4s %5s %-8s %-28s %s %-8s %-19s %s\n", "run", "program", "secs", "GOGC", "MEMLIMIT", "GODEBUG", "prof", "label", "pattern", "leak_functions" }
    { printf "%-15s %-15s %4s %5s %-8s %-28s %4s %-8s %-19s %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 }'
  exit 0
fi

# Validate --only names.
for o in "${ONLY[@]+"${ONLY[@]}"}"; do
  found=0
  for r in "${RUNS[@]}"; do [[ "${r%%|*}" == "$o" ]] && found=1; done
  [[ $found -eq 1 ]] || { echo "unknown run '$o'; known: $(printf '%s ' "${RUNS[@]%%|*}")" >&2; exit 2; }
done

# ---------------------------------------------------------------------------------------------
# Tools.
need_apt=()
command -v go >/dev/null 2>&1 || need_apt+=(golang-go)
command -v jq >/dev/null 2>&1 || need_apt+=(jq)
if [[ ${#need_apt[@]} -gt 0 ]]; then
  echo "== installing ${need_apt[*]} (apt-get)"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update && $SUDO apt-get install -y "${need_apt[@]}"
fi
GO_VERSION="$(go version)"
# Realtime priority for the fixture programs when the host allows it (root or CAP_SYS_NICE); else nothing.
RT=()
if command -v chrt >/dev/null 2>&1 && chrt -f 10 true >/dev/null 2>&1; then RT=(chrt -f 10); fi
HOST_OS="$( (. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-unknown}") || uname -s)"
NCPU="$(nproc 2>/dev/null || echo 0)"

BIN="$(mktemp -d "${TMPDIR:-/tmp}/gen-fixtures.XXXXXX")"
trap 'rm -rf "$BIN"' EXIT

echo "== building fixture programs ($GO_VERSION)"
(cd "$SRC" && GOPROXY=off GOFLAGS=-buildvcs=false GOWORK=off go build -trimpath -o "$BIN/" ./...)

mkdir -p "$OUT"

# ---------------------------------------------------------------------------------------------
# Helpers.

# pprof_top OUTFILE ARGS... : one oracle; stderr is dropped (pprof is silent for local proto files).
pprof_top() {
  local outf="$1"; shift
  if ! go tool pprof -top -nodefraction=0 "$@" >"$outf" 2>"$outf.err"; then
    echo "   pprof failed for $outf: $(head -c 300 "$outf.err")" >&2
  fi
  rm -f "$outf.err"
}

# observe LOG : prints a JSON object with the counts found in the log.
observe() {
  local log="$1"
  local full_re='^gc [0-9]+ @[0-9]+\.[0-9]{3}s [0-9]+%: [0-9.]+\+[0-9.]+\+[0-9.]+ ms clock, [0-9.]+\+[0-9.]+/[0-9.]+/[0-9.]+\+[0-9.]+ ms cpu, [0-9]+->[0-9]+->[0-9]+ MB, [0-9]+ MB goal, [0-9]+ MB stacks, [0-9]+ MB globals, [0-9]+ P( \(forced\))?$'
  local gc_n_at gc_max complete forced split_heads tails log_lines scav scav_forced pacer sched gcforced
  gc_n_at=$(grep -oE 'gc [0-9]+ @' "$log" | wc -l || true)
  gc_max=$(grep -oE 'gc [0-9]+' "$log" | awk '{ if ($2+0 > m) m = $2+0 } END { print m+0 }' || true)
  complete=$(grep -cE "$full_re" "$log" || true)
  forced=$(grep -E "$full_re" "$log" | grep -c '(forced)$' || true)
  # lines that contain "gc N" but are not a complete gc line: the head of a split gc line
  split_heads=$(grep -E 'gc [0-9]+' "$log" | grep -cvE "$full_re" || true)
  # lines that hold the rest of a gc line without its "gc N" head (tails land on a later line)
  tails=$(grep -vE 'gc [0-9]+' "$log" | grep -cE 'ms clock|ms cpu|MB goal|MB stacks|MB globals| P$| P \(forced\)$' || true)
  log_lines=$(wc -l <"$log")
  scav=$(grep -cE '^scav [0-9]+ KiB work' "$log" || true)
  scav_forced=$(grep -E '^scav [0-9]+ KiB work' "$log" | grep -c '(forced)$' || true)
  pacer=$(grep -c '^pacer: ' "$log" || true)
  sched=$(grep -c '^SCHED ' "$log" || true)
  gcforced=$(grep -c '^GC forced$' "$log" || true)
  # live heap (H2) and goal from complete lines
  local heapstats
  heapstats=$(grep -E "$full_re" "$log" | awk '
    { for (i = 1; i <= NF; i++) {
        if ($(i+1) == "MB," && $i ~ /->/) { split($i, h, "->"); live = h[3] + 0 }
        if ($(i+1) == "MB" && $(i+2) == "goal,") goal = $i + 0 }
      n++; if (n == 1) { lf = live; gmin = goal; gmax = goal; lmin = live; lmax = live }
      ll = live; gl = goal
      if (goal < gmin) gmin = goal; if (goal > gmax) gmax = goal
      if (live < lmin) lmin = live; if (live > lmax) lmax = live }
    END { if (n == 0) print "null null null null null null null"; else print lf, ll, lmin, lmax, gmin, gmax, gl }' || true)
  read -r lf ll lmin lmax gmin gmax gl <<<"$heapstats"
  jq -n --argjson gc_n_at "$gc_n_at" --argjson gc_max "$gc_max" --argjson complete "$complete" \
    --argjson forced "$forced" --argjson split_heads "$split_heads" --argjson tails "$tails" \
    --argjson log_lines "$log_lines" --argjson scav "$scav" --argjson scav_forced "$scav_forced" \
    --argjson pacer "$pacer" --argjson sched "$sched" --argjson gcforced "$gcforced" \
    --argjson lf "$lf" --argjson ll "$ll" --argjson lmin "$lmin" --argjson lmax "$lmax" \
    --argjson gmin "$gmin" --argjson gmax "$gmax" --argjson gl "$gl" '{
      gc_lines: $gc_n_at, max_gc_number: $gc_max, complete_gc_lines: $complete,
      split_gc_lines: $split_heads, gc_tail_fragments: $tails, forced_gc_lines: $forced,
      log_lines: $log_lines,
      line_kinds: {scav: $scav, scav_forced: $scav_forced, pacer: $pacer, sched: $sched, gc_forced_2min: $gcforced},
      live_mb: {first: $lf, last: $ll, min: $lmin, max: $lmax},
      goal_mb: {min: $gmin, max: $gmax, last: $gl}
    }'
}

# profile_summary DIR : JSON with profile counts and first/last totals.
profile_summary() {
  local d="$1" heaps gors first last gfirst glast
  heaps=("$d"/heap-[0-9][0-9][0-9].pb.gz)
  gors=("$d"/goroutine-[0-9][0-9][0-9].txt)
  [[ -e "${heaps[0]}" ]] || { echo null; return; }
  first=$(basename "${heaps[0]}" .pb.gz); last=$(basename "${heaps[-1]}" .pb.gz)
  gfirst=$(head -1 "${gors[0]}" | awk '{print $NF}'); glast=$(head -1 "${gors[-1]}" | awk '{print $NF}')
  total_of() { sed -n 's/^Showing nodes accounting for .* of \(.*\) total$/\1/p' "$1" | head -1; }
  jq -n --argjson nheap "${#heaps[@]}" --argjson ngor "${#gors[@]}" \
    --arg fi "$(total_of "$d/$first.inuse_space.top.txt")" --arg li "$(total_of "$d/$last.inuse_space.top.txt")" \
    --arg la "$(total_of "$d/$last.alloc_space.top.txt")" \
    --argjson gf "${gfirst:-null}" --argjson gl "${glast:-null}" \
    --arg firstf "$first.pb.gz" --arg lastf "$last.pb.gz" '{
      heap: $nheap, goroutine_pb: $ngor, goroutine_txt: $ngor, heap_debug1: ["heap-last.debug1.txt"],
      first_heap: $firstf, last_heap: $lastf,
      inuse_space_total_first: $fi, inuse_space_total_last: $li, alloc_space_total_last: $la,
      goroutines_first: $gf, goroutines_last: $gl
    }'
}

# run_one "table row"
run_one() {
  local run prog secs gogc memlimit godebug profiles label pattern leakf note
  IFS='|' read -r run prog secs gogc memlimit godebug profiles label pattern leakf note <<<"$1"
  if [[ $QUICK -eq 1 ]]; then secs=$(( (secs + 1) / 2 )); [[ $secs -lt 3 ]] && secs=3; fi
  local dir="$OUT/$run"
  rm -rf "$dir"; mkdir -p "$dir"

  local -a envs=(GODEBUG="$godebug" GOGC="$gogc" GOMAXPROCS=2)
  [[ -n "$memlimit" ]] && envs+=(GOMEMLIMIT="$memlimit")
  local -a argv=("./$prog" -duration "${secs}s")
  [[ "$profiles" == 1 ]] && argv+=(-profiles . -profile-interval 1s)
  local mpr; mpr=$(memprofilerate "$run")
  [[ "$profiles" == 1 && -n "$mpr" ]] && argv+=(-memprofilerate "$mpr")
  local cmd="${envs[*]} ${argv[*]} 2>&1 | gctrace-pipe   # captured as combined.log"

  echo "== $run: ${envs[*]} ${argv[*]}"
  local t0 t1 rc start_iso
  start_iso=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
  t0=$(date +%s.%N)
  set +e
  (cd "$dir" && env -u GOMEMLIMIT -u GOTRACEBACK "${envs[@]}" ${RT[@]+"${RT[@]}"} "$BIN/$prog" "${argv[@]:1}" 2>&1 | cat >combined.log)
  rc=$?
  set -e
  t1=$(date +%s.%N)

  local prof_json=null
  if [[ "$profiles" == 1 ]]; then
    local heaps gors first last gf gl
    heaps=("$dir"/heap-[0-9][0-9][0-9].pb.gz)
    gors=("$dir"/goroutine-[0-9][0-9][0-9].pb.gz)
    if [[ -e "${heaps[0]}" ]]; then
      first=$(basename "${heaps[0]}" .pb.gz); last=$(basename "${heaps[-1]}" .pb.gz)
      for h in "$first" "$last"; do
        pprof_top "$dir/$h.inuse_space.top.txt" -sample_index=inuse_space "$dir/$h.pb.gz"
        pprof_top "$dir/$h.alloc_space.top.txt" -sample_index=alloc_space "$dir/$h.pb.gz"
      done
      pprof_top "$dir/heap-diffbase-${first#heap-}-${last#heap-}.top.txt" -sample_index=inuse_space \
        -diff_base "$dir/$first.pb.gz" "$dir/$last.pb.gz"
      gf=$(basename "${gors[0]}" .pb.gz); gl=$(basename "${gors[-1]}" .pb.gz)
      pprof_top "$dir/$gf.top.txt" "$dir/$gf.pb.gz"
      pprof_top "$dir/$gl.top.txt" "$dir/$gl.pb.gz"
      # Every source-reading program (src_, src2_, ... src13_) gets the -lines oracles the site comparison uses.
      if [[ "$prog" == src* ]]; then lines_oracles "$dir" "$first" "$last" "$gf" "$gl"; fi
    else
      echo "   WARNING: $run wrote no heap profiles" >&2
    fi
    prof_json=$(profile_summary "$dir")
  fi

  local obs
  obs=$(observe "$dir/combined.log")
  jq -n --arg name "$run" --arg program "$prog" --arg command "$cmd" \
    --argjson argv "$(printf '%s\n' "${argv[@]}" | jq -R . | jq -s .)" \
    --arg godebug "$godebug" --arg gogc "$gogc" --arg memlimit "$memlimit" \
    --arg gov "$GO_VERSION" --arg os "$HOST_OS" --argjson cpus "$NCPU" \
    --arg start "$start_iso" --argjson req "$secs" \
    --argjson actual "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}')" \
    --argjson rc "$rc" --arg lbl "$label" --arg pattern "$pattern" \
    --arg leakf "$leakf" --argjson site "$(site_truth "$prog")" --arg hot "$(hot_functions "$run")" --arg lgor "$(leak_goroutines "$run")" --arg note "$note" \
    --argjson rc "$rc" --arg lbl "$label" --arg pattern "$pattern" --arg kind "$(expected_kind "$run" "$label" "$pattern")" \
    --arg leakf "$leakf" --arg hot "$(hot_functions "$run")" --arg lgor "$(leak_goroutines "$run")" --arg note "$note" \
    --argjson quick "$([[ $QUICK -eq 1 ]] && echo true || echo false)" \
    --argjson realtime "$([[ ${#RT[@]} -gt 0 ]] && echo true || echo false)" \
    --argjson profiles "$prof_json" --argjson observed "$obs" '{
      name: $name, program: $program, source: ("fixtures/src/" + $program + "/main.go"),
      command: $command, argv: $argv,
      env: {GODEBUG: $godebug, GOGC: $gogc, GOMAXPROCS: "2",
            GOMEMLIMIT: (if $memlimit == "" then null else $memlimit end)},
      go_version: $gov, host: {os: $os, cpus: $cpus}, quick: $quick, realtime: $realtime,
      start_time: $start, duration_requested_s: $req, duration_actual_s: $actual, exit_code: $rc,
      ground_truth: {label: $lbl, kind: $kind, pattern: $pattern,
        leak_functions: ($leakf | split(",") | map(select(. != ""))),
        site: (if $lbl == "leak" then $site else null end),
        leak_goroutines: ($lgor | split(",") | map(select(. != ""))),
        hot_alloc_functions: ($hot | split(",") | map(select(. != ""))),
        note: $note},
      gc_lines: $observed.gc_lines, max_gc_number: $observed.max_gc_number,
      split_gc_lines: $observed.split_gc_lines,
      log_bytes: null,
      profiles: $profiles, observed: $observed
    }' >"$dir/meta.json"
  # fill in log size (kept separate so the jq call above stays readable)
  local tmp; tmp=$(mktemp)
  jq --argjson b "$(wc -c <"$dir/combined.log")" '.log_bytes = $b' "$dir/meta.json" >"$tmp" && mv "$tmp" "$dir/meta.json"
  jq -r '"   exit=\(.exit_code) gc_lines=\(.gc_lines) max_gc=\(.max_gc_number) split=\(.split_gc_lines) log=\(.log_bytes)B" +
         (if .profiles then " heaps=\(.profiles.heap) inuse \(.profiles.inuse_space_total_first) -> \(.profiles.inuse_space_total_last) goroutines \(.profiles.goroutines_first) -> \(.profiles.goroutines_last)" else "" end)' \
    "$dir/meta.json"
}

# ---------------------------------------------------------------------------------------------
T_START=$(date +%s)
for row in "${RUNS[@]}"; do
  name="${row%%|*}"
  if [[ ${#ONLY[@]} -gt 0 ]]; then
    sel=0; for o in "${ONLY[@]}"; do [[ "$o" == "$name" ]] && sel=1; done
    [[ $sel -eq 1 ]] || continue
  fi
  run_one "$row"
done

# Index of every run present (rebuilt from meta.json files, so --only keeps it complete).
{
  echo "# Generated Go runtime fixtures"
  echo
  echo "Generated by \`scripts/gen-fixtures.sh\` from \`fixtures/src/\` ($GO_VERSION, GOMAXPROCS=2)."
  echo "Each folder: \`combined.log\` (stdout+stderr as one pipe), \`meta.json\` (command, env, ground truth, counts);"
  echo "profile runs also hold \`heap-NNN.pb.gz\`, \`goroutine-NNN.pb.gz\`, \`goroutine-NNN.txt\` (debug=1, every 1 s),"
  echo "\`heap-last.debug1.txt\`, \`manifest.json\` and \`go tool pprof -top -nodefraction=0\` oracles (\`*.top.txt\`)."
  echo "\`gc lines\` counts \`gc N @\` occurrences; \`split\` counts lines holding \`gc N\` that are not a complete gc line."
  echo
  echo "| run | label | pattern | leak functions | gc lines | max gc | split | GOGC | GOMEMLIMIT | GODEBUG | heaps | goroutines first→last | log bytes |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for m in "$OUT"/*/meta.json; do
    [[ -e "$m" ]] || continue
    jq -r '"| \(.name) | \(.ground_truth.label) | \(.ground_truth.pattern) | \(.ground_truth.leak_functions | join(", ")) | \(.gc_lines) | \(.max_gc_number) | \(.split_gc_lines) | \(.env.GOGC) | \(.env.GOMEMLIMIT // "") | \(.env.GODEBUG) | \(.profiles.heap // "") | \(if .profiles then "\(.profiles.goroutines_first)→\(.profiles.goroutines_last)" else "" end) | \(.log_bytes) |"' "$m"
  done
} >"$OUT/README.md"

echo "== done in $(( $(date +%s) - T_START ))s; $(du -sh "$OUT" | cut -f1) in $OUT"
