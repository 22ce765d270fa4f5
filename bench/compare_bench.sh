#!/usr/bin/env bash
# Times `shockflow compare` on two large cells.csv files, release build: the whole process (read both
# files side by side, rank the differences, print the table), with /usr/bin/time -v for peak memory.
#
#   bench/compare_bench.sh            two runs of ROWS rows (default 2,005,080: 154 periods x 1302 cells
#                                     x 10 metrics, the layout of shockflow run on china-2017), generated
#                                     here with Python; B differs from A in about one row in seven
#
# Environment: ROWS (rounded to whole periods), RUNS (default 3), SCRATCH (a SwiftPM --scratch-path),
# ARGS (extra flags for compare, e.g. "--format csv --out /dev/null" or "--rtol 1e-9").
# Prints one line per run (seconds, peak memory) and the file sizes; the target is < 5 s and < 500 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
rows=${ROWS:-2005080}
scratch=()
if [ -n "${SCRATCH:-}" ]; then scratch=(--scratch-path "$SCRATCH"); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product shockflow "${scratch[@]}" >/dev/null
bin="$(swift build -c release --show-bin-path "${scratch[@]}")/shockflow"

mkdir -p "$work/a" "$work/b"
python3 - "$rows" "$work/a/cells.csv" "$work/b/cells.csv" <<'PY'
# Rows as shockflow run writes them: numbers in shortest round-trip form, relative empty where the
# baseline is 0 (a tenth of the rows of unmet_final); B's scenario moves by up to 0.05 % in one row in seven.
import random
import sys

rows, path_a, path_b = int(sys.argv[1]), sys.argv[2], sys.argv[3]
metrics = ["output", "capacity", "ordered", "rationing", "value_added", "delivered_final", "unmet_final",
           "investment_weight", "investment", "capital"]
cells = [(f"CN-{r:02d}", f"{s:02d}") for r in range(1, 32) for s in range(1, 43)]
periods = -(-rows // (len(cells) * len(metrics)))
random.seed(20251129)
number = lambda x: str(int(x)) if x == int(x) and abs(x) < 1e16 else repr(x)
header = "period,region,sector,metric,baseline,scenario,difference,relative\n"
with open(path_a, "w") as a, open(path_b, "w") as b:
    a.write(header)
    b.write(header)
    for t in range(periods):
        lines_a, lines_b = [], []
        for region, sector in cells:
            for m, metric in enumerate(metrics):
                share = metric in ("rationing", "investment_weight")
                base = 0.0 if metric == "unmet_final" and random.random() < 0.1 else random.random() * (1 if share else 1e7)
                scen = base * (1 - 0.1 * random.random())
                other = scen * (1 + 1e-3 * (random.random() - 0.5)) if random.random() < 0.15 else scen
                key = f"{t},{region},{sector},{metric},{number(base)},"
                for lines, value in ((lines_a, scen), (lines_b, other)):
                    relative = number((value - base) / base) if base != 0 else ""
                    lines.append(f"{key}{number(value)},{number(value - base)},{relative}\n")
        a.write("".join(lines_a))
        b.write("".join(lines_b))
PY
echo "cells.csv: $(($(wc -l < "$work/a/cells.csv") - 1)) rows, $(du -m "$work/a/cells.csv" | cut -f1) MB each"

for run in $(seq "$runs"); do
  # shellcheck disable=SC2086
  /usr/bin/time -v "$bin" compare "$work/a/cells.csv" "$work/b/cells.csv" ${ARGS:-} > "$work/out.txt" 2> "$work/time.txt" || true
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")
  memory=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time.txt")
  echo "run $run: ${seconds} s, peak ${memory} MB"
done
head -4 "$work/out.txt"
