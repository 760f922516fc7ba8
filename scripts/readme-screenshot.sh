#!/usr/bin/env bash
# readme-screenshot.sh - regenerates docs/html-report.png, the README's picture of the --html report: builds the CLI,
# writes the report of a bundled leak run read with its sources (fixtures/runs/src_map with its heap and goroutine
# profiles, --source fixtures/src: the suspect's site, call path and pprof-style listing) and has headless Chromium
# (installed by scripts/setup.sh) screenshot the top of the page. No hand editing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
run=fixtures/runs/src_map
out=${1:-docs/html-report.png}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dotnet build src/GcTrace.Cli -c Release -v q -nologo >/dev/null
dotnet src/GcTrace.Cli/bin/Release/net10.0/gctrace-pipe.dll "$run/combined.log" --heap-profile "$run"/heap-*.pb.gz \
  --goroutine-profile "$run"/goroutine-*.pb.gz --source fixtures/src --html "$tmp/report.html" 2>/dev/null
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --host-resolver-rules='MAP * ~NOTFOUND' \
  --user-data-dir="$tmp/profile" --window-size=1100,1500 --screenshot="$tmp/shot.png" "file://$tmp/report.html" \
  >/dev/null 2>&1
cp "$tmp/shot.png" "$out"
echo "readme-screenshot: wrote $out ($(stat -c %s "$out") bytes)"
