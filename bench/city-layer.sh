#!/usr/bin/env bash
# Benchmark: GET /api/cities (Brotli) from the app against nginx serving the identical bytes as a static file,
# with wrk at 50 connections, for fresh databases of 1,000 and 10,000 synthetic cities (plus the 11 seed cities).
# Needs: wrk, nginx (apt: wrk nginx-light), node. Usage: bench/city-layer.sh [seconds per run] [city counts...]
# Prints a Markdown table to paste into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
shift || true
[ $# -gt 0 ] && counts=("$@") || counts=(1000 10000)
work=$(mktemp -d)
chmod 755 "$work"  # nginx workers run as an unprivileged user
app_port=5311 nginx_port=5312
trap 'kill ${app_pid:-} 2>/dev/null || true; nginx -p "$work/nginx" -c nginx.conf -s stop 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build src/MovingCities.Web -c Release -v quiet -nologo >/dev/null

mkdir -p "$work/nginx/logs" "$work/nginx/html"
cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/nginx/html;
    location = /cities.geojson.br {
      default_type application/geo+json;
      add_header Content-Encoding br;
      add_header Cache-Control "public, no-cache";
      add_header Vary Accept-Encoding;
    }
  }
}
NGINX

wrk_run() { # url → "requests/s p99_ms"
  local out
  out=$(wrk -t2 -c50 -d"${duration}s" --latency -H 'Accept-Encoding: br' "$1")
  if echo "$out" | grep -q 'Non-2xx'; then echo "wrk saw errors from $1:" >&2; echo "$out" >&2; exit 1; fi
  echo "$out" | grep -E 'Transfer/sec' | sed "s|^|$1 |" >&2
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  # wrk prints latency as 812.00us / 1.23ms / 1.02s; normalise to ms
  p99=$(echo "$p99" | awk '/us$/ {sub("us","");printf "%.2f", $1/1000; exit} /ms$/ {sub("ms","");printf "%.2f", $1; exit} /s$/ {sub("s","");printf "%.2f", $1*1000}')
  echo "$rps $p99"
}

echo "| cities | app req/s | app p99 (ms) | nginx req/s | nginx p99 (ms) | ratio app/nginx | Brotli bytes | bytes/city | identity bytes |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for count in "${counts[@]}"; do
  node bench/synthetic-cities.mjs "$count" "$work/cities-$count.geojson" >/dev/null
  export ConnectionStrings__MovingCities="Data Source=$work/bench-$count.db"
  dotnet run --project src/MovingCities.Web -c Release --no-build -- import "$work/cities-$count.geojson" >/dev/null
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "src/MovingCities.Web/bin/Release/net10.0/MovingCities.Web.dll" --urls "http://127.0.0.1:$app_port" \
    --contentRoot "$PWD/src/MovingCities.Web" >"$work/app-$count.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$app_port/healthz" >/dev/null && break; sleep 0.2; done

  curl -fs -H 'Accept-Encoding: br' "http://127.0.0.1:$app_port/api/cities" -o "$work/nginx/html/cities.geojson.br"
  identity=$(curl -fs "http://127.0.0.1:$app_port/api/cities" | wc -c)
  compressed=$(stat -c %s "$work/nginx/html/cities.geojson.br")
  total=$((count + 11))
  nginx -p "$work/nginx" -c nginx.conf
  sleep 0.5
  # warm-up, then measure each server alone
  wrk -t2 -c50 -d2s -H 'Accept-Encoding: br' "http://127.0.0.1:$app_port/api/cities" >/dev/null
  read -r app_rps app_p99 < <(wrk_run "http://127.0.0.1:$app_port/api/cities")
  wrk -t2 -c50 -d2s "http://127.0.0.1:$nginx_port/cities.geojson.br" >/dev/null
  read -r ngx_rps ngx_p99 < <(wrk_run "http://127.0.0.1:$nginx_port/cities.geojson.br")
  nginx -p "$work/nginx" -c nginx.conf -s stop; sleep 0.3
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=

  ratio=$(awk -v a="$app_rps" -v n="$ngx_rps" 'BEGIN {printf "%.2f", a/n}')
  per_city=$(awk -v b="$compressed" -v c="$total" 'BEGIN {printf "%.1f", b/c}')
  echo "| $total | $app_rps | $app_p99 | $ngx_rps | $ngx_p99 | $ratio | $compressed | $per_city | $identity |"
done
