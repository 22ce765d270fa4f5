#!/usr/bin/env bash
# Part of make bench (issue 18): the absolute targets, whole process, release build, this machine.
#   1. `shockflow sweep bench/chip-10-parameters.sweep.yaml` (Saltelli N = 256, 3,072 runs): ≤ 5 s, ≤ 400 MB;
#   2. `shockflow run scenarios/chip-export-controls.yaml` (every CSV, checks, prices): ≤ 0.2 s;
#   3. the same sweep at N = 8,192 (98,304 runs, no --shard): peak memory ≤ 500 MB and runs/s within 10 %
#      of row 1's (skipped when LARGE_SWEEP=0: it takes minutes).
# (The other two rows of the issue's table are bench/lockstep_vs_numpy.sh and bench/analyze_vs_pymrio.sh.)
# Each command is timed with /usr/bin/time (wall, user + sys CPU, peak memory); medians of RUNS (default 3
# for the sweep, 7 for the run). With BEFORE_BIN_DIR (a release build made before, e.g. of the commit
# before issue 18) the same commands run with that build too, interleaved with this one's, as the baseline.
# Usage: speed_targets.sh BIN_DIR WORKDIR
set -euo pipefail
bin=$1 work=$2
runs=${RUNS:-3}
builds=("$bin")
[ -n "${BEFORE_BIN_DIR:-}" ] && builds=("$BEFORE_BIN_DIR" "$bin")

measure() {  # LABEL BINARY ARGUMENTS...: one timed run appended to $work/speed-targets.txt as "LABEL wall cpu kb"
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > /dev/null
  read -r wall user system kb < "$work/time.txt"
  echo "$label $wall $(python3 -c "print($user + $system)") $kb" >> "$work/speed-targets.txt"
}
summary() {  # LABEL TARGET: medians of the label's runs
  python3 - "$work/speed-targets.txt" "$1" "$2" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.split()[0] == sys.argv[2]]
wall, cpu, kb = (statistics.median(float(r[i]) for r in rows) for i in (1, 2, 3))
print(f"{sys.argv[2]}: median of {len(rows)}: {wall:.3f} s wall, {cpu:.3f} s CPU, {kb / 1024:.0f} MB peak ({sys.argv[3]})")
PY
}
: > "$work/speed-targets.txt"
echo "== issue 18 targets, whole process, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$runs"); do
  for build in "${builds[@]}"; do
    label=$([ "$build" = "$bin" ] && echo this || echo before)
    measure "sweep-3072-$label" "$build/shockflow" sweep bench/chip-10-parameters.sweep.yaml --out "$work/sweep-3072" --quiet
  done
done
for round in $(seq 1 $((runs * 2 + 1))); do
  for build in "${builds[@]}"; do
    label=$([ "$build" = "$bin" ] && echo this || echo before)
    measure "run-chip-$label" "$build/shockflow" run scenarios/chip-export-controls.yaml --out "$work/run-chip" --quiet
  done
done
for label in before this; do
  grep -q "^sweep-3072-$label " "$work/speed-targets.txt" || continue
  summary "sweep-3072-$label" "3,072-run Saltelli sweep; target ≤ 5 s, ≤ 400 MB"
  summary "run-chip-$label" "shockflow run of the chip scenario; target ≤ 0.2 s"
done
[ "${LARGE_SWEEP:-1}" = 0 ] && exit 0
# The same sweep at N = 8,192, its scenario path made absolute since the copy lives in the work folder.
sed -e "s|samples: 256|samples: 8192|" -e "s|scenario: ../scenarios/|scenario: $(pwd)/scenarios/|" \
  bench/chip-10-parameters.sweep.yaml > "$work/chip-98304.sweep.yaml"
measure "sweep-98304-this" "$bin/shockflow" sweep "$work/chip-98304.sweep.yaml" --out "$work/sweep-98304" --quiet
summary "sweep-98304-this" "98,304-run Saltelli sweep; target ≤ 500 MB"
python3 - "$work/speed-targets.txt" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
small = statistics.median(float(r[1]) for r in rows if r[0] == "sweep-3072-this")
large = statistics.median(float(r[1]) for r in rows if r[0] == "sweep-98304-this")
ratio = (98304 / large) / (3072 / small)
print(f"runs/s: {3072 / small:.0f} at 3,072 runs, {98304 / large:.0f} at 98,304 ({100 * (ratio - 1):+.1f} %; target: within 10 %)")
PY
