#!/usr/bin/env bash
# make-fmt-oracle.sh: regenerates fixtures/profiles/go-fmt-oracle.txt (Go's %.2f / %5.2g of awkward values).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$root/fixtures/profiles/src/fmt_oracle/main.go" "$tmp/"
cd "$tmp"
go mod init fmt_oracle >/dev/null 2>&1
go run . > "$root/fixtures/profiles/go-fmt-oracle.txt"
