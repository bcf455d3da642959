"""LibreOffice headless, run once for a whole batch of source files.

A private user profile (-env:UserInstallation) keeps this run apart from any
other LibreOffice on the machine: two soffice processes sharing a profile
wait on each other's lock, or quietly convert nothing.
"""

import os
import shutil
import subprocess
import tempfile


def convert(sources, outdir: str, filter_in: str = None):
    """Converts every source file to PDF in `outdir` (named after the source)."""
    profile = tempfile.mkdtemp(prefix="pegcorpus-lo-")
    try:
        args = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"]
        if filter_in:
            args.append(f"--infilter={filter_in}")
        args += ["--convert-to", "pdf:writer_pdf_Export", "--outdir", outdir]
        args += list(sources)
        subprocess.run(args, check=True, capture_output=True, timeout=60 + 20 * len(sources))
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    missing = [s for s in sources
               if not os.path.exists(os.path.join(outdir, os.path.splitext(os.path.basename(s))[0] + ".pdf"))]
    if missing:
        raise RuntimeError(f"LibreOffice non ha convertito: {', '.join(missing)}")
