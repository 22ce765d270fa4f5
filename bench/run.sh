#!/usr/bin/env bash
# make bench: ShockFlow's benchmarks, each a ratio against a baseline measured in this same run.
# Prints a report; copy the figures into bench/RESULTS.md with the date and machine.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product shockflow >/dev/null
swift build -c release --product shockflow-bench >/dev/null
bin=.build/release
venv=.venv-bench
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q numpy pandas pymrio scipy
fi
"$venv/bin/python" -c "import scipy" 2>/dev/null || "$venv/bin/pip" install -q scipy
py="$venv/bin/python"
cc -O2 -o "$work/dgemm" bench/c/dgemm.c -lopenblas
cc -O2 -o "$work/dgetrs" bench/c/dgetrs.c -llapacke -lopenblas

ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
echo "shockflow kernel: $("$bin/shockflow-bench" kernel)"
echo "C baseline kernel (OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}): as OpenBLAS detects it"

echo "== DGEMM n=2000 (median of 5)"
swift_gflops=$("$bin/shockflow-bench" dgemm 2000 5 | awk '{print $2}')
c_gflops=$("$work/dgemm" 2000 5 | awk '{print $2}')
echo "Swift wrapper: $swift_gflops GFLOP/s   C: $c_gflops GFLOP/s   wrapper/C: $(ratio "$swift_gflops" "$c_gflops")"

echo "== 1,000 demand vectors at n=1302: factor once + one multi-RHS solve (median of 5)"
swift_solve=$("$bin/shockflow-bench" solve 1302 1000 5 | awk '{print $2}')
numpy_solve=$("$py" bench/numpy_batched_solve.py 1302 1000 5 | awk '{print $2}')
echo "ShockFlow: ${swift_solve}s   numpy.linalg.solve: ${numpy_solve}s   speed-up: $(ratio "$numpy_solve" "$swift_solve")x"

echo "== dgetrs at n=1302 by number of right-hand sides, 1 thread, C (median of 50): why up to 3 columns are solved one by one"
OPENBLAS_NUM_THREADS=1 OPENBLAS_CORETYPE="$("$bin/shockflow-bench" kernel)" "$work/dgetrs" 1302 50

echo "== china-2017 build from the 31 provincial tables (median of 5; target < 5 s)"
echo "build: $("$bin/shockflow-bench" china-build 5 | awk '{print $2}')s"

bash bench/analyze_vs_pymrio.sh "$bin/shockflow" "$py" "$work"

echo "== 100 variants of chip-export-controls.yaml (magnitude 0.5–1.5×) in lockstep vs one by one, 1 BLAS thread (target ≥ 5×)"
read -r _ lockstep _ one_by_one < <("$bin/shockflow-bench" lockstep scenarios/chip-export-controls.yaml 100)
echo "lockstep: ${lockstep}s   one by one: ${one_by_one}s   speed-up: $(ratio "$one_by_one" "$lockstep")x"

bash bench/lockstep_vs_numpy.sh "$bin/shockflow-bench" "$py" "$work"

bash bench/prices_cost.sh "$bin/shockflow" "$work"

bash bench/speed_targets.sh "$bin" "$work"

bash bench/leontief_sweep_vs_numpy.sh "$bin/shockflow" "$py" "$work"

bash bench/table_perturbation_sweep.sh "$bin" "$work"
