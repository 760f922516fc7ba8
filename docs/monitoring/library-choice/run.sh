#!/usr/bin/env bash
# run.sh - the library-choice measurement of docs/monitoring/README.md: publishes each probe with Native AOT, counts
# trim/AOT warnings, prints the binary size, runs it (per-cycle update cost, then one scrape in each format).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-/tmp/gctrace-library-choice}
for probe in prometheus-net opentelemetry; do
  dotnet publish "$here/$probe" -c Release -o "$out/$probe" > "$out-$probe.log" 2>&1 || { tail -20 "$out-$probe.log"; exit 1; }
  echo "== $probe: $(grep -cE 'warning (IL|AOT)[0-9]+' "$out-$probe.log" || true) trim/AOT warnings," \
    "$(grep -E 'warning NU' "$out-$probe.log" | sed 's/.*warning \(NU[0-9]*\).*/\1/' | sort -u | tr '\n' ' ')NuGet warnings," \
    "binary $(stat -c %s "$out/$probe/${probe}-probe") bytes"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$out/$probe/${probe}-probe" "$port" | grep -E 'ns per cycle|^text/|^application/'
done
