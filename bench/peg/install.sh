#!/usr/bin/env bash
# Installs what bench/peg/generate.py needs to write PEG sheets through six
# real PDF producers, on a fresh Debian 12 machine (run as root, or with sudo):
#
#   Debian packages: libreoffice-writer (soffice --headless, for the
#     libreoffice-odt and libreoffice-html producers), chromium (print-to-pdf),
#     php-cli and php-tcpdf (TCPDF), poppler-utils (pdfinfo/pdftotext: the
#     generator counts pages and sees where the GANTT table breaks),
#     fonts-dejavu-core and fonts-liberation (the fonts every producer embeds),
#     python3-venv.
#   Python packages, in the venv bench/peg/.venv (gitignored): reportlab,
#     fpdf2, odfpy.
#
# Measured on the project's 2-core machine (2026-12-05): 37 s for the 38
# Debian packages it lacked (LibreOffice's core was already there, from
# Calc) and the three Python packages. On a machine with no LibreOffice at
# all, libreoffice-core and -common add about 57 MB of downloads to the
# 113 MB of chromium and chromium-common (apt-cache show, Debian 12).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
start=$(date +%s)

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends \
    libreoffice-writer \
    chromium \
    php-cli php-tcpdf \
    poppler-utils \
    fonts-dejavu-core fonts-liberation \
    python3-venv python3-pip

if [ ! -x "$here/.venv/bin/python" ]; then
    python3 -m venv "$here/.venv"
fi
"$here/.venv/bin/pip" install --quiet --upgrade pip
"$here/.venv/bin/pip" install --quiet -r "$here/requirements.txt"

echo "bench/peg: installato in $(( $(date +%s) - start )) s"
