#!/usr/bin/env bash
# Part of make bench: a 1,000-run Leontief demand-shock sweep (bench/sweeps/leontief-demand.sweep.yaml)
# by `shockflow sweep` against numpy doing the same job (read the economy, build the runs' Δy from the
# sweep's own samples, one batched numpy.linalg.solve, the outputs), whole process against whole process,
# median of 3 each. numpy's results are checked against ShockFlow's (MAXREL).
# Usage: leontief_sweep_vs_numpy.sh SHOCKFLOW PYTHON WORKDIR
set -euo pipefail
shockflow=$1 py=$2 work=$3
sweep=bench/sweeps/leontief-demand.sweep.yaml
for i in 1 2 3; do
  /usr/bin/time -f "%e" -o "$work/sf-time-$i" "$shockflow" sweep "$sweep" --out "$work/leontief-sweep" --quiet
done
sf=$(sort -n "$work"/sf-time-* | sed -n 2p)
folder=$(ls -d "${SHOCKFLOW_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/shockflow}"/china-2017-* | head -1)
for i in 1 2 3; do
  "$py" bench/numpy_leontief_sweep.py "$folder" "$work/leontief-sweep/samples.csv" "$work/leontief-sweep/outputs.csv"
done > "$work/numpy.txt"
np_time=$(awk '{print $2}' "$work/numpy.txt" | sort -n | sed -n 2p)
np_solve=$(awk '{print $4}' "$work/numpy.txt" | sort -n | sed -n 2p)
maxrel=$(awk '{print $6}' "$work/numpy.txt" | sort -g | tail -1)
echo "== 1,000-run Leontief demand-shock sweep on china-2017: shockflow sweep vs numpy (whole process, median of 3; target ≥ 1×)"
echo "ShockFlow: ${sf}s   numpy: ${np_time}s (of which np.linalg.solve ${np_solve}s)   speed-up: $(python3 -c "print(f'{$np_time/$sf:.2f}')")x   largest relative difference: $maxrel"
