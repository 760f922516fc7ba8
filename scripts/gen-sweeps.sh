#!/usr/bin/env bash
# gen-sweeps.sh - real runs of the what-if sweep programs (fixtures/src/sweep_*) under several GC settings, the
# measurements scripts/what-if-accuracy.sh predicts from each other.
#
# Each program runs once per setting with GOMAXPROCS=2 and GODEBUG=gctrace=1 (same P for every setting, so runs
# differ only in the GC setting): GOGC=50, 100, 200, 400, and GOGC=100 with two GOMEMLIMIT values near the
# program's live heap. Output: fixtures/sweeps/<program>/<setting>/combined.log (stdout+stderr as one pipe) and
# meta.json (settings, Go version, duration).
#
# Usage: scripts/gen-sweeps.sh [--only PROGRAM] [--seconds N]     (~5 min for all three programs at 15 s a run)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/fixtures/sweeps"
SECONDS_PER_RUN=15
ONLY=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --only) ONLY="$2"; shift 2 ;;
    --seconds) SECONDS_PER_RUN="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

command -v go >/dev/null 2>&1 || bash "$ROOT/scripts/setup.sh"

# program | two GOMEMLIMIT values: about 1.5x and 2x the program's live heap (so the limit, not GOGC, sets the goal)
PROGRAMS=(
  "sweep_service|24MiB|32MiB"
  "sweep_alloc|100MiB|128MiB"
  "sweep_pointers|36MiB|48MiB"
)

BIN="$(mktemp -d "${TMPDIR:-/tmp}/gen-sweeps.XXXXXX")"
trap 'rm -rf "$BIN"' EXIT
(cd "$ROOT/fixtures/src" && GOPROXY=off GOFLAGS=-buildvcs=false GOWORK=off go build -trimpath -o "$BIN/" ./sweep_service ./sweep_alloc ./sweep_pointers)
GO_VERSION="$(go version)"
# On a shared machine other processes stretch stop-the-world phases (the runtime waits until every thread it runs
# on is scheduled to stop) and steal cpu from a cpu-bound program, and both would be measured as the setting's effect.
# Root runs each program under a real-time policy so it has the cores as on a quiet machine (runs are short).
NICE=""
if [[ $(id -u) -eq 0 ]] && chrt -f 10 true 2>/dev/null; then NICE="chrt -f 10"; fi

run() { # program setting-name GOGC GOMEMLIMIT
  local program="$1" name="$2" gogc="$3" limit="$4" dir="$OUT/$1/$2"
  rm -rf "$dir"; mkdir -p "$dir"
  echo "== $program $name"
  local env=(GOMAXPROCS=2 GODEBUG=gctrace=1 GOGC="$gogc")
  [[ -n "$limit" ]] && env+=(GOMEMLIMIT="$limit")
  env "${env[@]}" $NICE "$BIN/$program" -duration "${SECONDS_PER_RUN}s" >"$dir/combined.log" 2>&1
  jq -n --arg program "$program" --arg gogc "$gogc" --arg limit "$limit" --arg go "$GO_VERSION" \
    --argjson seconds "$SECONDS_PER_RUN" \
    '{program: $program, gogc: $gogc, gomemlimit: (if $limit == "" then null else $limit end), gomaxprocs: 2,
      godebug: "gctrace=1", seconds: $seconds, go_version: $go}' >"$dir/meta.json"
}

for entry in "${PROGRAMS[@]}"; do
  IFS='|' read -r program limit1 limit2 <<<"$entry"
  [[ -n "$ONLY" && "$ONLY" != "$program" ]] && continue
  for gogc in 50 100 200 400; do run "$program" "gogc-$gogc" "$gogc" ""; done
  run "$program" "memlimit-$limit1" 100 "$limit1"
  run "$program" "memlimit-$limit2" 100 "$limit2"
done
