#!/usr/bin/env bash
# recording-accuracy.sh - does the diagnosis hold when the profiles are recorded the way other people record them?
# Our fixture runs carry 8 heap and 8 goroutine profiles one second apart; a user may take only two heap profiles
# (start and end), or three, and no goroutine profile. For every leak and twin run of the source-reading prefixes
# (default src_ src2_ src3_ src4_ src5_ src6_; ground truth in meta.json) it runs the built CLI once per recording variant:
#     all         every heap and goroutine profile             (what scripts/source-accuracy.sh uses)
#     ends        the first and last heap and goroutine profile only
#     three       the first, middle and last of each
#     nogor       every heap profile, no --goroutine-profile
#     ends-nogor  the first and last heap profile, no --goroutine-profile
# always with --source fixtures/src, and compares with the ground truth:
#   kind     verdict.kind == ground_truth.kind (every run, twins included)
#   top      leak runs: the verdict's first suspect is one of ground_truth.leak_functions
#   site     leak runs: the site line of the first suspect among the leak functions == the line
#            `go tool pprof -top -lines -base FIRST LAST` ranks first for it (the same FIRST and LAST in every variant)
#   pattern  leak runs: that suspect's pattern == ground_truth.pattern
# and writes docs/source-accuracy-recording.md (one row per run: a cell per variant, "." right, a letter per miss:
# K kind, T top, S site, P pattern), plus a TSV with --tsv for a later --before.
#
# Usage
#   scripts/recording-accuracy.sh                    build the CLI (Release) and write docs/source-accuracy-recording.md
#   scripts/recording-accuracy.sh --no-build         use the CLI already built
#   scripts/recording-accuracy.sh --prefix src6_     only runs whose name starts with the prefix (repeatable)
#   scripts/recording-accuracy.sh --variant ends     only that variant (repeatable)
#   scripts/recording-accuracy.sh --tsv FILE         also write the per-run, per-variant results as TSV
#   scripts/recording-accuracy.sh --before FILE      show per variant how many were right in FILE (an earlier --tsv)
#   scripts/recording-accuracy.sh --out FILE         write the report to FILE instead
# Exit status: 0 when every run is right in every variant, 1 on a miss, 2 on error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/docs/source-accuracy-recording.md"
BUILD=1
PREFIXES=()
VARIANTS=()
TSV=""
BEFORE=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) BUILD=0; shift ;;
    --prefix) [[ $# -ge 2 ]] || { echo "--prefix needs a value" >&2; exit 2; }; PREFIXES+=("$2"); shift 2 ;;
    --variant) [[ $# -ge 2 ]] || { echo "--variant needs a value" >&2; exit 2; }
      case "$2" in all|ends|three|nogor|ends-nogor) VARIANTS+=("$2") ;; *) echo "unknown variant $2" >&2; exit 2 ;; esac; shift 2 ;;
    --tsv) [[ $# -ge 2 ]] || { echo "--tsv needs a file" >&2; exit 2; }; TSV="$2"; shift 2 ;;
    --before) [[ $# -ge 2 ]] || { echo "--before needs a file" >&2; exit 2; }; BEFORE="$2"; shift 2 ;;
    --out) [[ $# -ge 2 ]] || { echo "--out needs a file" >&2; exit 2; }; OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ ${#PREFIXES[@]} -gt 0 ]] || PREFIXES=(src_ src2_ src3_ src4_ src5_ src6_)
[[ ${#VARIANTS[@]} -gt 0 ]] || VARIANTS=(all ends three nogor ends-nogor)
[[ -z "$BEFORE" || -f "$BEFORE" ]] || { echo "--before: no such file $BEFORE" >&2; exit 2; }

command -v jq >/dev/null 2>&1 || { echo "recording-accuracy.sh needs jq (apt-get install jq)" >&2; exit 2; }
if [[ $BUILD -eq 1 ]]; then
  dotnet build "$ROOT/src/GcTrace.Cli" -c Release -nologo -v q >/dev/null || { echo "build failed" >&2; exit 2; }
fi
CLI="$(ls "$ROOT"/src/GcTrace.Cli/bin/Release/net*/gctrace-pipe.dll 2>/dev/null | head -1)"
[[ -n "$CLI" ]] || { echo "CLI not built (run without --no-build)" >&2; exit 2; }
source "$ROOT/scripts/lib/pprof-oracle.sh"

# pick VARIANT FILES... : the profiles a recording variant keeps (all; first+last; first+middle+last).
pick() {
  local variant="$1"; shift
  local n=$#; local files=("$@")
  case "$variant" in
    all|nogor) printf '%s\n' "${files[@]}" ;;
    ends|ends-nogor) printf '%s\n' "${files[0]}"; [[ $n -gt 1 ]] && printf '%s\n' "${files[n-1]}" ;;
    three) printf '%s\n' "${files[0]}"; [[ $n -gt 2 ]] && printf '%s\n' "${files[n/2]}"; [[ $n -gt 1 ]] && printf '%s\n' "${files[n-1]}" ;;
  esac
}

rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
cd "$ROOT"
for dir in fixtures/runs/*/; do
  dir="${dir%/}"; run="${dir##*/}"
  sel=0; for p in "${PREFIXES[@]}"; do [[ "$run" == "$p"* ]] && sel=1; done
  [[ $sel -eq 1 && -f "$dir/meta.json" ]] || continue
  label=$(jq -r .ground_truth.label "$dir/meta.json")
  expected_kind=$(jq -r .ground_truth.kind "$dir/meta.json")
  fns=$(jq -c '.ground_truth.leak_functions // []' "$dir/meta.json")
  heaps=("$dir"/heap-[0-9][0-9][0-9].pb.gz)
  gors=()
  compgen -G "$dir/goroutine-[0-9][0-9][0-9].pb.gz" >/dev/null && gors=("$dir"/goroutine-[0-9][0-9][0-9].pb.gz)
  for v in "${VARIANTS[@]}"; do
    mapfile -t hv < <(pick "$v" "${heaps[@]}")
    args=("$dir/combined.log" --heap-profile "${hv[@]}")
    if [[ "$v" != *nogor && ${#gors[@]} -gt 0 ]]; then
      mapfile -t gv < <(pick "$v" "${gors[@]}")
      args+=(--goroutine-profile "${gv[@]}")
    fi
    out=$(dotnet "$CLI" "${args[@]}" --source fixtures/src --json - 2>/dev/null || true)
    [[ -n "$out" ]] || out='{"verdict":{"kind":"error","suspects":[]}}'
    r=$(jq -c --argjson fns "$fns" '(.verdict.suspects // []) as $s
          | ([$s[] | select(.function as $f | $fns | index($f))] | first) as $m
          | {kind: .verdict.kind, first: ($s[0].function // ""), function: ($m.function // ""),
             pattern: ($m.pattern // "none"), line: ($m.site.line // 0)}' <<<"$out")
    fn=$(jq -r .function <<<"$r")
    hl=""; gl=""
    if [[ -n "$fn" ]]; then
      hl=$(oracle_line "$(ls "$dir"/heap-base-*.lines.txt 2>/dev/null | head -1)" "$fn")
      gl=$(oracle_line "$(ls "$dir"/goroutine-base-*.lines.txt 2>/dev/null | head -1)" "$fn")
    fi
    jq -c -n --arg run "$run" --arg v "$v" --arg lab "$label" --arg ek "$expected_kind" \
      --arg ep "$(jq -r '.ground_truth.pattern // ""' "$dir/meta.json")" --argjson fns "$fns" --argjson r "$r" \
      --arg hl "$hl" --arg gl "$gl" '
      {run: $run, variant: $v, label: $lab, expected_kind: $ek, kind: $r.kind, first: $r.first,
       expected_pattern: $ep, pattern: $r.pattern, line: $r.line,
       pprof_line: (if ($hl != "" and ($hl | tonumber) == $r.line) or $gl == "" then ($hl | if . == "" then 0 else tonumber end) else ($gl | tonumber) end)}
      | .kind_ok = (.kind == .expected_kind)
      | .leak = ($lab == "leak")
      | .top_ok = ((.leak | not) or (($fns | index($r.first)) != null))
      | .site_ok = ((.leak | not) or (.line > 0 and .line == .pprof_line))
      | .pattern_ok = ((.leak | not) or (.pattern == .expected_pattern))
      | .ok = (.kind_ok and .top_ok and .site_ok and .pattern_ok)' >>"$rows"
  done
done

[[ -z "$TSV" ]] || jq -r -s '.[] | [.run, .variant, .kind, (.kind_ok|tostring), (.top_ok|tostring), (.site_ok|tostring), .pattern, (.pattern_ok|tostring), (.ok|tostring)] | @tsv' "$rows" >"$TSV"
before_json='{}'
if [[ -n "$BEFORE" ]]; then
  before_json=$(jq -R -s 'split("\n") | map(select(. != "") | split("\t")) | group_by(.[1])
    | map({key: .[0][1], value: {kind: (map(select(.[3] == "true")) | length), ok: (map(select(.[8] == "true")) | length),
                                 leak_ok: (map(select(.[8] == "true" and .[4] == "true")) | length)}}) | from_entries' "$BEFORE")
fi

{
  echo "# Diagnosis under other ways of recording"
  echo
  echo "Generated by \`scripts/recording-accuracy.sh$( [[ -n "$BEFORE" ]] && echo " --before ${BEFORE#"$ROOT"/}")\` (prefixes: ${PREFIXES[*]}) from fixtures/runs; do not edit by hand."
  echo "Our runs carry 8 heap and 8 goroutine profiles one second apart. Each leak and twin run is diagnosed again with"
  echo "the profiles a user who records differently would have (always with \`--source fixtures/src\`):"
  echo "*all* every profile; *ends* the first and last heap and goroutine profile; *three* first, middle and last;"
  echo "*nogor* every heap profile and no goroutine profile; *ends-nogor* first and last heap profile only."
  echo "A cell is \`.\` when the run is right, else a letter per miss: **K** kind != ground truth (twins: not healthy),"
  echo "**T** the first suspect is not a leak function, **S** the site line != pprof's (\`-top -lines -base FIRST LAST\`),"
  echo "**P** the pattern != ground truth."
  echo
  echo "| variant | runs | kind right | leak runs all right (kind, top, site, pattern) | twins and other no-leak runs right | all right |$( [[ -n "$BEFORE" ]] && echo " before: kind right | before: all right |")"
  echo "|---|---|---|---|---|---|$( [[ -n "$BEFORE" ]] && echo "---|---|")"
  for v in "${VARIANTS[@]}"; do
    jq -r -s --arg v "$v" --argjson before "$before_json" --arg hasbefore "$BEFORE" '
      map(select(.variant == $v)) as $r
      | ($r | map(select(.leak))) as $l | ($r | map(select(.leak | not))) as $t
      | "| \($v) | \($r | length) | \($r | map(select(.kind_ok)) | length) | \($l | map(select(.ok)) | length)/\($l | length) | \($t | map(select(.ok)) | length)/\($t | length) | \($r | map(select(.ok)) | length) |"
        + (if $hasbefore != "" then " \($before[$v].kind // "-") | \($before[$v].ok // "-") |" else "" end)' "$rows"
  done
  echo
  echo "| run | label | pattern | $(printf '%s | ' "${VARIANTS[@]}")"
  echo "|---|---|---|$(printf -- '---|%.0s' "${VARIANTS[@]}")"
  jq -r -s --argjson vs "$(printf '%s\n' "${VARIANTS[@]}" | jq -R . | jq -s .)" '
    group_by(.run)[] | . as $g
    | ($vs | map(. as $v | ($g | map(select(.variant == $v)) | first)
        | if .ok then "." else
            ((if .kind_ok then "" else "K(\(.kind))" end) + (if .top_ok then "" else "T" end)
             + (if .site_ok then "" else "S" end) + (if .pattern_ok then "" else "P(\(.pattern))" end)) end)) as $cells
    | "| \($g[0].run) | \($g[0].label) | \($g[0].expected_pattern) | \($cells | join(" | ")) |"' "$rows"
  echo
  cat <<'TEXT'
## What holds and what does not

- Two heap profiles decide when the trace agrees: a trace that called the leak stands with two or three profiles
  (they only name candidates); a trace with too few cycles whose floor rose in the lasting shape is confirmed by a
  site that grew across two profiles by at least the 8-sample bar and its own 2 standard deviations with no fall
  (confidence low). Fewer cycles than that, or no profile after the profiles' warm-up, stays inconclusive and names
  the candidate (src6_ack_timers *ends*: 6 cycles).
- Three goroutine profiles are judged whole (warm-up included): a group that rose in both steps is a leak. Two
  goroutine profiles decide nothing alone, since one step cannot tell a pool that sized itself from a pile-up; a
  goroutine leak that only the goroutine profiles show (the heap and the trace flat: src2_ledger_lock,
  src2_stage_recv, src2_probe_ticker, src_ticker) needs three of them. When goroutines pile up, the heap sites named
  beside them are those with lasting growth after warm-up, which three heap profiles cannot show: src3_webhook_post
  *three* names net/http's connection goroutines and not the handler whose unclosed bodies they hold.
- Without a goroutine profile a goroutine leak is seen only through what its goroutines keep on the heap: the pattern
  read from the heap site's code (src6_lookup_timeout, src6_heartbeat_ticker), and no suspect at all when they keep
  nothing (src6_stream_producer).
- Twins stay healthy in every variant.
- src3_job_queue, src3_audit_sink: the leaking method's frame is missing from Go 1.19's stacks (make + copy), in every
  variant (docs/output-contract.md, "Callees missing from the stacks"); src3_pool_render: sync.Pool churn at 0.27 %
  GC cost is named (sync-pool-misuse) but the kind is healthy.
- Not measured here: profiles built without -trimpath (absolute paths) with `--source` at the module root; the
  source locator's suffix search covers it (tests/GcTrace.Tests/Source/SourceLocatorTests.cs).

Regenerate: `scripts/recording-accuracy.sh --before docs/source-accuracy-recording.before.tsv` (builds the CLI;
about 10 min on a loaded 2-core machine). The before file is main at 7d7e8b1 (the CLI before the verdict4 changes).
TEXT
} >"$OUT"
total=$(jq -s 'length' "$rows"); right=$(jq -s 'map(select(.ok)) | length' "$rows")
echo "wrote $OUT: $right/$total run-variants right"
[[ $right -eq $total ]]
