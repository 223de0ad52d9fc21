#!/usr/bin/env bash
# Benchmark: the city page /de/cities/konstanz (Brotli) from the app against nginx serving the identical bytes as a
# static file, with wrk at 50 connections, on a fresh database seeded from geodata/. A third run sends an
# Authorization header: the page cache (src/MovingCities.Web/Http/PageCache.cs) then steps aside and every
# request renders the page, queries the database and compresses it, as before the cache.
# Needs: wrk, nginx (apt: wrk nginx-light). Usage: bench/city-page.sh [seconds per run] [path]
# Prints a Markdown table to paste into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
path=${2:-/de/cities/konstanz}
work=$(mktemp -d)
chmod 755 "$work"  # nginx workers run as an unprivileged user
app_port=5321 nginx_port=5322
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
    location = /page.html.br {
      default_type "text/html; charset=utf-8";
      add_header Content-Encoding br;
      add_header Cache-Control "public, no-cache";
      add_header Vary Accept-Encoding;
    }
  }
}
NGINX

wrk_run() { # url [extra header] → "requests/s p99_ms"
  local out
  out=$(wrk -t2 -c50 -d"${duration}s" --latency -H 'Accept-Encoding: br' ${2:+-H "$2"} "$1")
  if echo "$out" | grep -q 'Non-2xx'; then echo "wrk saw errors from $1:" >&2; echo "$out" >&2; exit 1; fi
  echo "$out" | grep -E 'Transfer/sec' | sed "s|^|$1 |" >&2
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  # wrk prints latency as 812.00us / 1.23ms / 1.02s; normalise to ms
  p99=$(echo "$p99" | awk '/us$/ {sub("us","");printf "%.2f", $1/1000; exit} /ms$/ {sub("ms","");printf "%.2f", $1; exit} /s$/ {sub("s","");printf "%.2f", $1*1000}')
  echo "$rps $p99"
}

export ConnectionStrings__MovingCities="Data Source=$work/bench.db"
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet "src/MovingCities.Web/bin/Release/net10.0/MovingCities.Web.dll" --urls "http://127.0.0.1:$app_port" \
  --contentRoot "$PWD/src/MovingCities.Web" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$app_port/healthz" >/dev/null && break; sleep 0.2; done

url="http://127.0.0.1:$app_port$path"
curl -fs -H 'Accept-Encoding: br' -D "$work/headers" "$url" -o "$work/nginx/html/page.html.br"
grep -qi '^content-encoding: br' "$work/headers" || { echo "the app did not answer $path with Brotli" >&2; exit 1; }
identity=$(curl -fs "$url" | wc -c)
compressed=$(stat -c %s "$work/nginx/html/page.html.br")
nginx -p "$work/nginx" -c nginx.conf
sleep 0.5
cmp <(curl -fs -H 'Accept-Encoding: br' "$url") <(curl -fs -H 'Accept-Encoding: br' "http://127.0.0.1:$nginx_port/page.html.br")

# warm-up, then measure each server alone
wrk -t2 -c50 -d2s -H 'Accept-Encoding: br' "$url" >/dev/null
read -r app_rps app_p99 < <(wrk_run "$url")
wrk -t2 -c50 -d2s -H 'Accept-Encoding: br' "http://127.0.0.1:$nginx_port/page.html.br" >/dev/null
read -r ngx_rps ngx_p99 < <(wrk_run "http://127.0.0.1:$nginx_port/page.html.br")
nginx -p "$work/nginx" -c nginx.conf -s stop; sleep 0.3
read -r raw_rps raw_p99 < <(wrk_run "$url" 'Authorization: none')
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=

ratio=$(awk -v a="$app_rps" -v n="$ngx_rps" 'BEGIN {printf "%.2f", a/n}')
echo "| path | app req/s | app p99 (ms) | nginx req/s | nginx p99 (ms) | ratio app/nginx | uncached req/s | uncached p99 (ms) | Brotli bytes | identity bytes |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
echo "| \`$path\` | $app_rps | $app_p99 | $ngx_rps | $ngx_p99 | $ratio | $raw_rps | $raw_p99 | $compressed | $identity |"
