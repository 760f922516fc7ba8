#!/usr/bin/env bash
# make-heap-debug1.sh: regenerates fixtures/profiles/heap-debug1.txt from fixtures/profiles/src/heap_debug1 and its
# oracles heap-debug1.<index>.nf0.top.txt: `go tool pprof` symbolizes the legacy text with the binary, which is then
# thrown away (pprof cannot symbolize the corpus *.debug1.txt files, whose binaries are gone).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/fixtures/profiles
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$root/fixtures/profiles/src/heap_debug1/main.go" "$tmp/"
cd "$tmp"
go mod init heap_debug1 >/dev/null 2>&1
go build -o heap_debug1 .
./heap_debug1 "$out"
for idx in inuse_space inuse_objects alloc_space alloc_objects; do
  go tool pprof -top -nodefraction=0 -sample_index=$idx ./heap_debug1 "$out/heap-debug1.txt" > "$out/heap-debug1.$idx.nf0.top.txt"
done
