"""TCPDF (PHP): the plans handed as JSON to tcpdf_render.php, one php process
for the whole batch."""

import dataclasses
import json
import os
import shutil
import subprocess
import tempfile

from .plan import Doc, Para

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tcpdf_render.php")


def as_json(doc: Doc) -> dict:
    data = dataclasses.asdict(doc)
    data["blocks"] = [dict(dataclasses.asdict(b), kind="para" if isinstance(b, Para) else "table")
                      for b in doc.blocks]
    return data


def render_all(items, workdir: str):
    if not shutil.which("php"):
        raise RuntimeError("php non trovato: eseguire bench/peg/install.sh")
    scratch = tempfile.mkdtemp(prefix="pegcorpus-tcpdf-")
    try:
        jobs = [{"path": os.path.abspath(path), "doc": as_json(doc)} for doc, path in items]
        job_file = os.path.join(scratch, "jobs.json")
        with open(job_file, "w", encoding="utf-8") as out:
            json.dump(jobs, out, ensure_ascii=False)
        fontdir = os.path.join(scratch, "fonts")
        os.makedirs(fontdir)
        subprocess.run(["php", SCRIPT, job_file, fontdir], check=True, capture_output=True,
                       timeout=60 + 10 * len(items))
        missing = [path for _, path in items if not os.path.exists(path)]
        if missing:
            raise RuntimeError(f"TCPDF non ha scritto: {', '.join(missing)}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
