#!/usr/bin/env bash
# Regenerates docs/screenshots/ (12 PNGs: map, map with a city's panel, city page; desktop and phone; de and en)
# from the Release build on a fresh seeded database without map tiles (bench/app.sh), so the design can be seen
# without running the app. Needs: node (npm ci), chromium. Usage: scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
port=${SCREENSHOTS_PORT:-5318}
trap 'kill ${app_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
source bench/app.sh

start_app "$port" "$work/app.log"
mkdir -p docs/screenshots
node scripts/screenshots.mjs "http://127.0.0.1:$port" docs/screenshots
