#!/usr/bin/env bash
# Part of make bench: `shockflow economy analyze DIR` against a fresh Python running
# `pymrio.load_all(DIR).calc_all()` on the same pymrio folder, whole process against whole
# process, wall time and peak memory from /usr/bin/time -v (median of 3 runs each).
# Usage: analyze_vs_pymrio.sh SHOCKFLOW PYTHON WORKDIR
set -euo pipefail
shockflow=$1 py=$2 work=$3

measure() {  # prints "seconds peak_kb" for the median-time run of the command
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
    cat "$work/time.txt"
  done | sort -n | sed -n 2p
}

for size in "31 42" "49 100"; do
  set -- $size
  folder="$work/pymrio-$1x$2"
  "$py" scripts/fixtures/pymrio_reference.py --out "$folder" --regions "$1" --sectors "$2" >/dev/null
  read -r sf_time sf_mem < <(measure "$shockflow" economy analyze "$folder" --out "$work/analysis-$1x$2")
  read -r py_time py_mem < <(measure "$py" -c "import sys, pymrio; pymrio.load_all(sys.argv[1]).calc_all()" "$folder")
  echo "== economy analyze vs pymrio load_all + calc_all, $1 x $2 (n = $(( $1 * $2 )))"
  echo "ShockFlow: ${sf_time}s, $(( sf_mem / 1024 )) MB   pymrio: ${py_time}s, $(( py_mem / 1024 )) MB   " \
       "speed-up: $(python3 -c "print(f'{$py_time/max($sf_time,0.01):.1f}')")x   memory: $(python3 -c "print(f'{$sf_mem/$py_mem:.2f}')") of pymrio's"
  rm -rf "$folder" "$work/analysis-$1x$2"
done
