#!/usr/bin/env bash
# setup.sh - install what the tests need on a fresh Debian machine: Go (to build and run the real fixture programs in
# end-to-end tests and to use `go tool pprof` as an oracle) and Debian's python3-pandas (a test reads our CSV with
# pandas.read_csv), Debian's python3-pyte (a terminal emulator: the status-line test renders a real pseudo-terminal),
# Debian's chromium (the --html test loads the report in headless Chromium), Prometheus and its Pushgateway
# (monitoring tests). Fonts for charts are bundled in the library. Idempotent: each is installed only when missing.
set -euo pipefail
if ! command -v go >/dev/null 2>&1; then
  echo "setup: installing Go (golang-go)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq golang-go >/dev/null
fi
if ! /usr/bin/python3 -c "import pandas" >/dev/null 2>&1; then
  echo "setup: installing python3-pandas" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq python3-pandas >/dev/null
fi
if ! /usr/bin/python3 -c "import pyte" >/dev/null 2>&1; then
  echo "setup: installing python3-pyte" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 python3-pyte >/dev/null
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "setup: installing chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends chromium >/dev/null
fi
# Prometheus (server + promtool) and the Pushgateway for the monitoring tests (tests/GcTrace.Tests/Monitoring). The tests
# start their own processes with a generated config, a temp storage dir and free loopback ports; the packages' own
# services must not start (a policy-rc.d that says "no" while installing), so a machine never gets a resident :9090.
if ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1 \
   || ! command -v prometheus-pushgateway >/dev/null 2>&1; then
  echo "setup: installing prometheus and prometheus-pushgateway" >&2
  export DEBIAN_FRONTEND=noninteractive
  policy=/usr/sbin/policy-rc.d
  own_policy=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod 755 "$policy"; own_policy=1; fi
  apt-get update -qq >/dev/null
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends prometheus prometheus-pushgateway >/dev/null \
    || { [ $own_policy = 1 ] && rm -f "$policy"; exit 1; }
  [ $own_policy = 1 ] && rm -f "$policy"
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (dotnet not found)" >&2
  exit 1
fi
