#!/usr/bin/env bash
# Times the printables as a user waits for them, whole process from start
# to exit, beside a bare-fpdf floor program (bench/floor) that writes the
# same pages with the same fonts and no layout: a 200-card A6 deck without
# bleed (100 pages), and one plan. Runs the deck and the floor in turn,
# RUNS times each, and prints the medians and their ratio.
# Usage: scripts/bench-printables.sh BINARY FLOOR [RUNS]
set -euo pipefail
bin=$1 floor=$2 runs=${3:-7}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
"$bin" --data "$data" voorbeeld >/dev/null
ids=$("$bin" --data "$data" catalogus exporteer "$data/c.toml" >/dev/null && grep '^id = ' "$data/c.toml" | cut -d'"' -f2 | paste -sd,)
all=$ids
while [ "$(echo "$all" | tr ',' '\n' | wc -l)" -lt 200 ]; do all="$all,$ids"; done
all=$(echo "$all" | tr ',' '\n' | head -200 | paste -sd,)

# ms runs a command and prints how many milliseconds it took.
ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(((t1 - t0) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

deck=() fl=() plan=()
for _ in $(seq "$runs"); do
	deck+=("$(ms "$bin" --data "$data" kaarten --afloop=false --kaarten "$all" --uit "$data/deck.pdf")")
	fl+=("$(ms "$floor" "$data/floor.pdf")")
	plan+=("$(ms "$bin" --data "$data" plan --sessie 1 --uit "$data/plan.pdf")")
done
d=$(printf '%s\n' "${deck[@]}" | median)
f=$(printf '%s\n' "${fl[@]}" | median)
p=$(printf '%s\n' "${plan[@]}" | median)
echo "deck of 200 cards (100 pages): ${d} ms; floor: ${f} ms; ratio $(awk "BEGIN {printf \"%.1f\", $d/$f}")"
echo "plan: ${p} ms"
echo "(medians of $runs runs each, whole process; pages $(pdfinfo "$data/deck.pdf" | awk '/Pages/ {print $2}') and $(pdfinfo "$data/floor.pdf" | awk '/Pages/ {print $2}'))"
