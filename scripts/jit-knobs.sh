#!/usr/bin/env bash
# jit-knobs.sh FILE CONFIG... - CPU and wall time of gctrace-pipe on FILE under each CONFIG of environment variables,
# median of RUNS (default 3), each run next to `wc -l FILE` in the same round (docs/benchmarks.md, "Framework-dependent
# build"). BIN is the command under test, default the framework-dependent build: `dotnet DIR/gctrace-pipe.dll` with
# DIR from `dotnet publish src/GcTrace.Cli -c Release -p:PublishAot=false -o DIR`.
#   scripts/jit-knobs.sh gc.log BASE=1 DOTNET_TieredPGO=0 DOTNET_TieredCompilation=0
#   BIN=out/aot/gctrace-pipe scripts/jit-knobs.sh gc.log AOT=1
set -euo pipefail
file=${1:?usage: $0 FILE CONFIG...}; shift
runs=${RUNS:-3}
bin=${BIN:-dotnet ${FDD_DIR:-out/fdd}/gctrace-pipe.dll}
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time > /dev/null; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# Prints "wall cpu" in seconds for one run of "$@".
one() {
  local s e u sy t; t=$(mktemp); s=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$t" "$@" > /dev/null 2>&1 || true
  e=$(date +%s.%N); read -r u sy < "$t"; rm -f "$t"
  echo "$(echo "$e - $s" | bc -l) $(echo "$u + $sy" | bc -l)"
}
for cfg in "$@"; do
  w=(); c=(); b=()
  for ((r = 0; r < runs; r++)); do
    read -r a _ < <(one wc -l "$file"); b+=("$a")
    # shellcheck disable=SC2086 # CONFIG and BIN are word lists
    read -r a x < <(one env $cfg $bin "$file" --json /dev/null); w+=("$a"); c+=("$x")
  done
  mw=$(printf '%s\n' "${w[@]}" | median); mc=$(printf '%s\n' "${c[@]}" | median); mb=$(printf '%s\n' "${b[@]}" | median)
  printf '%-50s cpu %6.3f s  wall %6.3f s  wc -l %6.3f s  speed %5.3fx of wc\n' "$cfg" "$mc" "$mw" "$mb" "$(echo "$mb / $mw" | bc -l)"
done
