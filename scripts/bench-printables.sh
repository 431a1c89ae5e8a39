#!/usr/bin/env bash
# Times the printables as a user waits for them, whole process from start
# to exit, beside a bare-fpdf floor program (bench/floor) that writes the
# same pages with the same fonts and no layout:
#  - a 200-card A6 deck without bleed (100 pages) from the built-in
#    catalogue, whose cards it then has four or five times each;
#  - the same from a catalogue of 200 different cards (the built-in one
#    five times over under other ids and titles, imported), where no card
#    face can be drawn once for several copies;
#  - one plan.
# Runs each deck and the floor in turn, RUNS times, and prints the medians
# and their ratios.
# Usage: scripts/bench-printables.sh BINARY FLOOR [RUNS]
set -euo pipefail
bin=$1 floor=$2 runs=${3:-7}
data=$(mktemp -d) distinct=$(mktemp -d)
trap 'rm -rf "$data" "$distinct"' EXIT
"$bin" --data "$data" voorbeeld >/dev/null
"$bin" --data "$data" catalogus exporteer "$data/c.toml" >/dev/null
ids=$(grep '^id = ' "$data/c.toml" | cut -d'"' -f2 | paste -sd,)
all=$ids
while [ "$(echo "$all" | tr ',' '\n' | wc -l)" -lt 200 ]; do all="$all,$ids"; done
all=$(echo "$all" | tr ',' '\n' | head -200 | paste -sd,)
for k in 1 2 3 4 5; do
	sed -e "s/^id = \"\(.*\)\"$/id = \"\1-$k\"/" -e "s/^titel = \"\(.*\)\"$/titel = \"\1 $k\"/" "$data/c.toml"
done >"$distinct/c.toml"
"$bin" --data "$distinct" catalogus importeer "$distinct/c.toml" >/dev/null
different=$(grep '^id = ' "$distinct/c.toml" | cut -d'"' -f2 | head -200 | paste -sd,)

# ms runs a command and prints how many milliseconds it took.
ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(((t1 - t0) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

deck=() diff=() fl=() plan=()
for _ in $(seq "$runs"); do
	deck+=("$(ms "$bin" --data "$data" kaarten --afloop=false --kaarten "$all" --uit "$data/deck.pdf")")
	fl+=("$(ms "$floor" "$data/floor.pdf")")
	diff+=("$(ms "$bin" --data "$distinct" kaarten --afloop=false --kaarten "$different" --uit "$distinct/deck.pdf")")
	plan+=("$(ms "$bin" --data "$data" plan --sessie 1 --uit "$data/plan.pdf")")
done
d=$(printf '%s\n' "${deck[@]}" | median)
x=$(printf '%s\n' "${diff[@]}" | median)
f=$(printf '%s\n' "${fl[@]}" | median)
p=$(printf '%s\n' "${plan[@]}" | median)
pages() { pdfinfo "$1" | awk '/Pages/ {print $2}'; }
echo "floor, bare fpdf, $(pages "$data/floor.pdf") pages: ${f} ms"
echo "deck of 200 cards from the built-in catalogue, $(pages "$data/deck.pdf") pages: ${d} ms; ratio $(awk "BEGIN {printf \"%.1f\", $d/$f}")"
echo "deck of 200 different cards, $(pages "$distinct/deck.pdf") pages: ${x} ms; ratio $(awk "BEGIN {printf \"%.1f\", $x/$f}")"
echo "plan: ${p} ms"
echo "(medians of $runs runs each, whole process, side by side in turn)"
