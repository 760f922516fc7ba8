#!/usr/bin/env bash
# bench.sh - end-to-end benchmarks of gctrace-pipe against baselines run in the same go (docs/benchmarks.md).
#
# Usage
#   scripts/bench.sh            ~1 GB mixed log, 256 MB gc-only log, RSS at 1x and 10x (10 GB read)
#   scripts/bench.sh --quick    ~100 MB mixed log, 64 MB gc-only log, RSS at 1x and 10x (1 GB read)
#   scripts/bench.sh --dotnet   the BenchmarkDotNet project (tests/GcTrace.Benchmarks), short job
#
# What it does
#   1. Builds the inputs under $BENCH_DIR (default /tmp/gctrace-bench) from REAL fixtures only: application lines and
#      whole gc lines of fixtures/corpus/go1.19/edge_interleaved_writes and fixtures/runs/*/combined.log, laid out as
#      99 application lines then one gc line (1% gc lines), and a log of gc lines only. Cycle numbers are not renumbered,
#      so the analyzer sees many restarts: that is more work for it, not less.
#   2. Publishes the CLI in Release, Native AOT if it builds here, else ReadyToRun.
#   3. Runs each command RUNS times (median wall time) next to its baseline: `wc -l` on the same file, `true` for start-up.
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
if [ "$mode" = quick ]; then blocks=1; gc_mb=64; else blocks=10; gc_mb=256; fi

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

# ---- publish --------------------------------------------------------------------------------------------------------
pub=$dir/publish
rm -rf "$pub"
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
if dotnet publish "$root/src/GcTrace.Cli" -c Release -p:PublishAot=true "${ilc[@]}" -o "$pub" > "$dir/publish-aot.log" 2>&1; then
  form="Native AOT ($isa)"
else
  dotnet publish "$root/src/GcTrace.Cli" -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -o "$pub" > "$dir/publish.log" 2>&1
  form="ReadyToRun"
fi
bin=$pub/gctrace-pipe

# ---- measuring ------------------------------------------------------------------------------------------------------
# Median wall seconds of $runs runs of "$@" (output discarded).
median() {
  local t=()
  for ((r = 0; r < runs; r++)); do
    local s e
    s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N)
    t+=("$(echo "$e - $s" | bc -l)")
  done
  printf '%s\n' "${t[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
# Peak RSS in MiB of "$@".
rss() { /usr/bin/time -v "$@" 2>&1 > /dev/null | awk -F': ' '/Maximum resident/ { printf "%.1f", $2 / 1024 }'; }
need bc bc

cat "$mixed" "$gconly" > /dev/null # page cache: both sides read from memory
mixed_mb=$(( $(stat -c %s "$mixed") >> 20 ))
gc_lines=$(wc -l < "$gconly")

# Interleave ours and the baseline so that load on the machine hits both alike.
t_wc=$(median wc -l "$mixed")
t_mixed=$(median "$bin" "$mixed" --json /dev/null)
t_wc2=$(median wc -l "$mixed")
t_wc=$(printf '%s\n%s\n' "$t_wc" "$t_wc2" | sort -g | head -1)
t_gcwc=$(median wc -l "$gconly")
t_gc=$(median "$bin" "$gconly" --json /dev/null)
t_true=$(median /bin/true)
t_echo=$(median /bin/echo)
t_ver=$(median "$bin" --version)
ten=(); for ((i = 0; i < 10; i++)); do ten+=("$mixed"); done
rss1=$(rss "$bin" "$mixed" --json /dev/null)
rss10=$(rss "$bin" "${ten[@]}" --json /dev/null)
rss_gc=$(rss "$bin" "$gconly" --json /dev/null)

ratio() { echo "scale=2; $1 / $2" | bc -l | sed 's/^\./0./'; }
ms() { echo "scale=1; $1 * 1000 / 1" | bc -l | sed 's/^\./0./'; }
cat <<EOF

gctrace-pipe benchmarks ($mode, $form, $(nproc) cores, $(date -u +%Y-%m-%d), median of $runs runs)

| measure | command | input | ours | baseline | ratio | target |
|---|---|---|---|---|---|---|
| mixed log speed | \`gctrace-pipe FILE --json /dev/null\` | ${mixed_mb} MiB, 1% gc lines | $(ms "$t_mixed") ms | \`wc -l\` $(ms "$t_wc") ms | speed $(ratio "$t_wc" "$t_mixed")x of wc | >= 0.5x |
| gc lines per second | \`gctrace-pipe FILE --json /dev/null\` | ${gc_lines} gc lines | $(echo "$gc_lines / $t_gc" | bc) lines/s | \`wc -l\` $(ms "$t_gcwc") ms | speed $(ratio "$t_gcwc" "$t_gc")x of wc | >= 2,000,000/s |
| peak RSS 1x | \`gctrace-pipe FILE --json /dev/null\` | ${mixed_mb} MiB | ${rss1} MiB | | | <= 64 MiB |
| peak RSS 10x | \`gctrace-pipe FILE x10 --json /dev/null\` | $((mixed_mb * 10)) MiB | ${rss10} MiB | 1x ${rss1} MiB | $(ratio "$rss10" "$rss1")x | <= 1.10x |
| peak RSS gc-only | \`gctrace-pipe FILE --json /dev/null\` | ${gc_lines} gc lines | ${rss_gc} MiB | | | <= 64 MiB |
| start-up | \`gctrace-pipe --version\` | | $(ms "$t_ver") ms | \`true\` $(ms "$t_true") ms, \`/bin/echo\` $(ms "$t_echo") ms | $(ratio "$t_ver" "$t_echo")x of echo | <= 100 ms |
EOF
