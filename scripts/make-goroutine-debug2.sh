#!/usr/bin/env bash
# make-goroutine-debug2.sh: regenerates fixtures/profiles/goroutine-debug2.* (debug=2, debug=1, proto) from the tiny Go
# program in fixtures/profiles/src/goroutine_debug2. Takes a little over a minute (it waits for ", 1 minutes").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$root/fixtures/profiles/src/goroutine_debug2/main.go" "$tmp/"
cd "$tmp"
go mod init goroutine_debug2 >/dev/null 2>&1
go run . "$root/fixtures/profiles"
