#!/usr/bin/env bash
# Takes the team database's screenshots in docs/ of the real app under Xvfb
# with openbox, on a 1366×768 screen, against a throwaway PostgreSQL server
# (a Unix socket in a temporary folder, as the tests start one):
#   team-handover.png  bram hands the example client over to anna, with a note;
#   team-conflict.png  anna and bram (her colleague for a duo intake) typed in
#                      the same field: bram's later save shows both versions;
#   team-offline.png   the server stops while bram types: the status line;
#   team-cijfers.png   policy staff's window: the team's figures (bram's client
#                      and anna's nine examples), no clients.
# It starts the server again after the offline shot and checks that what
# bram typed arrived, and that the policy window fits the screen.
# Usage: scripts/team-screenshots.sh BINARY OUTDIR
set -euo pipefail
bin=$(realpath "$1") out=$2
mkdir -p "$out"
tmp=$(mktemp -d)
pg=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$tmp"
pids=()
cleanup() {
	kill "${pids[@]}" 2>/dev/null || true
	run_pg "$pg/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT
export LANG=nl_NL.UTF-8 LC_ALL=C.UTF-8

run_pg "$pg/initdb" -D "$tmp/data" -A trust -U postgres -E UTF8 --locale C --no-sync >/dev/null
start_pg() { run_pg "$pg/pg_ctl" -D "$tmp/data" -o "-k $tmp -p 5432 -c listen_addresses=''" -l "$tmp/log" -w start >/dev/null; }
start_pg
url() { echo "postgres:///team?host=$tmp&user=$1&sslmode=disable"; }
psql -h "$tmp" -U postgres -qc 'CREATE DATABASE team' postgres
"$bin" team inrichten --db "$(url postgres)" >/dev/null
for login in bram anna; do "$bin" team medewerker --db "$(url postgres)" --naam $login >/dev/null; done
"$bin" team medewerker --db "$(url postgres)" --naam beleid --beleid >/dev/null
"$bin" --data "$tmp/bram" --db "$(url bram)" voorbeeld >/dev/null
# anna's examples, so that the team's figures show counts of 5 and more.
for _ in $(seq 9); do "$bin" --data "$tmp/anna" --db "$(url anna)" voorbeeld >/dev/null; done
psql -h "$tmp" -U bram -d team -qAtc "SELECT samenbeslissen.add_colleague(1, 'anna', '')" >/dev/null

export DISPLAY=:$((80 + RANDOM % 9))
Xvfb "$DISPLAY" -screen 0 1366x768x24 >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
openbox >/dev/null 2>&1 &
pids+=($!)
# Until openbox manages the screen, activating a window fails.
for _ in $(seq 50); do xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' && break; sleep 0.1; done

# open LOGIN ARGS…: the app as LOGIN, filling the screen; prints its window.
open() {
	local login=$1 before win
	shift
	before=$(xdotool search --name '^Samen Beslissen$' 2>/dev/null | sort || true)
	"$bin" --data "$tmp/$login" --db "$(url "$login")" "$@" >/dev/null 2>&1 &
	pids+=($!)
	for _ in $(seq 100); do
		win=$(comm -13 <(echo "$before") <(xdotool search --name '^Samen Beslissen$' 2>/dev/null | sort) | head -1)
		[ -n "$win" ] && break
		sleep 0.1
	done
	sleep 2 # the first frame
	xdotool windowmove --sync "$win" 0 0
	xdotool windowsize --sync "$win" 1366 740
	sleep 1
	echo "$win"
}
click() { xdotool mousemove --window "$1" "$2" "$3" click 1; sleep 1; }
type_at_end() { click "$1" 900 684; xdotool key --window "$1" ctrl+End; xdotool type --window "$1" --delay 30 "$2"; sleep 2; }
shot() { sleep 1; import -window root "$out/$1"; }

bram=$(open bram)
click "$bram" 100 160  # the client
click "$bram" 485 436  # Overdragen…
click "$bram" 717 290  # the drop-down
click "$bram" 600 325  # anna
click "$bram" 717 350  # the note
xdotool type --window "$bram" --delay 20 "Samira start op 8 december bij het werkgeverspunt. Ze wil graag een vaste contactpersoon."
shot team-handover.png
click "$bram" 620 484  # Annuleren
click "$bram" 585 233  # the conversation, at step 6

anna=$(open anna --sessie 1)
type_at_end "$anna" " Ze wil later in de zorg werken."
xdotool windowactivate --sync "$bram"
sleep 1
type_at_end "$bram" " Het is dichtbij huis."
shot team-conflict.png
click "$bram" 554 541 # Tekst van anna nemen

run_pg "$pg/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null
type_at_end "$bram" " Ik begin in januari."
sleep 1
shot team-offline.png
start_pg
arrived=
for _ in $(seq 100); do
	if psql -h "$tmp" -U postgres -d team -qAtc "SELECT value FROM samenbeslissen.session_values WHERE session_id = 1 AND key = 'waarom'" | grep -q 'zorg werken. Ik begin in januari.'; then
		arrived=1
		break
	fi
	sleep 0.2
done
if [ -z "$arrived" ]; then
	echo "what bram typed while the server was stopped did not arrive" >&2
	exit 1
fi

beleid=$(open beleid)
shot team-cijfers.png
read -r w h < <(xwininfo -id "$beleid" | awk '/Width:/ {w=$2} /Height:/ {h=$2} END {print w, h}')
if [ "$w" -gt 1366 ] || [ "$h" -gt 768 ]; then
	echo "the policy window is ${w}×${h}, larger than the 1366×768 screen" >&2
	exit 1
fi
echo "team screenshots in $out; what was typed offline arrived; the policy window is ${w}×${h}"
