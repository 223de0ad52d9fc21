#!/usr/bin/env bash
# The tag suggester against the labelled corpus: recall, open precision and passing cases overall, per language
# and per phenomenon (as ../shared/docs/tagging-corpus.md defines them; every suggestion counts), the cases that
# fail or suggest more than required, and the time per 5,000 characters (target ≤ 5 ms), measured in-process on a
# Release build. Usage: bench/tag-corpus.sh [corpus.json ...]   (default: the copy in tests/…/TestData/tagging)
set -euo pipefail
cd "$(dirname "$0")/.."
corpora=()
for f in "$@"; do corpora+=("$(realpath "$f")"); done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(date -u +%F)"
dotnet run -c Release --project bench/TagSuggestions -- corpus "${corpora[@]}"
