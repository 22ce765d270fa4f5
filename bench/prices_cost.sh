#!/usr/bin/env bash
# Part of make bench (issue 16): what the price model costs a run. Target: prices add under 10 %.
# 1. Like for like, in this build (always): `shockflow-bench prices-cost` times, in one process and in
#    interleaved rounds, the whole `shockflow run` pipeline of the soybean scenario (an import_price shock:
#    prices change) and of the chip scenario (no price shock: prices are computed and written, all 1), the
#    price computation alone, and the results folder written with and without the prices; the price work
#    (computation + the extra writing) as a share of the rest of the run, by wall and by process CPU time.
#    The run excludes the process's start, so the share overstates the cost a little.
# 2. Across builds (only when BEFORE or BEFORE_BIN is set): `shockflow run` as a user runs it (whole process,
#    release builds) against a release build of the commit before prices (BEFORE, e.g. 421b84b, built in a
#    temporary git worktree removed afterwards; or BEFORE_BIN, a build made before). That build does not know
#    `import_price` nor the later `plan:` section, so it runs the scenarios without them: the difference also
#    holds every change merged since. Interleaved rounds (ROUNDS, default 7; the order alternates), each
#    timed with /usr/bin/time; medians of wall and CPU time (user + sys) and their ratios.
# Usage: prices_cost.sh SHOCKFLOW WORKDIR   (SHOCKFLOW_BENCH: default next to SHOCKFLOW)
set -euo pipefail
after=$1 work=$2
rounds=${ROUNDS:-7}
bench=${SHOCKFLOW_BENCH:-$(dirname "$after")/shockflow-bench}

echo "== the cost of prices (issue 16), like for like in this build: shockflow-bench prices-cost, $rounds interleaved rounds, one BLAS thread, load average $(cut -d' ' -f1-3 /proc/loadavg) (target < 10 %)"
for scenario in soybean-import-shock chip-export-controls; do
  OPENBLAS_NUM_THREADS=1 "$bench" prices-cost "scenarios/$scenario.yaml" "$rounds" | awk -v name="$scenario" '{
    printf "%s: run %.3f s wall, %.3f s CPU; price computation %.4f s CPU; writing with prices %.3f s CPU, without %.3f s; price work %.4f s CPU = %.1f %% of the rest of the run (%.1f %% by wall)\n",
      name, $2, $3, $6, $9, $12, $15, $18, $17 }'
done

[ -n "${BEFORE:-}${BEFORE_BIN:-}" ] || exit 0
before_commit=${BEFORE:-unknown}
root=$(pwd)
tree="$work/before-prices"

if [ -n "${BEFORE_BIN:-}" ]; then
  before=$BEFORE_BIN
else
  cleanup() { git -C "$root" worktree remove --force "$tree" 2>/dev/null || true; }
  trap cleanup EXIT
  git worktree add --detach "$tree" "$before_commit" >/dev/null 2>&1
  # The dependencies as this checkout has them, so the build fetches nothing.
  mkdir -p "$tree/.build"
  cp -a .build/checkouts .build/repositories .build/workspace-state.json "$tree/.build/" 2>/dev/null || true
  (cd "$tree" && swift build -c release --product shockflow >/dev/null)
  before="$tree/.build/release/shockflow"
fi

# The scenarios as the build before prices reads them: without the soybean's import_price shock and
# without the `plan:` section (the plan table came after prices), so the "after" side also does the
# plan's work (tilts from the table, plan.csv): the difference overstates the cost of prices a little.
python3 - scenarios/soybean-import-shock.yaml "$work/soybean-before.yaml" scenarios/chip-export-controls.yaml "$work/chip-before.yaml" <<'PY'
import sys
def without_block(lines, is_start, indent):
    start = next((i for i, line in enumerate(lines) if is_start(line)), None)
    if start is None:
        return lines
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() and not lines[i].startswith(indent) and not lines[i].startswith("#")), len(lines))
    return lines[:start] + lines[end:]
for source, target in ((sys.argv[1], sys.argv[2]), (sys.argv[3], sys.argv[4])):
    lines = open(source).read().split("\n")
    lines = without_block(lines, lambda line: line.startswith("  - id: soybean-price"), "    ")
    lines = without_block(lines, lambda line: line == "plan:", " ")
    open(target, "w").write("\n".join(lines))
PY

measure() {  # BINARY SCENARIO LABEL: one timed run, appended to $work/prices-cost.txt
  /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$1" run "$2" --out "$work/out-$3" --quiet
  echo "$3 $(cat "$work/time.txt")" >> "$work/prices-cost.txt"
}
: > "$work/prices-cost.txt"
pairs=("soybean $work/soybean-before.yaml scenarios/soybean-import-shock.yaml"
  "chip $work/chip-before.yaml scenarios/chip-export-controls.yaml")
for pair in "${pairs[@]}"; do  # warm-up: the economy cache and the page cache
  read -r name old new <<< "$pair"
  "$before" run "$old" --out "$work/warm" --quiet
  "$after" run "$new" --out "$work/warm" --quiet
done
for round in $(seq 1 "$rounds"); do
  for pair in "${pairs[@]}"; do
    read -r name old new <<< "$pair"
    if [ $((round % 2)) -eq 1 ]; then
      measure "$before" "$old" "$name-before"; measure "$after" "$new" "$name-after"
    else
      measure "$after" "$new" "$name-after"; measure "$before" "$old" "$name-before"
    fi
  done
done
echo "== the cost of prices (issue 16) across builds: shockflow run, whole process, this build vs the commit before prices ($before_commit), $rounds interleaved rounds, load average $(cut -d' ' -f1-3 /proc/loadavg) (target < 10 %)"
python3 - "$work/prices-cost.txt" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
def medians(label):
    times = [(float(r[1]), float(r[2]) + float(r[3])) for r in rows if r[0] == label]
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times), len(times)
def paired(label):  # the CPU time of the two builds' runs in each round, in the order measured
    return [float(r[2]) + float(r[3]) for r in rows if r[0] == label]
for name in ("soybean", "chip"):
    (wb, cb, n), (wa, ca, _) = medians(name + "-before"), medians(name + "-after")
    ratios = [a / b for a, b in zip(paired(name + "-after"), paired(name + "-before")) if b > 0]
    print(f"{name}: wall {wb:.3f} s before, {wa:.3f} s with prices ({100 * (wa / wb - 1):+.1f} %); "
          f"CPU {cb:.3f} s before, {ca:.3f} s with prices ({100 * (ca / cb - 1):+.1f} %); medians of {n}; "
          f"median of the rounds' CPU ratios {100 * (statistics.median(ratios) - 1):+.1f} %")
PY
