#!/usr/bin/env bash
# what-if-accuracy.sh - how right `--what-if` is on real runs: for every sweep program under fixtures/sweeps (made by
# scripts/gen-sweeps.sh), predict each of its settings from each of its other runs and compare with the run made at
# that setting. Writes docs/what-if-accuracy.md: predicted vs measured GC/s, GC cost and peak heap with their errors,
# and the same for the textbook first-order rules (GC/s and cost x GOGC_from/GOGC_to, peak = live x (1 + GOGC/100)).
#
# Usage: scripts/what-if-accuracy.sh [--cli PATH]     (builds the CLI unless --cli is given; ~1 min)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLI=""
[[ "${1:-}" == "--cli" ]] && CLI="$2"
if [[ -z "$CLI" ]]; then
  dotnet build "$ROOT/src/GcTrace.Cli" -c Release -v q -nologo >/dev/null
  CLI="$ROOT/src/GcTrace.Cli/bin/Release/net10.0/gctrace-pipe"
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# setting MEMLIMIT-OR-EMPTY GOGC -> the --what-if text for a run
setting() { local s="GOGC=$1"; [[ "$2" != "null" ]] && s="$s,GOMEMLIMIT=$2"; echo "$s"; }

for program_dir in "$ROOT"/fixtures/sweeps/*/; do
  program=$(basename "$program_dir")
  runs=()
  for run_dir in "$program_dir"*/; do runs+=("$(basename "$run_dir")"); done
  for from in "${runs[@]}"; do
    args=()
    for to in "${runs[@]}"; do
      meta="$program_dir$to/meta.json"
      args+=(--what-if "$(setting "$(jq -r .gogc "$meta")" "$(jq -r .gomemlimit "$meta")")")
    done
    "$CLI" "$program_dir$from/combined.log" --json "$WORK/$program.$from.json" "${args[@]}" >/dev/null 2>&1 || true
  done
done

python3 - "$ROOT" "$WORK" <<'PY'
import json, os, sys
root, work = sys.argv[1], sys.argv[2]
sweeps = os.path.join(root, "fixtures", "sweeps")

def dst_meta(program, run):
    return json.load(open(os.path.join(sweeps, program, run, "meta.json")))

def setting(meta):  # the --what-if text the bash loop above gave for a run
    return f"GOGC={meta['gogc']}" + (f",GOMEMLIMIT={meta['gomemlimit']}" if meta["gomemlimit"] else "")

def within(kind, predicted, measured):
    if predicted is None or measured is None:
        return False
    if kind == "gc_per_s":
        return abs(predicted - measured) <= 0.20 * measured
    if kind == "gc_cost_fraction":  # +-25 % or +-0.5 point of cpu, whichever is wider
        return abs(predicted - measured) <= max(0.25 * measured, 0.005)
    return abs(predicted - measured) <= 0.15 * measured  # peak heap

def err(predicted, measured):
    if predicted is None or measured is None or measured == 0:
        return "–"
    return f"{(predicted - measured) / measured * 100:+.0f} %"

rows, tallies = [], {"target": [0, 0, 0], "all": [0, 0, 0]}
for program in sorted(os.listdir(sweeps)):
    runs = sorted(os.listdir(os.path.join(sweeps, program)), key=lambda r: (not r.startswith("gogc"), int(r.split("-")[1]) if r.startswith("gogc") else 0, r))
    loaded = {}
    for r in runs:
        path = os.path.join(work, f"{program}.{r}.json")
        loaded[r] = json.load(open(path)) if os.path.exists(path) else None
    measured = {r: (doc["what_if"][0]["measured"] if doc and doc.get("what_if") and doc["what_if"][0].get("measured") else None) for r, doc in loaded.items()}
    for src in runs:
        doc = loaded[src]
        if not doc or not measured[src]:
            rows.append(f"| {program} | {src} | (model does not apply: {((doc or {}).get('what_if') or [{}])[0].get('not_applicable', 'no output')}) |||||||")
            continue
        for dst in runs:
            if dst == src:
                continue
            p, m = next(e for e in doc["what_if"] if e["setting"] == setting(dst_meta(program, dst))), measured[dst]
            if m is None:
                continue
            target = src == "gogc-100" and dst in ("gogc-50", "gogc-200", "gogc-400")
            hits = [within(k, p.get(k), m.get(k)) for k in ("gc_per_s", "gc_cost_fraction", "peak_heap_mb")]
            tb = None
            if src.startswith("gogc") and dst.startswith("gogc"):
                g0, g1 = measured[src]["gogc"], int(dst.split("-")[1])
                tb = [within("gc_per_s", measured[src]["gc_per_s"] * g0 / g1, m["gc_per_s"]),
                      within("gc_cost_fraction", measured[src]["gc_cost_fraction"] * g0 / g1, m["gc_cost_fraction"]),
                      within("peak_heap_mb", measured[src]["live_mb"] * (1 + g1 / 100), m["peak_heap_mb"])]
            for key in (["target", "all"] if target else ["all"]):
                tallies[key][0] += sum(hits); tallies[key][1] += 3
                tallies[key][2] += sum(tb) if tb else 0
            mark = lambda ok: "" if ok else " ✗"
            rows.append(
                f"| {program} | {src} → {dst}{' (target)' if target else ''} | {p['basis']} | "
                f"{p['gc_per_s']:.3g} / {m['gc_per_s']:.3g} ({err(p['gc_per_s'], m['gc_per_s'])}){mark(hits[0])} | "
                f"{p['gc_cost_fraction']*100:.2f} / {m['gc_cost_fraction']*100:.2f} % ({err(p['gc_cost_fraction'], m['gc_cost_fraction'])}){mark(hits[1])} | "
                f"{(p['peak_heap_mb'] or 0):.0f} / {m['peak_heap_mb']:.0f} MB ({err(p['peak_heap_mb'], m['peak_heap_mb'])}){mark(hits[2])} | "
                f"{'' if tb is None else f'{sum(tb)}/3'} |")

