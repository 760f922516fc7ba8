#!/usr/bin/env bash
# test.sh - the project's test command: installs what is missing (scripts/setup.sh), runs every test project, and prints
# a plain last line "N passed, N failed" (dotnet test alone prints one summary per assembly).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh || exit 1
# The tool-package tests pack and install the Native AOT tool (minutes); `GCTRACE_PACK_TESTS=0` skips them locally.
export GCTRACE_PACK_TESTS=${GCTRACE_PACK_TESTS:-1}
# One code style (.editorconfig: usings before the file-scoped namespace, camelCase private fields, PascalCase statics),
# checked like a test: a file that drifts fails the run with the line to fix.
format_rc=0
dotnet format GcTrace.sln --verify-no-changes --severity warn || format_rc=$?
log=$(mktemp)
dotnet test GcTrace.sln -c Release 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "test.sh: dotnet test exited $rc (build failure?)"; fi
rm -f "$log"
if [ "$format_rc" -ne 0 ]; then failed=$((failed + 1)); echo "test.sh: dotnet format --verify-no-changes found style drift (run: dotnet format GcTrace.sln --severity warn)"; [ "$rc" -eq 0 ] && rc=1; fi
echo "$passed passed, $failed failed"
exit "$rc"
