#!/usr/bin/env bash
# Part of make bench (issue 18): 100 variants of the chip-export-controls scenario (cut magnitude spread
# over [0.5, 1.5] × its value) in one lockstep batch with their baseline, ShockFlow
# (`shockflow-bench lockstep`) against the numpy implementation of MODEL sections 3–4 in
# bench/model-numpy (same job, one BLAS thread each), three interleaved pairs, medians and the ratio of
# each pair. Target: ShockFlow ≥ 6× faster.
# Usage: lockstep_vs_numpy.sh SHOCKFLOW_BENCH PYTHON WORKDIR
set -euo pipefail
bench=$1 work=$3
py=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")  # absolute, kept inside its venv: the numpy side runs from bench/model-numpy
folder="$work/china-2017-numpy"
[ -d "$folder" ] || "$(dirname "$bench")/shockflow" economy build china-2017 --out "$folder" >/dev/null
: > "$work/lockstep-pairs.txt"
for i in 1 2 3; do
  sf=$(OPENBLAS_NUM_THREADS=1 "$bench" lockstep scenarios/chip-export-controls.yaml 100 | awk '{print $2}')
  np=$(cd bench/model-numpy && OPENBLAS_NUM_THREADS=1 "$py" bench_model_numpy.py "$folder" 100 1 | awk '/^lockstep/ {print $4}')
  echo "$sf $np" >> "$work/lockstep-pairs.txt"
done
echo "== 100 chip variants in lockstep, one BLAS thread each: ShockFlow vs the numpy model of bench/model-numpy (3 interleaved pairs; target ≥ 6×)"
awk '{printf "pair %d: ShockFlow %.3fs   numpy %.3fs   %.2fx\n", NR, $1, $2, $2/$1}' "$work/lockstep-pairs.txt"
sf=$(awk '{print $1}' "$work/lockstep-pairs.txt" | sort -n | sed -n 2p)
np=$(awk '{print $2}' "$work/lockstep-pairs.txt" | sort -n | sed -n 2p)
echo "medians: ShockFlow ${sf}s   numpy ${np}s   speed-up $(python3 -c "print(f'{$np/$sf:.2f}')")x"
