#!/usr/bin/env bash
# Main-thread blocking of the map page under 4× CPU slowdown, observed in Chromium, with the About page as the
# same-run reference (bench/main-thread.mjs says why and how). The Release build on loopback, fresh seeded database,
# no map tiles (bench/app.sh). Needs: node (npm ci), chromium. Usage: bench/main-thread.sh [runs]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
port=${MAIN_THREAD_PORT:-5319}
trap 'kill ${app_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
source bench/app.sh

start_app "$port" "$work/app.log"
# The server tiers up its code for about two seconds of CPU after its first requests: let that pass first.
for path in /de /en /api/cities /api/commitment-types /de/about; do curl -fs -o /dev/null "http://127.0.0.1:$port$path"; done
sleep 10
echo "Measured $(date -u +%F) on $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(chromium --version 2>/dev/null | head -1)"
echo
node bench/main-thread.mjs "http://127.0.0.1:$port" "${1:-5}"
