#!/usr/bin/env bash
# Renders the printables of the example conversation to PNG pages for docs/:
# a Dutch, an Arabic, a Farsi, a Tigrinya (also two-language) and a Turkish
# plan, the overview, a deck sheet front and back, and the group kit in
# Dutch and Arabic (the instruction cards with two cards, the blank cards,
# fronts and backs, and the worksheet). And, at 200 dpi, the top of a Farsi
# plan and of an Arabic plan with the Dutch beneath, to look closely at the
# letters: no bar where Farsi has a zero-width non-joiner, and the dots under
# the Arabic clear of the Dutch line.
# Usage: scripts/printables.sh BINARY OUTDIR
set -euo pipefail
bin=$1 out=$2
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
mkdir -p "$out"
run() { "$bin" --data "$data" "$@" >/dev/null 2>&1; }
run voorbeeld
run gemeente --naam "Gemeente Voorbeeld" --contact "Jan de Vries" --telefoon "14 026" --logo assets/icon.png
run plan --sessie 1 --uit "$data/plan-nl.pdf"
run plan --sessie 1 --taal ar --uit "$data/plan-ar.pdf"
for lang in fa ti tr; do run plan --sessie 1 --taal $lang --uit "$data/plan-$lang.pdf"; done
run plan --sessie 1 --taal ti --tweetalig --uit "$data/plan-ti-nl.pdf"
run plan --sessie 1 --taal ar --tweetalig --uit "$data/plan-ar-nl.pdf"
run overzicht --sessie 1 --uit "$data/overzicht.pdf"
run kaarten --kaarten schuldhulpverlening,taalcursus-nederlands,jobhunting,open-hiring,ips-jobcoaching,nazorg-werkcoach,kinderopvang-regelen,werkfit-traject --formaat a7 --uit "$data/kaarten.pdf"
for lang in nl ar; do
	run kaarten --groep --taal $lang --afloop=false --kaarten werkfit-traject,schuldhulpverlening --uit "$data/kit-$lang.pdf"
	pdftoppm -png -r 50 "$data/kit-$lang.pdf" "$out/kit-$lang"
done
pdftoppm -png -r 60 -f 1 -l 1 "$data/plan-nl.pdf" "$out/plan-nl"
pdftoppm -png -r 60 -f 1 -l 1 "$data/plan-ar.pdf" "$out/plan-ar"
for p in plan-fa plan-ti plan-tr plan-ti-nl; do pdftoppm -png -r 60 -f 1 -l 1 "$data/$p.pdf" "$out/$p"; done
pdftoppm -png -r 60 -f 1 -l 1 "$data/overzicht.pdf" "$out/overview"
pdftoppm -png -r 60 -f 1 -l 2 "$data/kaarten.pdf" "$out/deck"
# pdftoppm numbers the pages; give the files plain names.
for f in "$out"/plan-nl-*.png "$out"/plan-ar-*.png "$out"/plan-fa-*.png "$out"/plan-tr-*.png "$out"/plan-ti-1*.png "$out"/plan-ti-nl-*.png "$out"/overview-*.png; do mv "$f" "${f%-*}.png"; done
mv "$out"/deck-*1.png "$out/deck-front.png"
mv "$out"/deck-*2.png "$out/deck-back.png"
# The top 95 mm of the first page at 200 dpi: 1654 by 748 pixels.
top() { pdftoppm -png -r 200 -f 1 -l 1 -x 0 -y 0 -W 1654 -H 748 -singlefile "$data/$1.pdf" "$out/$2"; }
top plan-fa plan-fa-top
top plan-ar-nl plan-two-top
echo "printables in $out"
