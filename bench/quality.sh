#!/usr/bin/env bash
# Web quality (issue 18): Lighthouse (mobile profile: performance, accessibility, best practices, SEO), the Nu HTML
# Checker and a link crawl on the public pages in German and English. The Release build is started on loopback on
# a fresh, seeded database without map tiles (bench/app.sh); bench/quality.mjs does the checks and prints a
# Markdown table for docs/quality.md. Lighthouse's JSON reports, the checked HTML and the checker's and crawler's
# findings are kept in bench/out/quality/ to read what failed.
# Needs: node (npm ci: lighthouse, vnu-jar, linkinator), java (17+), chromium.
# Usage: bench/quality.sh [page names...]   (map city news post about statistics downloads; default all)
#        QUALITY_LIGHTHOUSE=0 bench/quality.sh   only the checker and the crawl (a few minutes less)
#        QUALITY_RUNS=5 bench/quality.sh map     Lighthouse five times per page, the median reported (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
port=${QUALITY_PORT:-5317}
out=bench/out/quality
trap 'kill ${app_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
source bench/app.sh

rm -rf "$out"; mkdir -p "$out"
start_app "$port" "$out/app.log"
node bench/quality.mjs "http://127.0.0.1:$port" "$out" "$@"
