#!/usr/bin/env bash
# compare-outputs.sh - proves a refactoring changed no output: runs the CLI over every fixture run and compares the files.
#
# Usage
#   scripts/compare-outputs.sh save DIR [REPO]   build REPO's CLI (default: this checkout), write its outputs into DIR
#   scripts/compare-outputs.sh compare A B       byte-for-byte comparison of two saved directories (exit 1 on a difference)
#   scripts/compare-outputs.sh check [BASE]      save main (or BASE, a git ref) and this checkout, then compare them
#
# For every fixtures/runs/*/combined.log and fixtures/corpus/**/combined.log it writes <name>.csv (--csv),
# <name>.json (--json), <name>.jsonl (--events), <name>.stderr (the text report) and <name>.rc (the exit code), giving
# the run's heap-NNN.pb.gz and goroutine-NNN.pb.gz profiles, in order, where the run has them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

save() {
  local out=$1 repo=${2:-$root}
  local bin; bin=$(mktemp -d)
  dotnet build "$repo/src/GcTrace.Cli" -c Release -o "$bin" > "$bin/build.log" 2>&1 || { cat "$bin/build.log" >&2; exit 2; }
  rm -rf "$out"; mkdir -p "$out"
  local log dir name args
  while IFS= read -r log; do
    dir=$(dirname "$log")
    name=${dir#"$root"/fixtures/}; name=${name//\//_}
    args=()
    shopt -s nullglob
    local heaps=("$dir"/heap-[0-9][0-9][0-9].pb.gz) gors=("$dir"/goroutine-[0-9][0-9][0-9].pb.gz)
    shopt -u nullglob
    [ ${#heaps[@]} -gt 0 ] && args+=(--heap-profile "${heaps[@]}")
    [ ${#gors[@]} -gt 0 ] && args+=(--goroutine-profile "${gors[@]}")
    set +e
    (cd "$dir" && dotnet "$bin/gctrace-pipe.dll" combined.log --status never \
      --csv "$out/$name.csv" --json "$out/$name.json" --events "$out/$name.jsonl" "${args[@]}") \
      > /dev/null 2> "$out/$name.stderr"
    echo $? > "$out/$name.rc"
    set -e
  done < <(find "$root/fixtures/runs" "$root/fixtures/corpus" -name combined.log | sort)
  rm -rf "$bin"
  echo "saved $(ls "$out"/*.rc | wc -l) runs to $out"
}

compare() {
  if diff -r "$1" "$2" > /dev/null; then
    echo "identical: $(ls "$1" | wc -l) files"
  else
    diff -rq "$1" "$2" | head -20
    echo "DIFFERENT" >&2
    return 1
  fi
}

case "${1:-}" in
  save) save "$2" "${3:-}" ;;
  compare) compare "$2" "$3" ;;
  check)
    base=${2:-main}
    tmp=$(mktemp -d)
    git -C "$root" worktree add --detach "$tmp/base" "$base" > /dev/null 2>&1
    save "$tmp/before" "$tmp/base"
    save "$tmp/after" "$root"
    git -C "$root" worktree remove --force "$tmp/base"
    compare "$tmp/before" "$tmp/after"
    ;;
  *) sed -n '2,12p' "$0" >&2; exit 2 ;;
esac
