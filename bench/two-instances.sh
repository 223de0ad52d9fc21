#!/usr/bin/env bash
# Benchmark (issue 11): the app as two instances behind nginx on one PostgreSQL database, against one instance behind
# the same nginx, for /api/cities and the city page /de/cities/konstanz (Brotli), with wrk at 50 connections.
# nginx runs deploy/nginx-load-balancer.conf itself (its listen address replaced; for "one instance" its second
# server line removed), so the example in the repo is the one measured. PostgreSQL is a throwaway cluster
# (scripts/throwaway-postgres.sh); both instances start at the same moment on its empty database.
# Needs: postgresql-15-postgis-3, nginx-light, wrk. Usage: bench/two-instances.sh [seconds per run]
# Prints a Markdown table to paste into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
work=$(mktemp -d)
chmod 755 "$work"  # nginx workers run as an unprivileged user
nginx_port=5331
source scripts/throwaway-postgres.sh
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  nginx -p "$work/nginx" -c nginx.conf -s stop 2>/dev/null || true
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build src/MovingCities.Web -c Release -v quiet -nologo >/dev/null
start_postgres >&2
database="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=movingcities_bench"

# The ports the example config names.
ports=($(grep -oE 'server 127\.0\.0\.1:[0-9]+' deploy/nginx-load-balancer.conf | cut -d: -f2))
[ ${#ports[@]} -eq 2 ] || { echo "expected two server lines in deploy/nginx-load-balancer.conf" >&2; exit 1; }
for port in "${ports[@]}"; do
  Database__Provider=PostgreSQL ConnectionStrings__MovingCities="$database" \
    ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet src/MovingCities.Web/bin/Release/net10.0/MovingCities.Web.dll --urls "http://127.0.0.1:$port" \
    --contentRoot "$PWD/src/MovingCities.Web" >"$work/app-$port.log" 2>&1 &
  pids+=($!)
done
for port in "${ports[@]}"; do
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { echo "instance on $port did not start:" >&2; cat "$work/app-$port.log" >&2; exit 1; }
done
cities=$(psql -qtA "postgresql://postgres@127.0.0.1:$pg_port/movingcities_bench" -c 'SELECT COUNT(*) FROM "Cities"')
etags=$(for port in "${ports[@]}"; do curl -fs -D - -o /dev/null -H 'Accept-Encoding: br' "http://127.0.0.1:$port/api/cities" | grep -i '^etag'; done | sort -u | wc -l)
[ "$etags" -eq 1 ] || { echo "the two instances serve different layers" >&2; exit 1; }
echo "two instances started together on an empty database: $cities cities seeded once, one layer (same ETag) on both" >&2

# nginx with the example site: only its listen address changes (and, for one instance, its second server line).
site() { # file, instances
  sed -e "s/listen 80;/listen 127.0.0.1:$nginx_port;/" -e '/listen \[::\]:80;/d' deploy/nginx-load-balancer.conf |
    { [ "$2" -eq 1 ] && sed "/server 127.0.0.1:${ports[1]}/d" || cat; } >"$1"
}
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  include $work/nginx/site.conf;
}
NGINX

wrk_run() { # url → "requests/s p99_ms"
  local out rps p99
  out=$(wrk -t2 -c50 -d"${duration}s" --latency -H 'Accept-Encoding: br' "$1")
  if echo "$out" | grep -q 'Non-2xx'; then echo "wrk saw errors from $1:" >&2; echo "$out" >&2; exit 1; fi
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}' |
    awk '/us$/ {sub("us","");printf "%.2f", $1/1000; exit} /ms$/ {sub("ms","");printf "%.2f", $1; exit} /s$/ {sub("s","");printf "%.2f", $1*1000}')
  echo "$rps $p99"
}

echo "| path | instances behind nginx | req/s | p99 (ms) |"
echo "| --- | ---: | ---: | ---: |"
for instances in 1 2; do
  site "$work/nginx/site.conf" "$instances"
  nginx -p "$work/nginx" -c nginx.conf
  sleep 0.5
  for path in /api/cities /de/cities/konstanz; do
    wrk -t2 -c50 -d2s -H 'Accept-Encoding: br' "http://127.0.0.1:$nginx_port$path" >/dev/null  # warm-up
    read -r rps p99 < <(wrk_run "http://127.0.0.1:$nginx_port$path")
    echo "| \`$path\` | $instances | $rps | $p99 |"
  done
  nginx -p "$work/nginx" -c nginx.conf -s stop
  sleep 0.5
done
