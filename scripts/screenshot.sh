#!/usr/bin/env bash
# Takes the screenshots in docs/ of the real app under Xvfb with a window
# manager (openbox), on a 1366×768 screen: the card browser, an opened
# card, steps 2, 4, 5 (also scrolled to the totals) and 6 of the example
# conversation, and its client view in Dutch and Arabic (step 5 also
# scrolled to the totals, Arabic step 6 also to the agreements and their
# dates), Farsi, Tigrinya and Turkish.
# Then, on a 1024×768 screen and on a 1920×1080 screen at 150 %, it visits
# every step of both views and fails if the window ever grew past the
# screen.
# Usage: scripts/screenshot.sh BINARY OUTDIR
# SCREENSHOT_DISPLAY (e.g. :62) picks the X display; by default one of
# :90 to :98.
set -euo pipefail
bin=$1 out=$2
mkdir -p "$out"
root=$(mktemp -d)
data=$root/main
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$root"' EXIT
export LANG=nl_NL.UTF-8 LC_ALL=C.UTF-8
"$bin" --data "$data" voorbeeld >/dev/null

# screen W H: a fresh X server of W×H with openbox on it, in place of the
# last one.
screen() {
	if [ ${#pids[@]} -gt 0 ]; then kill "${pids[@]}" 2>/dev/null || true; sleep 0.5; fi
	pids=()
	export DISPLAY=${SCREENSHOT_DISPLAY:-:$((90 + RANDOM % 9))}
	Xvfb "$DISPLAY" -screen 0 "$1x$2x24" >/dev/null 2>&1 &
	pids+=($!)
	for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
	openbox >/dev/null 2>&1 &
	pids+=($!)
	# Until openbox manages the screen, activating a window fails.
	for _ in $(seq 50); do xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' && break; sleep 0.1; done
	sw=$1 sh=$2
}

# app ARGS: the app on the current screen; waits for its window.
app() {
	"$bin" --data "$data" "$@" >/dev/null 2>&1 &
	app_pid=$!
	pids+=($app_pid)
	win=$(xdotool search --sync --name '^Samen Beslissen$' | head -1)
	sleep 2 # the first frame
}

# fill: the window fills the screen below its title bar, as maximised.
fill() {
	local y
	xdotool windowmove --sync "$win" 0 0
	y=$(xwininfo -id "$win" | awk '/Absolute upper-left Y/ {print $4}')
	xdotool windowsize --sync "$win" "$sw" $((sh - y))
	xdotool windowmove --sync "$win" 0 0
	sleep 1
}

quit() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; }

shot() { sleep 1; import -window root "$out/$1"; }
key() { xdotool key --window "$win" "$@"; sleep 0.4; }
# click X Y, relative to the window's inside.
click() { xdotool mousemove --window "$win" "$1" "$2" click 1; sleep 0.4; }
# scroll_end X Y: the mouse wheel down, far, over X Y.
scroll_end() { xdotool mousemove --window "$win" "$1" "$2"; for _ in $(seq 60); do xdotool click 5; done; }
# scroll_up X Y N: the mouse wheel up N times over X Y.
scroll_up() { xdotool mousemove --window "$win" "$1" "$2"; for _ in $(seq "$3"); do xdotool click 4; done; }

# fits WHAT: fails when the window is larger than the screen.
fits() {
	local w h
	w=$(xwininfo -id "$win" | awk '/Width:/ {print $2}')
	h=$(xwininfo -id "$win" | awk '/Height:/ {print $2}')
	if [ "$w" -gt "$sw" ] || [ "$h" -gt "$sh" ]; then
		echo "$1: the window is ${w}×${h}, larger than the ${sw}×${sh} screen" >&2
		exit 1
	fi
}

# every_step VIEW: from step 1, each step in turn, checking the fit.
every_step() {
	key alt+Left alt+Left alt+Left alt+Left alt+Left alt+Left
	for n in 1 2 3 4 5 6 7; do
		fits "$1 step $n"
		if [ $n -lt 7 ]; then key alt+Right; fi
	done
}

screen 1366 768
app
fill
click 150 21 # the "Kaarten" tab
shot browser.png
click 440 150 # the first card
shot card.png
quit

app --sessie 1
fill
key alt+Left alt+Left alt+Left alt+Left alt+Left alt+Left # step 1
key alt+Right
shot step2.png
key alt+Right alt+Right
shot step4.png
key alt+Right
shot step5.png
scroll_end 600 400
scroll_up 600 400 4 # back up from the cards to propose, to the totals
shot step5-end.png
key alt+Right
shot step6.png

# The client view, from the keyboard: Ctrl+Shift+K turns the screen,
# Alt+Left and Alt+Right move between steps.
key ctrl+shift+k
shot client-step6-nl.png
key alt+Left
shot client-step5-nl.png
scroll_end 600 400
shot client-step5-end-nl.png
key alt+Left alt+Left alt+Left alt+Left
shot client-step1-nl.png
click 1250 30 # the language choice, top right
click 1270 201 # العربية, the third
shot client-step1-ar.png
key alt+Right alt+Right alt+Right alt+Right
shot client-step5-ar.png
scroll_end 600 400
shot client-step5-end-ar.png
key alt+Right
shot client-step6-ar.png
scroll_end 600 400
shot client-step6-end-ar.png
quit

# Turkish, Farsi and Tigrinya, each in a fresh window whose client view
# starts in Dutch: the language list's entries are sorted by their code
# (nl, en, ar, fa, pl, so, ti, tr, uk), about 57 pixels apart.
for lang_y in "fa 267" "ti 441" "tr 500"; do
	set -- $lang_y
	data=$root/$1 # its own example client: the language is kept with the client
	"$bin" --data "$data" voorbeeld >/dev/null
	app --sessie 1
	fill
	key ctrl+shift+k
	key alt+Left alt+Left alt+Left alt+Left alt+Left alt+Left
	click 1250 30  # the language choice
	click 1270 "$2"
	shot "client-step1-$1.png"
	key alt+Right alt+Right alt+Right alt+Right
	shot "client-step5-$1.png"
	quit
done
data=$root/main

for size in "1024 768 1" "1920 1080 1.5"; do
	set -- $size
	screen "$1" "$2"
	FYNE_SCALE=$3 app --sessie 1
	every_step "professional view, ${1}×${2} at scale $3"
	key ctrl+shift+k
	every_step "client view, ${1}×${2} at scale $3"
	quit
done
echo "screenshots in $out; the window fitted 1024×768 and 1920×1080 at 150 % on every step"
