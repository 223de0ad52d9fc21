#!/usr/bin/env bash
# Benchmark (issue 17): changing a filter on the map with 10,000 and 100,000 synthetic cities (plus the seed), in
# headless Chromium. For each size: N cities imported into a fresh database, the Release build started on
# loopback, the page loaded once, then bench/filter-change.mjs makes a cycle of filter changes repeatedly and
# reports the median time from the change event to data-map-state=ready (markers, list and counts updated).
# Needs: node (npm ci), chromium. Usage: bench/filter-change.sh [cycles] [city counts...]
# Prints a Markdown table to paste into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cycles=${1:-5}
shift || true
[ $# -gt 0 ] && counts=("$@") || counts=(10000 100000)
work=$(mktemp -d)
port=5315
trap 'kill ${app_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build src/MovingCities.Web -c Release -v quiet -nologo >/dev/null

echo "| cities | changes | median change → ready (ms) | median synchronous part (ms) | slowest (ms) | type | country | all countries | status |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for count in "${counts[@]}"; do
  node bench/synthetic-cities.mjs "$count" "$work/cities-$count.geojson" >/dev/null
  export ConnectionStrings__MovingCities="Data Source=$work/bench-$count.db"
  dotnet run --project src/MovingCities.Web -c Release --no-build -- import "$work/cities-$count.geojson" >/dev/null
  # Development environment: it is what serves the repo-root wwwroot from the build output (see map-ready.sh).
  ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning \
    dotnet "src/MovingCities.Web/bin/Release/net10.0/MovingCities.Web.dll" --urls "http://127.0.0.1:$port" \
    --contentRoot "$PWD/src/MovingCities.Web" >"$work/app-$count.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
  curl -fs -H 'Accept-Encoding: br' -o /dev/null "http://127.0.0.1:$port/api/cities"
  result=$(node bench/filter-change.mjs "http://127.0.0.1:$port/" "$cycles")
  echo "$result" >&2
  echo "$result" | node -e '
    const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const n = (v) => Number(v).toLocaleString("en");
    console.log(`| ${n(process.argv[1])} | ${r.changes} | ${n(r.medianMs)} | ${n(r.medianSyncMs)} | ${n(r.maxMs)} | ${r.byStep.type} | ${r.byStep.country} | ${r.byStep["all-countries"]} | ${r.byStep.status} |`);
  ' "$count"
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
done
