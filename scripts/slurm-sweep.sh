#!/usr/bin/env bash
# Runs a ShockFlow sweep on a Slurm cluster: an array job of N shards, then a merge job.
#
#   scripts/slurm-sweep.sh SWEEP.yaml OUTDIR [--tasks N] [--batch B] [--shockflow PATH] [--partition P] [--resume]
#
# Task k of the array job (k = 0..N-1) runs
#   shockflow sweep SWEEP --shard k/N --out OUTDIR/shards/k --progress --workers 1 [--batch B]
# (shard k runs the batches b with b mod N = k: use a batch size that gives at least N batches)
# and a merge job, started only when every task has succeeded (afterok), runs
#   shockflow sweep merge OUTDIR/shards/0 ... OUTDIR/shards/N-1 --out OUTDIR/merged
# (a merge replaces its --out folder whole, so that cannot be OUTDIR itself). Logs go to
# OUTDIR/logs/. Prints the two job ids. `--resume` submits only the shards that have not
# finished (no OUTDIR/shards/k/manifest.json yet), with `shockflow sweep --resume` so that an
# interrupted shard continues from its checkpoint, then the merge.
# Other sbatch options (account, time limit, memory, QOS) come from sbatch's own environment
# variables (SBATCH_ACCOUNT, SBATCH_TIMELIMIT, SBATCH_MEM_PER_CPU, SBATCH_QOS, ...).
# See docs/sweep-cluster.md.
set -euo pipefail

usage() {
    echo "usage: $0 SWEEP.yaml OUTDIR [--tasks N] [--batch B] [--shockflow PATH] [--partition P] [--resume]" >&2
    exit 2
}

fail() {
    echo "slurm-sweep: $*" >&2
    exit 1
}

positional=()
tasks=4
shockflow=shockflow
partition=
batch=
resume=
while (($#)); do
    case $1 in
    --tasks) [[ $# -ge 2 ]] || usage; tasks=$2; shift 2 ;;
    --tasks=*) tasks=${1#*=}; shift ;;
    --batch) [[ $# -ge 2 ]] || usage; batch=$2; shift 2 ;;
    --batch=*) batch=${1#*=}; shift ;;
    --shockflow) [[ $# -ge 2 ]] || usage; shockflow=$2; shift 2 ;;
    --shockflow=*) shockflow=${1#*=}; shift ;;
    --partition) [[ $# -ge 2 ]] || usage; partition=$2; shift 2 ;;
    --partition=*) partition=${1#*=}; shift ;;
    --resume) resume=--resume; shift ;;
    -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "slurm-sweep: unknown option $1" >&2; usage ;;
    *) positional+=("$1"); shift ;;
    esac
done
[[ ${#positional[@]} -eq 2 ]] || usage
sweep=${positional[0]}
out_dir=${positional[1]}

[[ $tasks =~ ^[1-9][0-9]*$ ]] || { echo "slurm-sweep: --tasks must be a whole number of at least 1, not '$tasks'" >&2; exit 2; }
[[ -z $batch || $batch =~ ^[1-9][0-9]*$ ]] || { echo "slurm-sweep: --batch must be a whole number of at least 1, not '$batch'" >&2; exit 2; }
[[ -f $sweep ]] || fail "no sweep file at $sweep"
command -v sbatch >/dev/null 2>&1 || fail "sbatch not found: run this on a Slurm login node (Debian package slurm-client)"
# The jobs run on compute nodes, maybe in another folder: pass absolute paths.
shockflow_path=$(command -v "$shockflow" 2>/dev/null) || fail "no shockflow executable '$shockflow' (give its path with --shockflow)"
[[ -x $shockflow_path ]] || fail "$shockflow_path is not executable"
shockflow_path=$(cd "$(dirname "$shockflow_path")" && pwd -P)/$(basename "$shockflow_path")
sweep=$(cd "$(dirname "$sweep")" && pwd -P)/$(basename "$sweep")
mkdir -p "$out_dir/shards" "$out_dir/logs"
out_dir=$(cd "$out_dir" && pwd -P)

partition_option=()
[[ -n $partition ]] && partition_option=(--partition="$partition")
name=shockflow-$(basename "$sweep" .yaml)

# The shard folders in numeric order (a glob would put 10 before 2), and the tasks to submit:
# all of them, or with --resume those whose shard folder is not written yet (it appears whole).
shard_dirs=()
pending=()
for ((task = 0; task < tasks; task++)); do
    shard_dirs+=("$out_dir/shards/$task")
    [[ -n $resume && -f $out_dir/shards/$task/manifest.json ]] || pending+=("$task")
done

array_job=
dependency=()
if ((${#pending[@]})); then
    task_list=$(IFS=,; echo "${pending[*]}")
    ((${#pending[@]} == tasks)) && task_list=0-$((tasks - 1))
    # The shard count is written out rather than read from $SLURM_ARRAY_TASK_COUNT: a resumed
    # array holds only the unfinished tasks, but task k is still shard k of N.
    array_job=$(sbatch --parsable ${partition_option[@]+"${partition_option[@]}"} --job-name="$name" --array="$task_list" \
        --ntasks=1 --cpus-per-task=1 --output="$out_dir/logs/shard-%a-job%A.log" <<EOF
#!/usr/bin/env bash
set -euo pipefail
exec $(printf '%q' "$shockflow_path") sweep $(printf '%q' "$sweep") --shard "\$SLURM_ARRAY_TASK_ID/$tasks" \\
    --out $(printf '%q' "$out_dir/shards")/"\$SLURM_ARRAY_TASK_ID" --progress --workers 1 ${batch:+--batch $batch} $resume
EOF
    ) || fail "sbatch refused the shard array job"
    array_job=${array_job%%;*}
    dependency=(--dependency="afterok:$array_job" --kill-on-invalid-dep=yes)
    echo "shard array job: $array_job (tasks $task_list of 0-$((tasks - 1)); shards in $out_dir/shards/)"
else
    echo "every shard in $out_dir/shards/ has finished: submitting the merge only"
fi

merge_job=$(sbatch --parsable ${partition_option[@]+"${partition_option[@]}"} --job-name="$name-merge" ${dependency[@]+"${dependency[@]}"} \
    --ntasks=1 --cpus-per-task=1 --output="$out_dir/logs/merge-job%j.log" <<EOF
#!/usr/bin/env bash
set -euo pipefail
exec $(printf '%q' "$shockflow_path") sweep merge $(printf '%q ' "${shard_dirs[@]}")--out $(printf '%q' "$out_dir/merged")
EOF
) || fail "sbatch refused the merge job${array_job:+ (the shard array job $array_job is queued: scancel $array_job drops it)}"
merge_job=${merge_job%%;*}

echo "merge job: $merge_job (runs when every shard has succeeded; results in $out_dir/merged/)"
echo "logs: $out_dir/logs/"
