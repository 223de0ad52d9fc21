#!/usr/bin/env bash
# Benchmark: paging through OGC API – Features items (issue 13) on a fresh database of N synthetic cities (plus the
# seed), the Release build on loopback. The first items request reads the open-data set of that data version (its
# time is reported apart); then a client follows the `next` links from the first page to the last, at limit=1000,
# through the cities and then the commitments collection, as GDAL and QGIS do, and the time of each page (request
# to last byte, JSON parsed) is summarised. A filtered page and a box are sent R times for comparison.
# Needs: node (npm ci), curl. Usage: bench/ogc-items.sh [city count] [requests per filtered query]
# Prints Markdown to paste into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
requests=${2:-50}
work=$(mktemp -d)
port=5316
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
first=$(curl -fs -o /dev/null -w '%{time_total}' "$base/ogc/collections/cities/items?limit=1")
echo "load average before: $(cut -d" " -f1-3 /proc/loadavg)"
echo "first items request (reads the open-data set of $count + seed cities): $(awk -v s="$first" 'BEGIN { printf "%.0f", s * 1000 }') ms"
echo

# Follows next links from a first page to the end; prints one Markdown row.
page_through() {
  node -e '
    const [start, label] = process.argv.slice(1);
    (async () => {
      const times = []; let url = start, features = 0, bytes = 0, matched = 0;
      while (url) {
        const t0 = performance.now();
        const response = await fetch(url, { headers: { accept: "application/geo+json" } });
        const text = await response.text();
        const page = JSON.parse(text);
        times.push(performance.now() - t0);
        if (!response.ok) throw new Error(`${url}: ${response.status} ${text.slice(0, 200)}`);
        features += page.numberReturned; bytes += text.length; matched = page.numberMatched;
        url = page.links.find(l => l.rel === "next")?.href;
      }
      if (features !== matched) throw new Error(`read ${features} of ${matched} features`);
      const sorted = [...times].sort((a, b) => a - b), at = q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
      const total = times.reduce((a, b) => a + b, 0);
      console.log(`| ${label} | ${features} | ${times.length} | ${at(0.5).toFixed(1)} | ${at(0.95).toFixed(1)} | ${sorted.at(-1).toFixed(1)} | ${(total / 1000).toFixed(1)} | ${Math.round(bytes / times.length)} |`);
    })().catch(e => { console.error(e.message); process.exit(1); });' "$1" "$2"
}

echo "| collection, limit=1000 | features | pages | median per page (ms) | p95 (ms) | max (ms) | all pages (s) | bytes per page |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
page_through "$base/ogc/collections/cities/items?limit=1000" "cities"
page_through "$base/ogc/collections/commitments/items?limit=1000" "commitments"
echo

measure() { # path → "median_ms p95_ms bytes"
  local path=$1
  for _ in $(seq 1 3); do curl -fs -o /dev/null "$base$path"; done
  for _ in $(seq 1 "$requests"); do curl -fs -o /dev/null -w '%{time_total} %{size_download}\n' "$base$path"; done |
    sort -n | awk '{ t[NR] = $1 * 1000; b = $2 } END { printf "%.2f %.2f %d\n", t[int((NR + 1) / 2)], t[int(NR * 0.95)], b }'
}
echo "| request | median (ms) | p95 (ms) | bytes |"
echo "| --- | ---: | ---: | ---: |"
for path in \
  "/ogc/collections/cities/items?limit=1000&offset=50000" \
  "/ogc/collections/cities/items?limit=1000&country=DE&type=sea-rescue-support" \
  "/ogc/collections/commitments/items?limit=1000&datetime=2020-01-01/2020-12-31" \
  "/ogc/collections/cities/items?limit=1000&bbox=5,45,15,55" \
  "/ogc/collections/cities/items?limit=10" \
  "/js/nearest.js"; do
  read -r median p95 bytes < <(measure "$path")
  echo "| \`$path\` | $median | $p95 | $bytes |"
done
echo; echo "load average after: $(cut -d" " -f1-3 /proc/loadavg)"
