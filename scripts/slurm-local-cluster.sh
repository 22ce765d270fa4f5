#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for testing scripts/slurm-sweep.sh for real.
#
#   scripts/slurm-local-cluster.sh start  [STATE_DIR]   # munged + slurmctld + slurmd, waits until the node is idle
#   scripts/slurm-local-cluster.sh stop   [STATE_DIR]   # stops the three daemons
#   scripts/slurm-local-cluster.sh status [STATE_DIR]   # exit 0 when all three run and the node answers
#   scripts/slurm-local-cluster.sh env    [STATE_DIR]   # prints `export SLURM_CONF=...` for sbatch/squeue/sinfo
#
# Needs Debian's `slurm-wlm` and `munge` packages. Everything (munge key and socket, slurm.conf,
# spool, state, logs) lives under STATE_DIR (default /tmp/shockflow-slurm), nothing under /etc:
# client commands find the cluster through SLURM_CONF=STATE_DIR/slurm.conf. The daemons run as
# the calling user (root in CI). Ports come from STATE_DIR, so clusters in different folders can
# run side by side; SHOCKFLOW_SLURM_PORT overrides (slurmctld uses it, slurmd the next port).
# `start` and `stop` are idempotent. SHOCKFLOW_SLURM_TIMEOUT (seconds, default 60) bounds the wait.
set -euo pipefail
# The daemons live in /usr/sbin, which a non-login PATH may lack.
export PATH=$PATH:/usr/sbin:/sbin

usage() {
    echo "usage: $0 start|stop|status|env [STATE_DIR]" >&2
    exit 2
}

[[ $# -ge 1 && $# -le 2 ]] || usage
action=$1
state_dir=${2:-/tmp/shockflow-slurm}
timeout=${SHOCKFLOW_SLURM_TIMEOUT:-60}

[[ $action == start ]] && mkdir -p "$state_dir"
[[ -d $state_dir ]] && state_dir=$(cd "$state_dir" && pwd -P)
conf=$state_dir/slurm.conf
munge_dir=$state_dir/munge
munge_socket=$munge_dir/munge.socket
log_dir=$state_dir/log
export SLURM_CONF=$conf

# The process id in a pid file, when that process still runs the named program.
running_pid() {
    local pid_file=$1 program=$2 pid
    [[ -s $pid_file ]] || return 1
    pid=$(<"$pid_file")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$program" ]] && alive "$pid" || return 1
    echo "$pid"
}

# True while the process runs (a zombie has exited: this machine's init may reap it late).
alive() {
    local state
    state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) || return 1
    [[ -n $state && $state != Z ]]
}

# Sends SIGTERM to a daemon from its pid file and waits for it to exit (SIGKILL after 20 s).
stop_daemon() {
    local pid_file=$1 program=$2 pid waited=0
    pid=$(running_pid "$pid_file" "$program") || { rm -f "$pid_file"; return 0; }
    kill -TERM "$pid" 2>/dev/null || true
    while alive "$pid"; do
        if ((waited == 200)); then
            echo "$program (pid $pid) still runs 20 s after SIGTERM; sending SIGKILL" >&2
            kill -KILL "$pid" 2>/dev/null || true
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    rm -f "$pid_file"
}

# Runs a daemon (it forks itself away) with a clean slate: no open files of ours but stdin,
# stdout and stderr, no blocked signals, default signal handling. A daemon holding an inherited
# descriptor keeps the caller's pipe open (Foundation's Process waits for it to close), and one
# started with SIGTERM blocked (as by a Swift test's worker thread) ignores `stop`.
as_daemon() {
    (
        for descriptor in /proc/self/fd/*; do
            descriptor=${descriptor##*/}
            ((descriptor > 2)) && eval "exec ${descriptor}>&-" 2>/dev/null
        done
        exec perl -MPOSIX -e 'sigprocmask(SIG_SETMASK, POSIX::SigSet->new) or die "sigprocmask: $!\n";
            $SIG{$_} = "DEFAULT" for grep { !/^__/ } keys %SIG;
            exec { $ARGV[0] } @ARGV or die "cannot run $ARGV[0]: $!\n"' "$@"
    )
}

