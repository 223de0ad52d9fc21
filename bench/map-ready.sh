#!/usr/bin/env bash
# Benchmark: how soon the map is ready in headless Chromium with 1,000, 10,000 and 100,000 synthetic cities
# (plus the seed cities), how many bytes /api/cities puts on the wire, and whether panning stays smooth.
# Each count gets a fresh database; the first request warms the server's prepared layer, then the page is
# loaded N times in fresh browser contexts (no cache) and the medians are reported.
# Needs: node (npm ci), chromium. Usage: bench/map-ready.sh [runs] [city counts...]
# Prints a Markdown table to paste into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
[ $# -gt 0 ] && counts=("$@") || counts=(1000 10000 100000)
work=$(mktemp -d)
port=5313
trap 'kill ${app_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build src/MovingCities.Web -c Release -v quiet -nologo >/dev/null

echo "| cities | map ready (ms) | /api/cities load (ms) | bytes on the wire | JSON bytes | DOM markers | pan: worst frame (ms) | pan: p95 frame (ms) | import (s) | first layer build (s) |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for count in "${counts[@]}"; do
  node bench/synthetic-cities.mjs "$count" "$work/cities-$count.geojson" >/dev/null
  export ConnectionStrings__MovingCities="Data Source=$work/bench-$count.db"
  started=$(date +%s.%N)
  dotnet run --project src/MovingCities.Web -c Release --no-build -- import "$work/cities-$count.geojson" >/dev/null
  import_s=$(echo "$(date +%s.%N) - $started" | bc)
  # Development environment: it is what serves the repo-root wwwroot from the build output (stack notes).
  ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning \
    dotnet run --project src/MovingCities.Web -c Release --no-build --no-launch-profile -- --urls "http://127.0.0.1:$port" \
    >"$work/app-$count.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
  started=$(date +%s.%N)
  curl -fs -H 'Accept-Encoding: br' -o /dev/null "http://127.0.0.1:$port/api/cities"
  warm_s=$(echo "$(date +%s.%N) - $started" | bc)
  result=$(node bench/map-ready.mjs "http://127.0.0.1:$port/" "$runs")
  echo "$result" >"$work/result-$count.json"
  echo "$result" | node -e '
    const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const [count, importS, warmS] = process.argv.slice(1);
    const n = (v) => v === null ? "–" : Number(v).toLocaleString("en");
    console.log(`| ${n(count)} | ${n(r.readyMs)} | ${n(r.layerMs)} | ${n(r.transferBytes)} | ${n(r.bodyBytes)} | ${n(r.markersInDom)} | ${r.panMaxFrameMs} | ${r.panP95FrameMs} | ${Number(importS).toFixed(1)} | ${Number(warmS).toFixed(1)} |`);
  ' "$count" "$import_s" "$warm_s"
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
done
