#!/usr/bin/env bash
# Times `shockflow run` as a user runs it: the whole process (load the economy, run the scenario and
# its baseline, write the results folder), release build, best and median of RUNS (default 5).
#
#   bench/run_scenarios.sh                 a 20-quarter chip-shock scenario on a random 31 x 42 economy
#                                          (1302 cells, 42 imported products, GFCF, exports and
#                                          depreciation), generated here with numpy
#   bench/run_scenarios.sh SCENARIO.yaml   that scenario file (e.g. scenarios/chip-export-controls.yaml,
#                                          20 quarters on china-2017)
#   bench/run_scenarios.sh ECONOMY         a 20-quarter scenario on that economy (a built-in name or a
#                                          folder): every sector loses 5 % of capacity, recovering
#
# Environment: RUNS (default 5), SCRATCH (a SwiftPM --scratch-path). A run uses one OpenBLAS thread.
# Prints one line per run and a summary line; the lead copies figures into bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
scratch=()
if [ -n "${SCRATCH:-}" ]; then scratch=(--scratch-path "$SCRATCH"); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product shockflow "${scratch[@]}" >/dev/null
bin="$(swift build -c release --show-bin-path "${scratch[@]}")/shockflow"

if [ $# -ge 1 ] && [[ "$1" == *.yaml ]]; then
  scenario=$1
elif [ $# -ge 1 ]; then
  scenario="$work/capacity.yaml"
  economy=$1
  if [ -e "$economy" ]; then economy=$(cd "$(dirname "$economy")" && pwd)/$(basename "$economy"); fi
  cat > "$scenario" <<YAML
schema_version: 1
name: bench-capacity
economy: $economy
horizon: {periods: 20}
shocks:
  - {id: capacity, kind: capacity, sectors: "*", magnitude: 0.05, profile: {type: recovery, start: 1, half_life: 4}}
YAML
else
  scenario="$work/chips.yaml"
  python3 - "$work/economy" <<'PY'
import sys
from pathlib import Path
import numpy as np

out = Path(sys.argv[1]); out.mkdir()
rng = np.random.default_rng(20251129)
R, S, P = 31, 42, 42
n = R * S
regions = [f"R{r + 1:02d}" for r in range(R)]
sectors = [f"{s + 1:02d}" for s in range(S)]
categories = ["households", "government", "gfcf", "inventories", "exports"]
same = np.equal.outer(np.arange(n) // S, np.arange(n) // S)
A = np.where(same, rng.uniform(0, 0.16, (n, n)) * (rng.uniform(size=(n, n)) < 0.7),
             rng.uniform(0, 0.004, (n, n)) * (rng.uniform(size=(n, n)) < 0.35))
M = rng.uniform(0, 0.01, (P, n)) * (rng.uniform(size=(P, n)) < 0.5)
purchases = A.sum(0) + M.sum(0)
scale = np.where(purchases > 0.8, 0.8 / purchases, 1.0)
A *= scale; M *= scale
Y = rng.uniform(5, 40, (n, R * len(categories)))
x = np.linalg.solve(np.eye(n) - A, Y.sum(1))
Z, m = A * x, M * x
v = x - Z.sum(0) - m.sum(0)
depreciation = v * rng.uniform(0.08, 0.15, n)
cell = [(regions[i // S], sectors[i % S]) for i in range(n)]
num = lambda value: repr(float(value))  # numpy 2 scalars repr as np.float64(...)

with open(out / "economy.yaml", "w") as f:
    f.write("name: random-31x42\nmoney_unit: units\nsource: random balanced economy (bench/run_scenarios.sh)\n")
    f.write("regions: [" + ", ".join(regions) + "]\n")
    f.write("sectors: [" + ", ".join(f'"{s}"' for s in sectors) + "]\n")
    f.write("final_demand_categories: [" + ", ".join(categories) + "]\n")
    f.write("import_products: [" + ", ".join(f'"{s}"' for s in sectors) + "]\n")
with open(out / "Z.csv", "w") as f:
    f.write("from_region,from_sector,to_region,to_sector,value\n")
    for i, j in zip(*np.nonzero(Z)):
        f.write(f"{cell[i][0]},{cell[i][1]},{cell[j][0]},{cell[j][1]},{num(Z[i, j])}\n")
with open(out / "Y.csv", "w") as f:
    f.write("from_region,from_sector,to_region,category,value\n")
    for i in range(n):
        for k in range(Y.shape[1]):
            f.write(f"{cell[i][0]},{cell[i][1]},{regions[k // 5]},{categories[k % 5]},{num(Y[i, k])}\n")
with open(out / "x.csv", "w") as f:
    f.write("region,sector,output\n")
    f.writelines(f"{cell[i][0]},{cell[i][1]},{num(x[i])}\n" for i in range(n))
with open(out / "va.csv", "w") as f:
    f.write("region,sector,component,value\n")
    for i in range(n):
        f.write(f"{cell[i][0]},{cell[i][1]},depreciation,{num(depreciation[i])}\n")
        f.write(f"{cell[i][0]},{cell[i][1]},other,{num(v[i] - depreciation[i])}\n")
with open(out / "imports.csv", "w") as f:
    f.write("product,to_region,to_sector,value\n")
    for p, j in zip(*np.nonzero(m)):
        f.write(f"{sectors[p]},{cell[j][0]},{cell[j][1]},{num(m[p, j])}\n")
PY
  cat > "$scenario" <<'YAML'
schema_version: 1
name: bench-chips
economy: economy
horizon: {periods: 20}
substitution:
  - {product: "20", sector: "20", theta: 0.5, regions: [R01, R02, R03, R04, R05, R06, R07, R08]}
critical_inputs:
  pairs:
    - {input: "20", from: both, for: ["16", "17", "18", "21"]}
strategic:
  - {sectors: "20", weight: 1}
priorities:
  - {regions: [R01, R02], sectors: ["20", "31"], tilt: 0.5}
shocks:
  - {id: chip-imports, kind: import, products: "20", share: 0.78, magnitude: 0.6, profile: {type: recovery, start: 1, half_life: 6}}
  - {id: plant-fire, kind: capacity, regions: R03, sectors: "20", magnitude: 0.3, profile: {type: step, start: 2, end: 5}}
YAML
fi

"$bin" validate "$scenario"
times=()
for run in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  "$bin" run "$scenario" --out "$work/results" --quiet
  end=$(date +%s.%N)
  seconds=$(python3 -c "print(f'{$end - $start:.3f}')")
  times+=("$seconds")
  echo "run $run: ${seconds} s"
done
rows=$(($(wc -l < "$work/results/cells.csv") - 1))
python3 - "$rows" "${times[@]}" <<'PY'
import statistics, sys
rows, times = int(sys.argv[1]), [float(t) for t in sys.argv[2:]]
print(f"shockflow run, whole process: best {min(times):.3f} s, median {statistics.median(times):.3f} s "
      f"over {len(times)} runs; cells.csv has {rows} rows")
PY
