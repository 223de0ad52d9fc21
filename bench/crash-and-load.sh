#!/usr/bin/env bash
# Load and crash check: the Release build on a fresh database seeded from geodata/, wrk at 100 connections for N
# seconds against /api/cities and then /cities/konstanz. Any non-2xx answer or socket error (connect, read,
# write, timeout) fails the run with wrk's full report. Then the server is killed with SIGKILL while wrk is
# loading it, started again on the same database, and must be healthy, pass `backup` (which runs
# PRAGMA integrity_check on a copy) and serve the same /api/cities bytes as before the kill.
# Needs: wrk (apt: wrk), curl. Usage: bench/crash-and-load.sh [seconds per run] [connections]
# Prints a Markdown table to paste into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-100}
work=$(mktemp -d)
port=5314
app_dll=src/MovingCities.Web/bin/Release/net10.0/MovingCities.Web.dll
trap 'kill ${app_pid:-} 2>/dev/null || true; kill ${wrk_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build src/MovingCities.Web -c Release -v quiet -nologo >/dev/null

export ConnectionStrings__MovingCities="Data Source=$work/load.db" Geodata__Path="$PWD/geodata"
start_app() { # → app_pid; waits for /healthz
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$app_dll" --urls "http://127.0.0.1:$port" --contentRoot "$PWD/src/MovingCities.Web" >>"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && return; sleep 0.25; done
  echo "the app did not become healthy:" >&2; cat "$work/app.log" >&2; exit 1
}

wrk_run() { # path → "requests/s p50_ms p99_ms requests"; fails on any error wrk reports
  local out
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -H 'Accept-Encoding: br, gzip' "http://127.0.0.1:$port$1")
  if echo "$out" | grep -qE 'Non-2xx|Socket errors'; then
    echo "FAILED: wrk saw errors from $1 at $connections connections:" >&2; echo "$out" >&2; exit 1
  fi
  echo "$out" | grep -E 'Requests/sec|Transfer/sec' | sed "s|^|$1 |" >&2
  local rps p50 p99 total
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  total=$(echo "$out" | awk '/requests in/ {print $1}')
  # wrk prints latency as 812.00us / 1.23ms / 1.02s; normalise to ms
  ms() { awk '/us$/ {sub("us","");printf "%.2f", $1/1000; exit} /ms$/ {sub("ms","");printf "%.2f", $1; exit} /s$/ {sub("s","");printf "%.2f", $1*1000}'; }
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}' | ms)
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}' | ms)
  echo "$rps $p50 $p99 $total"
}

start_app
before=$(curl -fs "http://127.0.0.1:$port/api/cities" | sha256sum)
cities=$(curl -fs "http://127.0.0.1:$port/api/cities" | grep -o '"type":"Feature"' | wc -l)

echo "| path | connections | seconds | requests | req/s | p50 (ms) | p99 (ms) | non-2xx | socket errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for path in /api/cities /cities/konstanz; do
  wrk -t2 -c"$connections" -d2s -H 'Accept-Encoding: br, gzip' "http://127.0.0.1:$port$path" >/dev/null # warm-up
  read -r rps p50 p99 total < <(wrk_run "$path")
  echo "| \`$path\` | $connections | $duration | $total | $rps | $p50 | $p99 | 0 | 0 |"
done

# SIGKILL under load: wrk's own errors here are expected (the server vanishes); what counts is the restart.
wrk -t2 -c"$connections" -d4s "http://127.0.0.1:$port/api/cities" >/dev/null 2>&1 &
wrk_pid=$!
sleep 2
kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true
wait "$wrk_pid" 2>/dev/null || true; wrk_pid=
restart_started=$(date +%s%N)
start_app
restart_ms=$(( ($(date +%s%N) - restart_started) / 1000000 ))
after=$(curl -fs "http://127.0.0.1:$port/api/cities" | sha256sum)
if [ "$before" != "$after" ]; then echo "FAILED: /api/cities changed across the kill" >&2; exit 1; fi
backup=$(dotnet "$app_dll" backup "$work/after-kill.db" 2>&1) || { echo "FAILED: backup after the kill: $backup" >&2; exit 1; }
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
echo
echo "kill -9 under load at $connections connections: restarted healthy in $restart_ms ms, /api/cities ($cities cities) byte-identical, ${backup#backup: }"
