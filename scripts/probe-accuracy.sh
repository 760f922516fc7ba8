#!/usr/bin/env bash
# probe-accuracy.sh - the verdict on small leak programs written the way a user writes them, outside the fixture
# harness (fixtures/probes: one module, each program writes heap and goroutine profiles with runtime/pprof every 2 s
# into its working directory, built without -trimpath so the profiles record absolute paths).
#
# For each probe it builds the program, runs it for its 12 s with GODEBUG=gctrace=1 GOMAXPROCS=2 (Go's default
# MemProfileRate), then runs the CLI as a user would, with no --source (the recorded paths are found as they are):
#     gctrace-pipe trace.log --heap-profile heap-*.pb.gz --goroutine-profile goroutine-*.pb.gz --json -
# and prints the verdict's kind and its first suspect (function, pattern, site) beside the probe's truth (the table
# below, also in each program's header comment). Not part of the test suite: it takes about 2.5 minutes.
#
# Usage
#   scripts/probe-accuracy.sh              build the CLI (Release), run every probe
#   scripts/probe-accuracy.sh --no-build   use the CLI already built
#   scripts/probe-accuracy.sh --only NAME  one probe (repeatable)
# Exit status: 0 when every probe's first suspect has its truth's pattern and is one of its functions, 1 otherwise.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROBES="$ROOT/fixtures/probes"
BUILD=1
ONLY=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) BUILD=0; shift ;;
    --only) ONLY+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# probe|pattern|functions (comma-separated: any of them may be the first suspect)
TRUTH=(
  "cache|unbounded-map|main.compute,main.cacheResult"
  "closures|closure-capture|main.handleRequest"
  "ticker|ticker-not-stopped|main.serve,main.poll"
  "ctxleak|context-not-cancelled|main.process,main.process.func1"
  "subslice|subslice-pins-buffer|main.readMessage,main.handle"
  "appendlog|unbounded-slice|main.audit"
  "goleak|goroutine-leak|main.fetch,main.fetch.func1"
  "respbody|unclosed-resource|main.checkHealth"
  "timeafter|timer-not-stopped|main.consume"
  "mutexpark|goroutine-leak|main.main,main.(*Store).Save"
  "raremap|unbounded-map|main.login"
)

command -v go >/dev/null || "$ROOT/scripts/setup.sh"
command -v jq >/dev/null || "$ROOT/scripts/setup.sh"
CLI="$ROOT/src/GcTrace.Cli/bin/Release/net10.0/gctrace-pipe.dll"
[[ $BUILD -eq 1 ]] && dotnet build "$ROOT/src/GcTrace.Cli" -c Release >/dev/null
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

right=0; total=0
printf '%-10s %-22s %-12s %-30s %-22s %s\n' probe truth kind first_suspect pattern site
for row in "${TRUTH[@]}"; do
  IFS='|' read -r name pattern functions <<<"$row"
  if [[ ${#ONLY[@]} -gt 0 && ! " ${ONLY[*]} " == *" $name "* ]]; then continue; fi
  dir="$WORK/$name"; mkdir -p "$dir"
  (cd "$PROBES" && GOFLAGS=-mod=mod GOPROXY=off go build -o "$dir/app" "./$name")
  (cd "$dir" && GODEBUG=gctrace=1 GOMAXPROCS=2 ./app >trace.log 2>&1)
  args=()
  for f in "$dir"/heap-*.pb.gz; do args+=(--heap-profile "$f"); done
  for f in "$dir"/goroutine-*.pb.gz; do args+=(--goroutine-profile "$f"); done
  json="$(cd "$dir" && dotnet "$CLI" trace.log "${args[@]}" --no-passthrough --json - 2>/dev/null || true)"
  kind=$(jq -r '.verdict.kind // "error"' <<<"$json")
  fn=$(jq -r '.verdict.suspects[0].function // "none"' <<<"$json")
  got=$(jq -r '.verdict.suspects[0].pattern // "none"' <<<"$json")
  site=$(jq -r '.verdict.suspects[0].site | if . == null then "-" else "\(.file | split("/") | last):\(.line)" end' <<<"$json")
  total=$((total + 1))
  if [[ "$got" == "$pattern" && ",$functions," == *",$fn,"* ]]; then right=$((right + 1)); mark=""; else mark="  MISS"; fi
  printf '%-10s %-22s %-12s %-30s %-22s %s%s\n' "$name" "$pattern" "$kind" "$fn" "$got" "$site" "$mark"
done
echo "probe-accuracy: first suspect right (function and pattern) on $right of $total probes"
[[ $right -eq $total ]]
