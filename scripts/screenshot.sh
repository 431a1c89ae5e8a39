#!/usr/bin/env bash
# Takes screenshots of the running app under Xvfb: the card browser, and a
# card opened by clicking it. Usage: scripts/screenshot.sh BINARY OUTDIR
set -euo pipefail
bin=$1 out=$2
mkdir -p "$out"
data=$(mktemp -d)
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x820x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null; rm -rf "$data"' EXIT
sleep 1
DISPLAY=$display LANG=nl_NL.UTF-8 "$bin" --data "$data" >/dev/null 2>&1 &
app=$!
sleep 4
DISPLAY=$display import -window root "$out/browser.png"
# The second card of the first row.
DISPLAY=$display xdotool mousemove 560 250 click 1
sleep 1
DISPLAY=$display import -window root "$out/card.png"
echo "screenshots in $out"
