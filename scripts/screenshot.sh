#!/usr/bin/env bash
# Takes the screenshots in docs/ of the real app under Xvfb: the card
# browser, an opened card, steps 2, 5 and 6 of the example conversation,
# and steps 1, 5 and 6 of its client view in Dutch and in Arabic.
# Usage: scripts/screenshot.sh BINARY OUTDIR
set -euo pipefail
bin=$1 out=$2
mkdir -p "$out"
data=$(mktemp -d)
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x820x24 >/dev/null 2>&1 &
xvfb=$!
app=
trap 'kill $app $xvfb 2>/dev/null; rm -rf "$data"' EXIT
sleep 1
export DISPLAY=$display LANG=nl_NL.UTF-8

shot() { sleep 1; import -window root "$out/$1"; }
# click X Y: the step buttons sit in one row at y=106, 182 pixels apart.
click() { xdotool mousemove "$1" "$2" click 1; }

"$bin" --data "$data" >/dev/null 2>&1 &
app=$!
sleep 4
click 155 21 # the "Kaarten" tab
shot browser.png
click 560 250 # the second card of the first row
shot card.png
kill $app

session=$("$bin" --data "$data" voorbeeld 2>/dev/null | grep -o 'sessie [0-9]*' | cut -d' ' -f2)
"$bin" --data "$data" --sessie "$session" >/dev/null 2>&1 &
app=$!
sleep 4
click 277 106
shot step2.png
click 822 106
shot step5.png
click 1004 106
shot step6.png

# The client view, from the keyboard: Ctrl+Shift+K turns the screen,
# Alt+Left and Alt+Right move between steps.
key() { xdotool key "$@"; sleep 0.3; }
key ctrl+shift+k
shot client-step6-nl.png
key alt+Left
shot client-step5-nl.png
key alt+Left alt+Left alt+Left alt+Left
shot client-step1-nl.png
click 1170 30  # the language choice
click 1120 150 # العربية
shot client-step1-ar.png
key alt+Right alt+Right alt+Right alt+Right
shot client-step5-ar.png
key alt+Right
shot client-step6-ar.png
echo "screenshots in $out"
