#!/usr/bin/env bash
# bench/web/browser.sh: `atti serve` in a real browser (issue 19), outside CI.
#
# Installs Debian's chromium and chromium-driver when missing, ingests the
# samples/ folder into a fresh index, starts `atti serve` and chromedriver
# on loopback ports, and runs bench/web/browser.py: search, filter, open a
# document, follow a provenance link, download the xlsx, open the report,
# list the report templates and download one for a half year (csv) and a
# year (xlsx), a wrong year refused in Italian, each checked, with a
# screenshot of each page in $SHOTS [docs/web].
#
# Environment: SHOTS=DIR  PORT=18733  DRIVER_PORT=18734  ATTI=PATH
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SHOTS=${SHOTS:-$ROOT/docs/web}
PORT=${PORT:-18733}
DRIVER_PORT=${DRIVER_PORT:-18734}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
say() { printf '%s\n' "$*" >&2; }

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "browser: installing chromium and chromium-driver"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update >/dev/null
    $sudo apt-get install -y --no-install-recommends chromium chromium-driver >/dev/null
fi
if [ -z "${ATTI:-}" ]; then
    (cd "$ROOT" && cargo build --release --bin atti >&2)
    ATTI=$TARGET/release/atti
fi

WORK=$(mktemp -d)
SERVER="" DRIVER=""
cleanup() {
    [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null
    [ -n "$DRIVER" ] && kill "$DRIVER" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$WORK/downloads" "$SHOTS"
cp -r "$ROOT/samples" "$WORK/archivio"
(cd "$WORK" && "$ATTI" ingest archivio --index idx >&2)

"$ATTI" serve --index "$WORK/idx" --bind "127.0.0.1:$PORT" 2>"$WORK/serve.err" &
SERVER=$!
chromedriver --port="$DRIVER_PORT" --allowed-ips=127.0.0.1 >"$WORK/driver.log" 2>&1 &
DRIVER=$!
for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$DRIVER_PORT") 2>/dev/null; then break; fi
    sleep 0.1
done
python3 "$ROOT/bench/web/browser.py" "http://127.0.0.1:$PORT" "http://127.0.0.1:$DRIVER_PORT" "$SHOTS" "$WORK/downloads"
say "browser: screenshots in $SHOTS"
