#!/usr/bin/env bash
# bench.sh - end-to-end benchmarks of gctrace-pipe against baselines run in the same go (docs/benchmarks.md).
#
# Usage
#   scripts/bench.sh            ~1 GB mixed log, 256 MB gc-only log, ~1.5 M-line all-kinds log, RSS at 1x and 10x (10 GB
#                               read), 10 M cycles through stdin
#   scripts/bench.sh --quick    ~100 MB mixed log, 64 MB gc-only log, ~300 k-line all-kinds log, RSS at 1x and 10x (1 GB
#                               read), 1 M cycles through stdin
#   scripts/bench.sh --dotnet   the BenchmarkDotNet project (tests/GcTrace.Benchmarks), short job
#   COMPARE=main scripts/bench.sh [--quick]
#                               also builds COMPARE (any git ref) the same way and measures it in the same run, row by row,
#                               alternating with this checkout: before/after figures under the same load
#   REUSE_BUILDS=1 ...          measure the binaries an earlier run published into the same BENCH_DIR again
#
# What it does
#   1. Builds the inputs under $BENCH_DIR (default /tmp/gctrace-bench) from REAL fixtures only: application lines and
#      whole gc lines of fixtures/corpus/go1.19/edge_interleaved_writes and fixtures/runs/*/combined.log, laid out as
#      99 application lines then one gc line (1% gc lines), and a log of gc lines only. Cycle numbers are not renumbered,
#      so the analyzer sees many restarts: that is more work for it, not less. The all-kinds log is what
#      GODEBUG=gctrace=1,scavtrace=1,gcpacertrace=1 (plus gctrace=2's scan lines and schedtrace) prints: per gc line the
#      pacer's start and end lines and a scav line, the scan lines of every 8th cycle, a SCHED line every 100 cycles, all
#      real lines of the fixtures.
#   2. Publishes the CLI in Release, Native AOT if it builds here, else ReadyToRun.
#   3. Runs each command RUNS times (median wall time) next to its baseline: `wc -l` on the same file; start-up with
#      hyperfine (40 direct starts) next to `true`.
#      Peak RSS comes from /usr/bin/time -v. 10x input = the same file given ten times on one command line.
#   4. Prints a Markdown table of ratios, so a noisy machine shows in the baseline as well.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${BENCH_DIR:-/tmp/gctrace-bench}
runs=${RUNS:-5}
mode=full
case "${1:-}" in
  --quick) mode=quick ;;
  --dotnet) mode=dotnet ;;
  "") ;;
  *) echo "usage: $0 [--quick|--dotnet]" >&2; exit 2 ;;
esac

if [ "$mode" = dotnet ]; then
  exec dotnet run -c Release --project "$root/tests/GcTrace.Benchmarks" -- --job short --filter '*' "${@:2}"
fi

need() { command -v "$1" > /dev/null || { apt-get update -qq && apt-get install -y -qq "$2" > /dev/null; }; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time > /dev/null; }
need awk gawk

mkdir -p "$dir"
if [ "$mode" = quick ]; then blocks=1; gc_mb=64; kinds_cycles=75000; stdin_cycles=1000000
else blocks=10; gc_mb=256; kinds_cycles=350000; stdin_cycles=10000000; fi

