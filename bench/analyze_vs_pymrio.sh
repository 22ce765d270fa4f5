#!/usr/bin/env bash
# Part of make bench: `shockflow economy analyze DIR` against a fresh Python running
# `pymrio.load_all(DIR).calc_all()` on the same pymrio folder, whole process against whole
# process, wall time and peak memory from /usr/bin/time, three interleaved pairs (the order alternating),
# each pair's ratio printed (issue 18's target: ≥ 4× in every pair at 49 × 100).
# Usage: analyze_vs_pymrio.sh SHOCKFLOW PYTHON WORKDIR
set -euo pipefail
shockflow=$1 py=$2 work=$3

measure() {  # prints "seconds peak_kb" of one run of the command
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
  cat "$work/time.txt"
}

for size in "31 42" "49 100"; do
  set -- $size
  folder="$work/pymrio-$1x$2"
  "$py" scripts/fixtures/pymrio_reference.py --out "$folder" --regions "$1" --sectors "$2" >/dev/null
  sf=("$shockflow" economy analyze "$folder" --out "$work/analysis-$1x$2")
  pm=("$py" -c "import sys, pymrio; pymrio.load_all(sys.argv[1]).calc_all()" "$folder")
  : > "$work/analyze-pairs.txt"
  for pair in 1 2 3; do
    if [ $((pair % 2)) -eq 1 ]; then
      read -r sf_time sf_mem < <(measure "${sf[@]}"); read -r py_time py_mem < <(measure "${pm[@]}")
    else
      read -r py_time py_mem < <(measure "${pm[@]}"); read -r sf_time sf_mem < <(measure "${sf[@]}")
    fi
    echo "$sf_time $sf_mem $py_time $py_mem" >> "$work/analyze-pairs.txt"
  done
  echo "== economy analyze vs pymrio load_all + calc_all, $1 x $2 (n = $(( $1 * $2 ))), 3 interleaved pairs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  awk '{ printf "pair %d: ShockFlow %.2f s, %d MB   pymrio %.2f s, %d MB   speed-up %.1fx   memory %.2f of pymrio'"'"'s\n", NR, $1, $2 / 1024, $3, $4 / 1024, $3 / ($1 > 0.01 ? $1 : 0.01), $2 / $4 }' "$work/analyze-pairs.txt"
  awk 'BEGIN { smallest = 1e9 } { r = $3 / ($1 > 0.01 ? $1 : 0.01); if (r < smallest) smallest = r } END { printf "smallest pair speed-up: %.1fx\n", smallest }' "$work/analyze-pairs.txt"
  rm -rf "$folder" "$work/analysis-$1x$2"
done