require_packages() {
    local missing=() program
    for program in munged slurmctld slurmd sinfo scontrol sbatch; do
        command -v "$program" >/dev/null 2>&1 || missing+=("$program")
    done
    if ((${#missing[@]})); then
        echo "missing ${missing[*]}: install Debian's slurm-wlm and munge packages (apt-get install slurm-wlm munge)" >&2
        exit 1
    fi
}

# Two ports derived from the state folder, in 20000-29998, unless SHOCKFLOW_SLURM_PORT is set.
controller_port() {
    if [[ -n ${SHOCKFLOW_SLURM_PORT:-} ]]; then
        echo "$SHOCKFLOW_SLURM_PORT"
    else
        local sum
        sum=$(printf '%s' "$state_dir" | cksum | cut -d' ' -f1)
        echo $((20000 + (sum % 5000) * 2))
    fi
}

write_conf() {
    local host cpus memory_mb port user
    host=$(hostname -s)
    cpus=$(nproc)
    # Half the machine's memory: never more than slurmd finds, so the node is not drained.
    memory_mb=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 / 2 }' /proc/meminfo)
    port=$(controller_port)
    user=$(id -un)
    cat >"$conf.new" <<EOF
# Written by scripts/slurm-local-cluster.sh: a one-node test cluster, rewritten when it starts.
ClusterName=shockflow-local
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$munge_socket
StateSaveLocation=$state_dir/slurmctld
SlurmdSpoolDir=$state_dir/slurmd
SlurmctldPidFile=$state_dir/slurmctld.pid
SlurmdPidFile=$state_dir/slurmd.pid
SlurmctldLogFile=$log_dir/slurmctld.log
SlurmdLogFile=$log_dir/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
MpiDefault=none
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
# Start jobs as soon as they are submitted or freed (a test cluster: no throughput to protect).
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0,sched_interval=1
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
# Finished jobs stay visible to 'scontrol show job' for 10 minutes (there is no accounting).
MinJobAge=600
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host NodeAddr=127.0.0.1 NodeHostname=$host CPUs=$cpus RealMemory=$memory_mb State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
    mv "$conf.new" "$conf"
}

start_munge() {
    running_pid "$munge_dir/munged.pid" munged >/dev/null && return 0
    mkdir -p "$munge_dir"
    chmod 0755 "$munge_dir"
    if [[ ! -s $munge_dir/munge.key ]]; then
        if command -v mungekey >/dev/null 2>&1; then
            mungekey --create --keyfile="$munge_dir/munge.key" --force
        else # munge before 0.5.14
            dd if=/dev/urandom of="$munge_dir/munge.key" bs=1024 count=1 status=none
        fi
        chmod 0600 "$munge_dir/munge.key"
    fi
    rm -f "$munge_socket" "$munge_socket.lock"
    as_daemon munged --socket="$munge_socket" --key-file="$munge_dir/munge.key" --pid-file="$munge_dir/munged.pid" \
        --log-file="$log_dir/munged.log" --seed-file="$munge_dir/munged.seed" --force \
        </dev/null >>"$log_dir/munged.out" 2>&1 || {
        echo "munged did not start; see $log_dir/munged.log and $log_dir/munged.out:" >&2
        tail -n 20 "$log_dir/munged.log" "$log_dir/munged.out" >&2 2>/dev/null || true
        exit 1
    }
}

start_daemon() {
    local program=$1 pid_file=$state_dir/$1.pid
    running_pid "$pid_file" "$program" >/dev/null && return 0
    rm -f "$pid_file"
    as_daemon "$program" </dev/null >>"$log_dir/$program.out" 2>&1 || {
        echo "$program did not start; see $log_dir/$program.log and $log_dir/$program.out:" >&2
        tail -n 20 "$log_dir/$program.log" "$log_dir/$program.out" >&2 2>/dev/null || true
        exit 1
    }
}

# The node's state as sinfo reports it (idle, mix, alloc, down*, ...), or nothing.
node_state() {
    sinfo --noheader --Node --format=%t 2>/dev/null | head -n 1
}

wait_until_idle() {
    local deadline=$((SECONDS + timeout)) state
    while :; do
        state=$(node_state)
        case $state in
        idle | mix | alloc) return 0 ;;
        esac
        if ((SECONDS >= deadline)); then
            echo "the Slurm node is not idle after ${timeout} s (state: '${state:-no answer}'); logs in $log_dir:" >&2
            tail -n 20 "$log_dir/slurmctld.log" "$log_dir/slurmd.log" >&2 2>/dev/null || true
            exit 1
        fi
        sleep 0.2
    done
}

all_running() {
    running_pid "$munge_dir/munged.pid" munged >/dev/null &&
        running_pid "$state_dir/slurmctld.pid" slurmctld >/dev/null &&
        running_pid "$state_dir/slurmd.pid" slurmd >/dev/null
}

case $action in
start)
    require_packages
    chmod 0755 "$state_dir"
    mkdir -p "$log_dir" "$state_dir/slurmctld" "$state_dir/slurmd"
    all_running || write_conf
    start_munge
    start_daemon slurmctld
    start_daemon slurmd
    wait_until_idle
    echo "Slurm cluster up: node $(hostname -s), $(nproc) CPUs, partition local; export SLURM_CONF=$conf"
    ;;
stop)
    stop_daemon "$state_dir/slurmd.pid" slurmd
    stop_daemon "$state_dir/slurmctld.pid" slurmctld
    stop_daemon "$munge_dir/munged.pid" munged
    echo "Slurm cluster in $state_dir stopped"
    ;;
status)
    if all_running && [[ -n $(node_state) ]]; then
        echo "running: node $(hostname -s) is $(node_state); export SLURM_CONF=$conf"
    else
        echo "not running (state folder $state_dir)"
        exit 1
    fi
    ;;
env)
    echo "export SLURM_CONF=$conf"
    ;;
*)
    usage
    ;;
esac
