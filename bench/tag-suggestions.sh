#!/usr/bin/env bash
# Benchmark: tag suggestions for a 5,000-character post against the full gazetteer (target ≤ 5 ms), and the
# cost of rebuilding the suggester after a change. BenchmarkDotNet, Release; results in
# bench/out/tag-suggestions/results/*.md. Usage: bench/tag-suggestions.sh [BenchmarkDotNet options]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/TagSuggestions -- --artifacts bench/out/tag-suggestions "$@"
