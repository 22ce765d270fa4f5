#!/usr/bin/env bash
# Times `shockflow compare` on two large cells.csv files, release build: the whole process (read both
# files side by side, rank the differences, print the table), with /usr/bin/time -v for peak memory.
#
#   bench/compare_bench.sh            two runs of ROWS rows (default 2,005,080: 154 periods x 1302 cells
#                                     x 10 metrics, the layout of shockflow run on china-2017), generated
#                                     here; B differs from A in about one row in seven
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
awk -v rows="$rows" -v dirA="$work/a" -v dirB="$work/b" 'BEGIN {
  split("output capacity ordered rationing value_added delivered_final unmet_final investment_weight investment capital", metric, " ")
  cells = 31 * 42; periods = int((rows + cells * 10 - 1) / (cells * 10))
  header = "period,region,sector,metric,baseline,scenario,difference,relative"
  a = dirA "/cells.csv"; b = dirB "/cells.csv"
  print header > a; print header > b
  srand(20251129)
  for (t = 0; t < periods; t++)
    for (r = 1; r <= 31; r++)
      for (s = 1; s <= 42; s++)
        for (m = 1; m <= 10; m++) {
          key = sprintf("%d,CN-%02d,%02d,%s,", t, r, s, metric[m])
          base = (m == 4 || m == 8) ? rand() : rand() * 1e7
          scen = base * (1 - 0.1 * rand())
          other = (rand() < 0.15) ? scen * (1 + 1e-3 * (rand() - 0.5)) : scen
          printf "%s%.17g,%.17g,%.17g,%.17g\n", key, base, scen, scen - base, (scen - base) / base > a
          printf "%s%.17g,%.17g,%.17g,%.17g\n", key, base, other, other - base, (other - base) / base > b
        }
}'
echo "cells.csv: $(($(wc -l < "$work/a/cells.csv") - 1)) rows, $(du -m "$work/a/cells.csv" | cut -f1) MB each"

for run in $(seq "$runs"); do
  # shellcheck disable=SC2086
  /usr/bin/time -v "$bin" compare "$work/a/cells.csv" "$work/b/cells.csv" ${ARGS:-} > "$work/out.txt" 2> "$work/time.txt" || true
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")
  memory=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time.txt")
  echo "run $run: ${seconds} s, peak ${memory} MB"
done
head -4 "$work/out.txt"
