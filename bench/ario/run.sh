#!/usr/bin/env bash
# ShockFlow's ARIO against BoARIO 0.7.2 on china-2017 (bench/RESULTS.md, "Issue 15"), whole processes,
# each side writing the daily national totals and every industry's weekly production:
#   1. one 365-day run: `shockflow run bench/ario/scenario.yaml` against bench/ario/boario_run.py;
#   2. 100 runs in lockstep: `shockflow sweep bench/ario/sweep.yaml --batch 50` (two batches of 50 columns,
#      one on each core) against BoARIO's one run × 100.
# Usage: bash bench/ario/run.sh SHOCKFLOW_BINARY BOARIO_PYTHON WORK_FOLDER [REPEATS]
# BOARIO_PYTHON: a virtual environment's python with BoARIO 0.7.2 (scripts/fixtures/boario_reference.py says how).
set -euo pipefail
shockflow=$(realpath "$1"); python=$2; work=$3; repeats=${4:-3}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
[ -d "$work/china-2017" ] || "$shockflow" economy build china-2017 --out "$work/china-2017" > /dev/null
sed "s|economy: ECONOMY|economy: $work/china-2017|" "$here/scenario.yaml" > "$work/scenario.yaml"
cp "$here/sweep.yaml" "$work/sweep.yaml"
measure() {  # label, command...: wall seconds, user CPU seconds and peak memory of each repeat
    local label=$1; shift
    for _ in $(seq "$repeats"); do
        /usr/bin/time -f "$label %e s wall %U s user %M KB" "$@" > /dev/null 2>> "$work/times.txt"
        tail -n 1 "$work/times.txt"
    done
}
: > "$work/times.txt"
measure "boario-365" "$python" "$here/boario_run.py" "$work/china-2017" "$work/boario-out"
measure "shockflow-365" "$shockflow" run "$work/scenario.yaml" --out "$work/shockflow-out" --quiet
measure "shockflow-sweep-100" "$shockflow" sweep "$work/sweep.yaml" --out "$work/sweep-out" --quiet --batch 50
# Both sides computed the same run: the largest relative difference of the daily national production and
# of the weekly production of every industry.
"$python" - "$work" <<'PYTHON'
import csv, sys
work = sys.argv[1]
def read(path, key):
    return {key(r): float(r["scenario"]) for r in csv.DictReader(open(path)) if r["metric"] == "output"}
for name, key in [("national.csv", lambda r: r["day"]), ("cells.csv", lambda r: (r["period"], r["region"], r["sector"]))]:
    boario, shockflow = read(f"{work}/boario-out/{name}", key), read(f"{work}/shockflow-out/{name}", key)
    worst = max(abs(boario[k] - v) / abs(v) for k, v in shockflow.items() if v != 0)
    print(f"{name}: {len(shockflow)} values, largest relative difference from BoARIO {worst:.2g}")
PYTHON