t, a = tallies["target"], tallies["all"]
out = os.path.join(root, "docs", "what-if-accuracy.md")
with open(out, "w") as f:
    f.write("# What-if accuracy on real runs\n\n")
    f.write("Made by `scripts/what-if-accuracy.sh` from the runs in `fixtures/sweeps` (`scripts/gen-sweeps.sh`: each program run for\n"
            "real at GOGC=50, 100, 200, 400 and at two GOMEMLIMIT values near its live heap, GOMAXPROCS=2, Go 1.19). Each row\n"
            "predicts one run's setting from another run with `--what-if` and compares with what that run measured\n"
            "(steady part: after the first fifth of the cycles). Cells: predicted / measured (error); ✗ misses the target band\n"
            "(GC/s ±20 %, GC cost ±25 % or ±0.5 point of cpu, peak heap ±15 %). *Textbook* counts the hits of the first-order rules\n"
            "(GC/s and cost × GOGC_from/GOGC_to, peak = live × (1 + GOGC/100)) on the same row.\n\n")
    f.write(f"**GOGC=100 → 50, 200, 400 (the target cases): {t[0]} of {t[1]} predictions within the band; textbook {t[2]} of {t[1]}.**  \n")
    f.write(f"All pairs: {a[0]} of {a[1]} within the band (textbook, GOGC pairs only: {a[2]}).\n\n")
    f.write("""## Where the model misses, and why

- **Cost per cycle is not fixed.** The model keeps each cycle's cpu as measured, since what a cycle scans (live heap,
  stacks, globals) does not depend on GOGC. Part of it does: objects allocated while marking are allocated black and
  the sweep of a larger heap finishes inside the next stop-the-world, so a pointer-heavy program's cycle costs less at
  GOGC=50 than at 100, and the model overestimates the cost of lowering GOGC there.
- **Memory limits are bounds, and loose ones.** A limit counts everything the runtime maps; the trace shows the heap,
  stacks and globals only. For pointer-heavy programs with many small objects, span fragmentation alone made a limit at
  1.9x the live heap pin the goal to the live heap: the real GC rate was many times the bound.
- **A source run pinned by a limit looks like a low GOGC.** When a limit holds the goal down for the whole steady part
  the trace cannot tell the limit from GOGC, so predictions made *from* such a run (the memlimit rows as sources) are
  wrong; runs where the limit binds only sometimes are recognised and declined.
- **Small heaps are coarse.** The runtime prints whole MB; under ~10 MB of live heap one MB is a large share, so the
  sweep programs keep their live heaps at 16 MB and more.

The textbook rules do as well as the model on these three programs for GOGC=100 -> 50, 200, 400. The model differs
where they cannot follow the runtime: the 4 MB heap minimum (small heaps), the pacer's trigger bounds (peak heap),
allocation slowing when GC takes the cpu of a cpu-bound program, the GC cpu limiter, and memory limits.

""")
    f.write("| program | from → to | basis | GC/s | GC cost | peak heap (at GC start) | textbook |\n|---|---|---|---|---|---|---|\n")
    f.write("\n".join(rows) + "\n")
print(f"target: {t[0]}/{t[1]} (textbook {t[2]}/{t[1]}); all pairs: {a[0]}/{a[1]}; wrote {out}")
PY
