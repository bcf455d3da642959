#!/usr/bin/env python3
"""Runs atti's shards on a Dask cluster, then merges them into one index.

    python jobs/dask/atti_dask.py --scheduler tcp://host:8786 \
        --archive /data/archive --out /data/indexes --shards 64

Each task runs `atti ingest ARCHIVE --shard I/N --index OUT/shard-I` on a
worker (atti must be on every worker's PATH, or give --atti; ARCHIVE and
OUT on storage every worker sees). Retries and lost workers: a task that
fails is run again up to --retries times; a task whose worker dies is
rescheduled by Dask on another worker (up to the scheduler's
`distributed.scheduler.allowed-failures`). Running a shard again is safe:
it ingests into the same folder, keeps what was committed and replaces the
batch that was cut short. When every shard is done, the driver runs
`atti merge` and prints its summary (JSON) on stdout.
"""

import argparse
import json
import subprocess
import sys


def run_shard(atti, archive, out, shard, shards, jobs):
    cmd = [
        atti, "ingest", archive, "--root", archive,
        "--shard", f"{shard}/{shards}", "--index", f"{out}/shard-{shard}",
        "--jobs", str(jobs), "--json",
    ]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"shard {shard}: exit {done.returncode}: {done.stderr[-800:]}")
    return shard, json.loads(done.stdout)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--scheduler", required=True, help="Dask scheduler address")
    p.add_argument("--archive", required=True)
    p.add_argument("--out", required=True, help="folder of the shard indexes")
    p.add_argument("--shards", type=int, default=64)
    p.add_argument("--jobs", type=int, default=1, help="atti --jobs per task")
    p.add_argument("--retries", type=int, default=3)
    p.add_argument("--atti", default="atti")
    a = p.parse_args()

    from dask.distributed import Client, as_completed

    client = Client(a.scheduler)
    futures = client.map(
        run_shard,
        [a.atti] * a.shards, [a.archive] * a.shards, [a.out] * a.shards,
        range(a.shards), [a.shards] * a.shards, [a.jobs] * a.shards,
        retries=a.retries, pure=False,
    )
    for n, fut in enumerate(as_completed(futures), 1):
        shard, summary = fut.result()
        print(f"shard {shard}/{a.shards} done ({n}/{a.shards}): "
              f"{summary.get('documents_in_index')} documents", file=sys.stderr, flush=True)
    merged = subprocess.run(
        [a.atti, "merge", *[f"{a.out}/shard-{i}" for i in range(a.shards)],
         "--index", f"{a.out}/merged", "--json"],
        capture_output=True, text=True,
    )
    if merged.returncode != 0:
        sys.exit(f"atti merge: exit {merged.returncode}: {merged.stderr}")
    print(merged.stdout.strip())


if __name__ == "__main__":
    main()
