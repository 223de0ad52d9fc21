#!/usr/bin/env bash
# Benchmark: GET /api/cities?near=lon,lat (issue 17) on a fresh database of N synthetic cities (plus the seed),
# the Release build in Production on loopback. The first near= request builds the prepared layer (its time is
# reported apart); then each query is sent R times one after another with curl, and the median and p95 of curl's
# time_total are reported, next to a static file from the same server (the floor: socket, HTTP, curl) measured in
# the same run. Then wrk (2 threads, 10 connections, 5 s) for throughput of the first query.
# Needs: node (npm ci), curl, wrk. Usage: bench/near.sh [requests per query] [city count]
# Prints a Markdown table to paste into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-200}
count=${2:-100000}
work=$(mktemp -d)
port=5314
trap 'kill ${app_pid:-} 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

dotnet build src/MovingCities.Web -c Release -v quiet -nologo >/dev/null
node bench/synthetic-cities.mjs "$count" "$work/cities.geojson" >/dev/null
export ConnectionStrings__MovingCities="Data Source=$work/bench.db"
dotnet run --project src/MovingCities.Web -c Release --no-build -- import "$work/cities.geojson" >/dev/null
ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning \
  dotnet "src/MovingCities.Web/bin/Release/net10.0/MovingCities.Web.dll" --urls "http://127.0.0.1:$port" \
  --contentRoot "$PWD/src/MovingCities.Web" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

base="http://127.0.0.1:$port"
first=$(curl -fs -o /dev/null -w '%{time_total}' "$base/api/cities?near=9.17,47.66&limit=10")

measure() { # path → "median_ms p95_ms bytes"
  local path=$1
  for _ in $(seq 1 5); do curl -fs -o /dev/null "$base$path"; done # warm-up (JIT, tiered compilation)
  for _ in $(seq 1 "$requests"); do curl -fs -o /dev/null -w '%{time_total} %{size_download}\n' "$base$path"; done |
    sort -n | awk '{ t[NR] = $1 * 1000; b = $2 } END { printf "%.2f %.2f %d\n", t[int((NR + 1) / 2)], t[int(NR * 0.95)], b }'
}

echo "| request | median (ms) | p95 (ms) | bytes |"
echo "| --- | ---: | ---: | ---: |"
for path in \
  "/api/cities?near=9.17,47.66&limit=10" \
  "/api/cities?near=9.17,47.66&limit=10&commitment=sea-rescue-support" \
  "/api/cities?near=9.17,47.66&limit=10&country=DE&status=decided&from=2020&to=2022" \
  "/api/cities?near=9.17,47.66&limit=1000" \
  "/api/cities?near=9.17,47.66&limit=10&bbox=5,45,15,55" \
  "/js/nearest.js"; do
  read -r median p95 bytes < <(measure "$path")
  echo "| \`$path\` | $median | $p95 | $bytes |"
done
echo
echo "first near= request (builds the prepared layer of $((count + 236)) cities): $(awk -v s="$first" 'BEGIN { printf "%.0f", s * 1000 }') ms"
wrk -t2 -c10 -d5s --latency "$base/api/cities?near=9.17,47.66&limit=10" | grep -E 'Requests/sec|50%|99%' | sed 's/^/wrk near=…\&limit=10: /'
