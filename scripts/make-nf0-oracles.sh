#!/usr/bin/env bash
# make-nf0-oracles.sh: regenerates the extra `go tool pprof -top -nodefraction=0` oracles (*.nf0.top.txt) in the corpus.
# `go tool pprof` (go1.19) is the oracle the C# TopTable is tested against; run from the repo root.
set -euo pipefail
c=fixtures/corpus
top() { # <output> <pprof args...>
  local out=$1; shift
  go tool pprof -top -nodefraction=0 "$@" > "$out"
}
for run in go1.19/steady go1.19/leak_global_map go1.19/pressure_noleak go1.26/steady; do
  d=$c/$run
  last=$(ls $d/heap-*.pb.gz | sort | tail -1 | sed -E 's/.*heap-([0-9]+)\.pb\.gz/\1/')
  for idx in inuse_space inuse_objects alloc_space alloc_objects; do
    top $d/heap-$last.$idx.nf0.top.txt -sample_index=$idx $d/heap-$last.pb.gz
  done
  top $d/heap-diff-000-$last.nf0.top.txt -sample_index=inuse_space -base $d/heap-000.pb.gz $d/heap-$last.pb.gz
  top $d/heap-diffbase-000-$last.nf0.top.txt -sample_index=inuse_space -diff_base $d/heap-000.pb.gz $d/heap-$last.pb.gz
  top $d/goroutine-$last.nf0.top.txt $d/goroutine-$last.pb.gz
done
for d in $c/go1.19/*/; do
  # heap-NNN.debug1.txt: pprof cannot symbolize legacy text without the binary (it prints "<unknown>"), so the
  # oracle for our reading of it is the proto fetched at the same moment (same GC cycle), when both agree.
  for f in $d/heap-*.debug1.txt; do
    [ -e "$f" ] || continue
    n=$(basename "$f" .debug1.txt)
    top $d/$n.inuse_space.nf0.top.txt -sample_index=inuse_space $d/$n.pb.gz
  done
done
# Every other heap and goroutine profile under fixtures/ (corpus and runs) gets a default-index oracle too, so the tests
# compare TopTable with `go tool pprof -top -nodefraction=0` on every fixture profile, not only the first and last.
for f in $(find fixtures -name 'heap-*.pb.gz' -o -name 'goroutine-*.pb.gz' | sort); do
  n=${f%.pb.gz}
  case $(basename "$f") in
    heap-*) out=$n.inuse_space.nf0.top.txt; args=(-sample_index=inuse_space) ;;
    *) out=$n.nf0.top.txt; args=() ;;
  esac
  [ -e "$out" ] || top "$out" "${args[@]}" "$f"
done
