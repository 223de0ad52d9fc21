#!/usr/bin/env bash
# Web quality (issue 18): Lighthouse (mobile profile: performance, accessibility, best practices, SEO), the Nu HTML
# Checker and a link crawl on the public pages in German and English. The Release build is started on loopback on
# a fresh, seeded database without map tiles (Basemap__TileUrl= : nothing leaves the machine); bench/quality.mjs
# does the checks and prints a Markdown table for docs/quality.md. Lighthouse's JSON reports, the checked HTML and
# the checker's and crawler's findings are kept in bench/out/quality/ to read what failed.
# Needs: node (npm ci: lighthouse, vnu-jar, linkinator), java (17+), chromium.
# Usage: bench/quality.sh [page names...]   (map city news post about statistics downloads; default all)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
port=${QUALITY_PORT:-5317}
out=bench/out/quality
trap 'kill ${app_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT

[ -d node_modules/lighthouse ] || npm ci --no-audit --no-fund >/dev/null
dotnet build src/MovingCities.Web -c Release -v quiet -nologo >/dev/null

rm -rf "$out"; mkdir -p "$out"
# Development environment: it is what serves the repo-root wwwroot from the build output (see map-ready.sh).
ConnectionStrings__MovingCities="Data Source=$work/quality.db" Basemap__TileUrl= \
  ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning \
  dotnet "src/MovingCities.Web/bin/Release/net10.0/MovingCities.Web.dll" --urls "http://127.0.0.1:$port" \
  --contentRoot "$PWD/src/MovingCities.Web" >"$out/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

node bench/quality.mjs "http://127.0.0.1:$port" "$out" "$@"
