#!/usr/bin/env bash
# bench/scale/slurm.sh: the Slurm job specs (jobs/slurm/) on a running
# Slurm cluster: an array of SHARDS shard ingests, one of them killed while
# it runs and requeued, then the merge job; the merged index is compared with one ingest of the
# same files, table by table. Outside CI.
#
# A one-machine cluster on loopback, as it was run here (Debian, as root):
#   apt-get install -y --no-install-recommends slurm-wlm munge
#   write /etc/slurm/slurm.conf: SlurmctldHost=$(hostname), AuthType=auth/munge,
#     ProctrackType=proctrack/linuxproc, TaskPlugin=task/none,
#     SelectType=select/cons_tres, NodeName=$(hostname) CPUs=2,
#     PartitionName=debug Nodes=$(hostname) Default=YES
#   create /etc/munge/munge.key (1024 random bytes, owner munge, mode 400)
#   su -s /bin/sh munge -c /usr/sbin/munged; slurmctld; slurmd
#
# Environment: N=400 documents, SHARDS=8, BENCH_DIR=/tmp/atti-bench, ATTI=PATH.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
N=${N:-400}
SHARDS=${SHARDS:-8}
BENCH_DIR=${BENCH_DIR:-/tmp/atti-bench}
say() { printf '%s\n' "$*" >&2; }
sinfo >/dev/null 2>&1 || { say "slurm.sh: no Slurm cluster answers (sinfo); see the comment at the top"; exit 2; }
source "$ROOT/bench/scale/binaries.sh"
DIR="$BENCH_DIR/corpus-$N-1"
[ -f "$DIR/manifest.jsonl" ] || "$GEN" --docs "$N" --out "$DIR" --seed 1 >&2
WORK="$BENCH_DIR/slurm-$N"
rm -rf "$WORK"; mkdir -p "$WORK/out"
BIN=$(dirname "$ATTI")
ENV="ALL,PATH=$BIN:$PATH,ARCHIVE=$DIR,OUT=$WORK/out,SHARDS=$SHARDS"

ARRAY=$(sbatch --parsable --chdir "$WORK" --cpus-per-task=1 --mem=1G --array="0-$((SHARDS - 1))" \
    --export="$ENV" "$ROOT/jobs/slurm/atti-shards.sbatch")
say "slurm.sh: array job $ARRAY submitted ($SHARDS shards)"
# A worker lost: the first shard ingest seen running is killed (SIGKILL);
# its task ends failed and is put back in the queue, as an operator (or
# --requeue on a lost node) would; it runs again into the same folder.
PID=""
until [ -n "$PID" ]; do PID=$(pgrep -f -- "ingest .*--shard [0-9]+/$SHARDS" | head -1 || true); sleep 0.1; done
KILLED=$(tr '\0' ' ' </proc/"$PID"/cmdline | grep -o -- '--shard [0-9]*' | awk '{ print $2 }')
kill -KILL "$PID"
say "slurm.sh: shard $KILLED killed while it ran"
sleep 2
scontrol requeue "${ARRAY}_${KILLED}"
while [ -n "$(squeue -h -j "$ARRAY" 2>/dev/null)" ]; do sleep 1; done
sbatch --parsable --wait --chdir "$WORK" --cpus-per-task=1 --mem=1G \
    --export="$ENV" --output="$WORK/merge.json" "$ROOT/jobs/slurm/atti-merge.sbatch" >/dev/null
say "slurm.sh: merge done: $(cat "$WORK/merge.json")"

"$ATTI" ingest "$DIR" --root "$DIR" --index "$WORK/whole" --json >/dev/null 2>&1
source "$ROOT/bench/scale/compare.sh"
compare_tables "$ATTI" "$WORK/whole" "$WORK/out/merged"
echo "| Documents | Shards (Slurm array) | Killed and requeued | Tables equal to one ingest |"
echo "|---|---|---|---|"
echo "| $N | $SHARDS | shard $KILLED | $SAME/$((SAME + DIFF)) |"
[ "$DIFF" -eq 0 ]
