#!/usr/bin/env bash
# A/B of a front-end change: the working tree's copy of the given files (A) against HEAD's (B), loaded in
# alternating runs from one server, so a busy minute on this shared machine touches both alike (a Lighthouse
# score here swings by ±10 between runs of one build, docs/quality.md). Each run is one load of /de under 4× CPU
# slowdown (bench/long-tasks.mjs); prints each run's map-ready time and blocking time, then the medians.
# The Release build serves the repo's wwwroot live (bench/app.sh), so only files under wwwroot/ can be compared.
# Needs: node (npm ci), chromium. Usage: bench/main-thread-ab.sh <runs> <file under wwwroot/>...
set -euo pipefail
cd "$(dirname "$0")/.."
runs=$1; shift
work=$(mktemp -d)
port=${AB_PORT:-5321}
# Whatever happens, the working tree keeps its own version (A) of each file copied so far.
restore() { for file in "$@"; do if [ -f "$work/A/$file" ]; then cp "$work/A/$file" "$file"; fi; done; }
trap 'restore "$@"; kill ${app_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
for file in "$@"; do
  [[ $file == wwwroot/* ]] || { echo "$file: only files under wwwroot/ are served live" >&2; exit 1; }
  mkdir -p "$work/A/$(dirname "$file")" "$work/B/$(dirname "$file")"
  git show "HEAD:$file" > "$work/B/$file"
  cp "$file" "$work/A/$file"
done
source bench/app.sh

start_app "$port" "$work/app.log"
for path in /de /en /api/cities /api/commitment-types; do curl -fs -o /dev/null "http://127.0.0.1:$port$path"; done
sleep 10 # the server tiers up its code after its first requests (main-thread.sh)
echo "Measured $(date -u +%F) on $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(chromium --version 2>/dev/null | head -1)"
for _ in $(seq 1 "$runs"); do
  for side in A B; do
    for file in "$@"; do cp "$work/$side/$file" "$file"; done
    # A run that failed must stop the comparison, not count as 0 ms for its side.
    result=$(node bench/long-tasks.mjs "http://127.0.0.1:$port" /de | tail -1)
    [[ $result =~ blocking\ [0-9]+\ ms ]] || { echo "run of $side failed: $result" >&2; exit 1; }
    echo "$side $result" | tee -a "$work/results"
  done
done
for side in A B; do
  grep "^$side " "$work/results" | sed -E 's/.*blocking ([0-9]+) ms.*/\1/' | sort -n \
    | awk -v side="$side" '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print side ": median blocking " m " ms over " NR " runs" }'
done
