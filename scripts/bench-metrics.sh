#!/usr/bin/env bash
# bench-metrics.sh - what --metrics-listen costs the pipe: the same binary on the same inputs with and without it,
# interleaved in one run so machine load hits both alike (the acceptance bound is 5 %, docs/monitoring/README.md).
#
# Usage
#   scripts/bench-metrics.sh [BIN]    BIN defaults to $BENCH_DIR/publish/gctrace-pipe (what scripts/bench.sh publishes)
#
# Inputs are scripts/bench.sh's quick ones ($BENCH_DIR/mixed-quick.log, 1% gc lines, and gc-only-quick.log), built by
# bench.sh's own input section when missing. ROUNDS (default 7) off/on pairs per input; prints the medians of wall
# time and of cpu time (user + sys, from /usr/bin/time: steadier than wall time on a loaded machine) and their ratios.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${BENCH_DIR:-/tmp/gctrace-bench}
bin=${1:-$dir/publish/gctrace-pipe}
rounds=${ROUNDS:-7}
if [ ! -e "$dir/mixed-quick.log" ] || [ ! -e "$dir/gc-only-quick.log" ]; then
  bash -c "$(sed -n '1,/^# ---- publish/p' "$root/scripts/bench.sh")" "$root/scripts/bench.sh" --quick
fi
[ -x "$bin" ] || { echo "bench-metrics: $bin missing: run scripts/bench.sh --quick (it publishes) or give BIN" >&2; exit 2; }
command -v bc > /dev/null || { apt-get update -qq && apt-get install -y -qq bc > /dev/null; }

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time > /dev/null; }
# "wall cpu" seconds of one run of "$@".
secs() { /usr/bin/time -f '%e %U %S' -o "$dir/.time" "$@" > /dev/null 2>&1; awk '{ printf "%s %.3f\n", $1, $2 + $3 }' "$dir/.time"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "| input | wall off (median s) | wall on | on / off | cpu off (median s) | cpu on | on / off |"
echo "|---|---|---|---|---|---|---|"
for input in "$dir/mixed-quick.log" "$dir/gc-only-quick.log"; do
  cat "$input" > /dev/null # page cache
  off=(); on=()
  for ((r = 0; r < rounds; r++)); do
    # Alternate which goes first, so neither always runs on a warmer machine.
    if ((r % 2 == 0)); then
      off+=("$(secs "$bin" "$input" --json /dev/null)")
      on+=("$(secs "$bin" "$input" --json /dev/null --metrics-listen "127.0.0.1:$(port)" --label service=bench)")
    else
      on+=("$(secs "$bin" "$input" --json /dev/null --metrics-listen "127.0.0.1:$(port)" --label service=bench)")
      off+=("$(secs "$bin" "$input" --json /dev/null)")
    fi
  done
  w_off=$(printf '%s\n' "${off[@]}" | cut -d' ' -f1 | median)
  w_on=$(printf '%s\n' "${on[@]}" | cut -d' ' -f1 | median)
  c_off=$(printf '%s\n' "${off[@]}" | cut -d' ' -f2 | median)
  c_on=$(printf '%s\n' "${on[@]}" | cut -d' ' -f2 | median)
  printf '| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n' "$(basename "$input")" "$w_off" "$w_on" "$(echo "$w_on / $w_off" | bc -l)" \
    "$c_off" "$c_on" "$(echo "$c_on / $c_off" | bc -l)"
done