# ---- inputs ---------------------------------------------------------------------------------------------------------
srcs=("$root"/fixtures/corpus/go1.19/edge_interleaved_writes/combined.log "$root"/fixtures/runs/*/combined.log)
# Application lines: every line that is neither trace output nor a piece of a split gc line.
cat "${srcs[@]}" | grep -E '^[A-Za-z[]' \
  | grep -Ev '(^|[[:space:]])(gc |GC forced|scav |scvg|forced scvg|pacer: |SCHED |scan: )|ms clock|ms cpu|MB goal|MB globals|->' \
  > "$dir/app.pool"
# Whole gc lines as the runtime printed them.
grep -hE '^gc [0-9]+ @[0-9.]+s [0-9]+%: .* P( \(forced\))?$' "${srcs[@]}" > "$dir/gc.pool"
# One ~100 MB block: 99 application lines then one gc line, cycling through both pools.
awk -v n=15000 'NR == FNR { gc[g++] = $0; next } { app[a++] = $0 }
  END { for (i = 0; i < n; i++) { for (k = 0; k < 99; k++) print app[(i * 99 + k) % a]; print gc[i % g] } }' \
  "$dir/gc.pool" "$dir/app.pool" > "$dir/mixed.block"
mixed=$dir/mixed-$mode.log
gconly=$dir/gc-only-$mode.log
: > "$mixed"
for ((i = 0; i < blocks; i++)); do cat "$dir/mixed.block" >> "$mixed"; done
: > "$gconly"
while [ "$(stat -c %s "$gconly")" -lt $((gc_mb << 20)) ]; do cat "$dir/gc.pool" >> "$gconly"; done
# Every other trace kind, whole real lines of all fixtures (go1.19 and go1.26 runs).
all_srcs=("$root"/fixtures/corpus/*/*/combined.log "$root"/fixtures/runs/*/combined.log)
grep -hE '^scav [0-9]+ KiB work' "${all_srcs[@]}" > "$dir/scav.pool"
grep -hE '^pacer: assist ratio=' "${all_srcs[@]}" > "$dir/pacer-start.pool"
grep -hE '^pacer: [0-9]+% CPU' "${all_srcs[@]}" > "$dir/pacer-end.pool"
grep -hE '^scan: ' "${all_srcs[@]}" > "$dir/scan.pool"
grep -hE '^SCHED [0-9]+ms: ' "${all_srcs[@]}" > "$dir/sched.pool"
kinds=$dir/all-kinds-$mode.log
awk -v n="$kinds_cycles" -v pools="$dir/gc.pool $dir/scav.pool $dir/pacer-start.pool $dir/pacer-end.pool $dir/scan.pool $dir/sched.pool" '
  BEGIN { k = split(pools, f, " "); for (p = 1; p <= k; p++) while ((getline l < f[p]) > 0) pool[p, c[p]++] = l
    for (i = 0; i < n; i++) {
      print pool[3, i % c[3]]; print pool[4, i % c[4]]; print pool[1, i % c[1]]; print pool[2, i % c[2]]
      if (i % 8 == 0) for (s = 0; s < 3; s++) print pool[5, (i / 8 * 3 + s) % c[5]]
      if (i % 100 == 0) print pool[6, (i / 100) % c[6]]
    } }' > "$kinds"

# ---- publish --------------------------------------------------------------------------------------------------------
# Native AOT compiles for the x64 baseline (128-bit vectors; Avx2.IsSupported is a compile-time false there), so on a
# machine with the x86-64-v3 features (AVX2, BMI1/2, FMA, LZCNT, MOVBE) the benchmark publishes for that level, as a
# user would for their servers; ISA=baseline forces the portable build. Both are documented in docs/benchmarks.md.
isa=${ISA:-auto}
if [ "$isa" = auto ]; then
  isa=baseline
  flags=$(grep -m1 '^flags' /proc/cpuinfo)
  v3=1; for f in avx2 bmi1 bmi2 fma lzcnt movbe; do [[ " $flags " == *" $f "* ]] || { [ $f = lzcnt ] && [[ " $flags " == *" abm "* ]]; } || v3=0; done
  [ $v3 = 1 ] && isa=x86-64-v3
fi
ilc=(); [ "$isa" != baseline ] && ilc=(-p:IlcInstructionSet=$isa)
# publish SOURCE_ROOT OUT: Native AOT if it builds here, else ReadyToRun; prints which. REUSE_BUILDS=1 keeps a binary
# published by an earlier run of this script in the same BENCH_DIR (re-running the measurements only).
publish() {
  if [ "${REUSE_BUILDS:-0}" = 1 ] && [ -x "$2/gctrace-pipe" ]; then
    if [ -e "$2/gctrace-pipe.dbg" ]; then echo "Native AOT ($isa)"; else echo "ReadyToRun"; fi
    return
  fi
  rm -rf "$2"
  if dotnet publish "$1/src/GcTrace.Cli" -c Release -p:PublishAot=true "${ilc[@]}" -o "$2" > "$2.log" 2>&1; then
    echo "Native AOT ($isa)"
  else
    dotnet publish "$1/src/GcTrace.Cli" -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -o "$2" > "$2.log" 2>&1
    echo "ReadyToRun"
  fi
}
pub=$dir/publish
form=$(publish "$root" "$pub")
bins=("$pub/gctrace-pipe")
labels=("this checkout, $(git -C "$root" rev-parse --short HEAD)")
if [ -n "${COMPARE:-}" ]; then
  # The other build from a clean export of the ref, published the same way.
  if [ "${REUSE_BUILDS:-0}" != 1 ] || [ ! -x "$dir/publish-compare/gctrace-pipe" ]; then
    rm -rf "$dir/compare-src"
    mkdir -p "$dir/compare-src"
    git -C "$root" archive "$COMPARE" | tar -x -C "$dir/compare-src"
  fi
  cform=$(publish "$dir/compare-src" "$dir/publish-compare")
  [ "$cform" = "$form" ] || echo "bench.sh: $COMPARE built as $cform, this checkout as $form" >&2
  bins+=("$dir/publish-compare/gctrace-pipe")
  labels+=("$COMPARE, $(git -C "$root" rev-parse --short "$COMPARE")")
fi

# ---- measuring ------------------------------------------------------------------------------------------------------
# Median wall seconds of $runs runs of "$@" (output discarded), then a space and the median cpu seconds (user + sys): on a
# shared machine the cpu time shows the work when other load stretches the wall time.
median() {
  local t=() c=() f
  f=$(mktemp)
  for ((r = 0; r < runs; r++)); do
    local s e
    s=$(date +%s.%N); /usr/bin/time -f '%U %S' -o "$f" "$@" > /dev/null 2>&1; e=$(date +%s.%N)
    t+=("$(echo "$e - $s" | bc -l)")
    c+=("$(awk '{ print $1 + $2 }' "$f")")
  done
  rm -f "$f"
  echo "$(printf '%s\n' "${t[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')" \
    "$(printf '%s\n' "${c[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
}
wall() { echo "${1% *}"; }
cpu() { echo "${1#* }"; }
# Peak RSS in MiB of "$@".
rss() { /usr/bin/time -v "$@" 2>&1 > /dev/null | awk -F': ' '/Maximum resident/ { printf "%.1f", $2 / 1024 }'; }
need bc bc
ratio() { echo "scale=2; $1 / $2" | bc -l | sed 's/^\./0./'; }
ms() { echo "scale=1; $1 * 1000 / 1" | bc -l | sed 's/^\./0./'; }
persec() { echo "$1 / $2" | bc; }

# The stdin input: the gc pool renumbered into one growing series (cycle numbers and @ times rise), 1 M cycles per copy.
cycles=$dir/cycles.log
# Each pool line's text after "@S.SSSs" is cut once; the loop only prints numbers (a regex per line took minutes).
[ -s "$cycles" ] || awk '{ t = substr($0, index($0, " @") + 2); tail[g++] = substr(t, index(t, "s ")) } END {
    for (i = 0; i < 1000000; i++) printf "gc %d @%d.%03d%s\n", i + 1, int(i / 20), (i % 20) * 50, tail[i % g] }' \
  "$dir/gc.pool" > "$cycles"
reps=$(( (stdin_cycles + 999999) / 1000000 ))
rss_stdin() {
  { for ((k = 0; k < reps; k++)); do cat "$cycles"; done; } | /usr/bin/time -v "$1" --json /dev/null 2>&1 > /dev/null \
    | awk -F': ' '/Maximum resident/ { printf "%.1f", $2 / 1024 }'
}

cat "$mixed" "$gconly" "$kinds" "$cycles" > /dev/null # page cache: every side reads from memory
mixed_mb=$(( $(stat -c %s "$mixed") >> 20 ))
gc_lines=$(wc -l < "$gconly")
kinds_lines=$(wc -l < "$kinds")
kinds_gc=$(grep -c '^gc ' "$kinds")

# One speed row per input: `wc -l` before and after the builds (the faster baseline counts), the builds in between, so
# that load on the machine hits all alike.
declare -A T
speed() { # name file
  local a b
  a=$(median wc -l "$2")
  for ((j = 0; j < ${#bins[@]}; j++)); do
    local m
    m=$(median "${bins[$j]}" "$2" --json /dev/null)
    T[$1,$j]=$(wall "$m"); T[$1,$j,cpu]=$(cpu "$m")
  done
  b=$(median wc -l "$2")
  T[$1,wc]=$(printf '%s\n%s\n' "$(wall "$a")" "$(wall "$b")" | sort -g | head -1)
}
speed mixed "$mixed"
speed gc "$gconly"
speed kinds "$kinds"
# Start-up: hyperfine starts each command directly (no shell) 40 times after 5 warm-ups; the mean in seconds.
need hyperfine hyperfine
startup() {
  local f; f=$(mktemp)
  hyperfine -N --warmup 5 --runs 40 --export-json "$f" "$*" > /dev/null 2>&1
  awk -F': ' '/"mean"/ { gsub(/[ ,]/, "", $2); print $2; exit }' "$f"; rm -f "$f"
}
small_log=$root/fixtures/corpus/go1.19/forced/combined.log
t_true=$(startup /bin/true)
t_echo=$(startup /bin/echo)
ten=(); for ((i = 0; i < 10; i++)); do ten+=("$mixed"); done
declare -A R
for ((j = 0; j < ${#bins[@]}; j++)); do
  R[ver,$j]=$(startup "${bins[$j]}" --version)
  R[small,$j]=$(startup "${bins[$j]}" "$small_log" --json /dev/null)
  R[mixed,$j]=$(rss "${bins[$j]}" "$mixed" --json /dev/null)
  R[ten,$j]=$(rss "${bins[$j]}" "${ten[@]}" --json /dev/null)
  R[gc,$j]=$(rss "${bins[$j]}" "$gconly" --json /dev/null)
  R[kinds,$j]=$(rss "${bins[$j]}" "$kinds" --json /dev/null)
  R[stdin,$j]=$(rss_stdin "${bins[$j]}")
done

for ((j = 0; j < ${#bins[@]}; j++)); do
cat <<EOF

gctrace-pipe benchmarks ($mode, $form, ${labels[$j]}, $(nproc) cores, $(date -u +%Y-%m-%d), median of $runs runs, load $(cut -d' ' -f1-3 /proc/loadavg))

| measure | command | input | ours | baseline (same run) | ratio | target |
|---|---|---|---|---|---|---|
| mixed log speed | \`gctrace-pipe FILE --json /dev/null\` | ${mixed_mb} MiB, 1% gc lines | $(ms "${T[mixed,$j]}") ms (cpu $(ms "${T[mixed,$j,cpu]}") ms) | \`wc -l\` $(ms "${T[mixed,wc]}") ms | speed $(ratio "${T[mixed,wc]}" "${T[mixed,$j]}")x of wc | >= 0.5x |
| gc lines per second | \`gctrace-pipe FILE --json /dev/null\` | ${gc_lines} gc lines | $(persec "$gc_lines" "${T[gc,$j]}") lines/s (per cpu-second $(persec "$gc_lines" "${T[gc,$j,cpu]}")) | \`wc -l\` $(ms "${T[gc,wc]}") ms | speed $(ratio "${T[gc,wc]}" "${T[gc,$j]}")x of wc | >= 2,000,000/s |
| all kinds, lines per second | \`gctrace-pipe FILE --json /dev/null\` | ${kinds_lines} lines (${kinds_gc} gc; scav, pacer, scan, SCHED) | $(persec "$kinds_lines" "${T[kinds,$j]}") lines/s (per cpu-second $(persec "$kinds_lines" "${T[kinds,$j,cpu]}")) | \`wc -l\` $(ms "${T[kinds,wc]}") ms | speed $(ratio "${T[kinds,wc]}" "${T[kinds,$j]}")x of wc | >= 1,500,000/s |
| peak RSS 1x | \`gctrace-pipe FILE --json /dev/null\` | ${mixed_mb} MiB | ${R[mixed,$j]} MiB | | | <= 64 MiB |
| peak RSS 10x | \`gctrace-pipe FILE x10 --json /dev/null\` | $((mixed_mb * 10)) MiB | ${R[ten,$j]} MiB | 1x ${R[mixed,$j]} MiB | $(ratio "${R[ten,$j]}" "${R[mixed,$j]}")x | <= 1.10x |
| peak RSS gc-only | \`gctrace-pipe FILE --json /dev/null\` | ${gc_lines} gc lines | ${R[gc,$j]} MiB | | | <= 64 MiB |
| peak RSS all kinds | \`gctrace-pipe FILE --json /dev/null\` | ${kinds_lines} lines | ${R[kinds,$j]} MiB | | | <= 64 MiB |
| peak RSS stdin | \`cat CYCLES... \| gctrace-pipe --json /dev/null\` | $((reps * 1000000)) cycles, one rising series per copy | ${R[stdin,$j]} MiB | | | <= 64 MiB |
| start-up | \`gctrace-pipe --version\` (hyperfine mean) | | $(ms "${R[ver,$j]}") ms | \`true\` $(ms "$t_true") ms, \`/bin/echo\` $(ms "$t_echo") ms | $(ratio "${R[ver,$j]}" "$t_echo")x of echo | < 20 ms |
| start-up with input | \`gctrace-pipe FILE --json /dev/null\` (hyperfine mean) | fixtures/corpus/go1.19/forced, $(wc -l < "$small_log") lines | $(ms "${R[small,$j]}") ms | \`true\` $(ms "$t_true") ms | | (none; see start-up) |
EOF
done
