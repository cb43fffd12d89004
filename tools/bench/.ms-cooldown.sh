#!/usr/bin/env bash
# Whole-process benchmark: the kiosk against Chromium --kiosk, alternating, each run on a
# fresh Xvfb. Measures first frame, settled PSS of the process tree and idle CPU.
# Usage and what each figure means: tools/bench/README.md.
set -euo pipefail
export LC_ALL=C   # "." as the decimal point in $EPOCHREALTIME and awk

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"

only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only=${2:-}; shift 2 ;;
    --only=*) only=${1#--only=}; shift ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "measure-startup: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
case "$only" in ""|kiosk|chromium) ;; *) echo "measure-startup: --only kiosk|chromium" >&2; exit 2 ;; esac

RUNS=${RUNS:-5}
IDLE_SECONDS=${IDLE_SECONDS:-20}
SETTLE_SECONDS=${SETTLE_SECONDS:-3}
WARMUP=${WARMUP:-1}
FIRST_FRAME_TIMEOUT_MS=${FIRST_FRAME_TIMEOUT_MS:-30000}
OUT=${OUT:-build-bench/startup.tsv}
PAGE=${PAGE:-$(cd "$repo/.." && pwd)/shared/bench/chromium-kiosk-programme.html}
# Probe specs are "X,Y,W,H RRGGBB [TOLERANCE]"; the default is the time column of the list.
CHROMIUM_PROBE=${CHROMIUM_PROBE:-"40,120,120,500 ffd166"}
KIOSK_PROBE=${KIOSK_PROBE:-$CHROMIUM_PROBE}
# Commands are eval'd in the launching shell (cwd: repo root), so "$tmp" is the run's own
# fresh directory. Going through eval instead of `bash -c` keeps an extra shell start-up
# out of the measured time.
# shellcheck disable=SC2016  # $tmp is expanded later, per run, by eval
KIOSK_CMD=${KIOSK_CMD:-'build/kiosk/app/olohuone-kiosk --state-dir "$tmp/state"'}
CHROMIUM_CMD=${CHROMIUM_CMD:-"chromium --kiosk --no-sandbox --disable-gpu --disable-quic --no-first-run \
--disable-background-networking --disable-component-update --disable-sync --disable-features=Translate \
--user-data-dir=\"\$tmp/profile\" --window-size=1280,800 --window-position=0,0${CHROMIUM_CROSSCHECK:+ --enable-logging=stderr} \
$(printf %q "file://$PAGE")"}

programs=(kiosk chromium)
[ -n "$only" ] && programs=("$only")
if [[ " ${programs[*]} " == *" kiosk "* && "$KIOSK_CMD" == build/kiosk/app/olohuone-kiosk* &&
      ! -x build/kiosk/app/olohuone-kiosk ]]; then
  echo "measure-startup: build/kiosk/app/olohuone-kiosk is not built; build it, set KIOSK_CMD, or use --only chromium" >&2
  exit 2
fi
[ -r "$PAGE" ] || { echo "measure-startup: page not found: $PAGE" >&2; exit 2; }

probe=build-bench/first-frame-probe
mkdir -p build-bench "$(dirname "$OUT")"
if [ ! -x "$probe" ] || [ tools/bench/first-frame-probe.c -nt "$probe" ]; then
  cc -O2 -Wall -Wextra -o "$probe" tools/bench/first-frame-probe.c -lX11
fi
hz=$(getconf CLK_TCK)

work=$(mktemp -d "${TMPDIR:-/tmp}/olohuone-bench.XXXXXX")
xvfb_pid="" probe_pid="" prog_pid=""

say() { echo "measure-startup: $*" >&2; }
# A foreground sleep would hold off the INT/TERM traps (and so cleanup) until it ends.
pause() { sleep "$1" >/dev/null 2>&1 & wait "$!"; }

# True while any non-zombie process of the group is left (the leader stays a zombie
# until we reap it, so `kill -0 -- -PGID` alone would never turn false).
group_alive() { ps -e -o pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { f = 1 } END { exit !f }'; }

stop_group() {   # pgid: TERM the whole tree, KILL what is left after 5 s, reap the leader
  local pg=$1
  kill -TERM -- "-$pg" 2>/dev/null || true
  for _ in $(seq 50); do group_alive "$pg" || break; sleep 0.1; done
  kill -KILL -- "-$pg" 2>/dev/null || true
  wait "$pg" 2>/dev/null || true
}

stop_all() {
  [ -n "$probe_pid" ] && { kill "$probe_pid" 2>/dev/null || true; wait "$probe_pid" 2>/dev/null || true; }
  [ -n "$prog_pid" ] && stop_group "$prog_pid"
  [ -n "$xvfb_pid" ] && { kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true; }
  probe_pid="" prog_pid="" xvfb_pid=""
}
trap 'stop_all; rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {   # message, then the program's log for diagnosis
  say "$1"
  [ -f "$tmp/log" ] && tail -n 20 "$tmp/log" >&2
  exit 1
}

# PIDs of the launched process and all its descendants; also anything left in its session,
# so a child re-parented to init after its parent exited still counts.
tree_pids() {
  ps -e -o pid=,ppid=,sid= | awk -v root="$1" '
    { parent[$1] = $2; sid[$1] = $3 }
    END {
      for (p in parent) {
        keep = (sid[p] == root)
        for (q = p; !keep && q in parent && q > 1; q = parent[q]) if (q == root) keep = 1
        if (keep) print p
      }
    }'
}

# Per PID: utime+stime, plus cutime+cstime so a process that exits and is reaped during the
# idle window still counts through its parent.
cpu_ticks() {
  local p
  for p in $(tree_pids "$1"); do cat "/proc/$p/stat" 2>/dev/null || true; done |
    awk '{ pid = $1; sub(/^.*\) /, ""); print pid, $12 + $13 + $14 + $15 }'
}

start_xvfb() {
  # -displayfd picks a free display and writes its number once the server accepts clients.
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -br -noreset 3>"$tmp/display" 2>"$tmp/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.05; done
  [ -s "$tmp/display" ] || fail "Xvfb did not start: $(tail -n 3 "$tmp/xvfb.log")"
  display=":$(tr -d '\n' <"$tmp/display")"
}

# run_one NAME RUN RECORD: one launch on a fresh X server; RECORD=0 is a warm-up that stops
# after the first frame and is not written.
run_one() {
  local name=$1 run=$2 record=$3 cmd spec region color tol
  tmp="$work/$name-$run"
  mkdir -p "$tmp/state"
  if [ "$name" = kiosk ]; then cmd=$KIOSK_CMD spec=$KIOSK_PROBE; else cmd=$CHROMIUM_CMD spec=$CHROMIUM_PROBE; fi
  read -r region color tol <<<"$spec"
  sync; sleep 3; start_xvfb

  # The probe must be watching (first grab done, region not yet matching) before launch.
  "$probe" --display "$display" --region "$region" --color "$color" --tolerance "${tol:-16}" \
    --timeout-ms "$FIRST_FRAME_TIMEOUT_MS" --ready-file "$tmp/ready" >"$tmp/probe.out" 2>"$tmp/probe.err" &
  probe_pid=$!
  for _ in $(seq 200); do [ -e "$tmp/ready" ] && break; kill -0 "$probe_pid" 2>/dev/null || break; sleep 0.01; done
  [ -e "$tmp/ready" ] || fail "probe not ready: $(cat "$tmp/probe.err")"

  # $EPOCHREALTIME is read without forking, right before exec. In a non-interactive shell the
  # subshell is not a group leader, so setsid execs in place: $! is the program's PID, session
  # and process group.
  (
    # Per-run config/cache homes: nothing carries over between runs (nor lands in ~), such as
    # Chromium's crash database, which --user-data-dir does not cover.
    export DISPLAY=$display XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
    unset WAYLAND_DISPLAY
    echo "$EPOCHREALTIME" >"$tmp/launch"
    eval "exec setsid $cmd"
  ) </dev/null >"$tmp/log" 2>&1 &
  prog_pid=$!

  local rc=0 finished=""
  wait -n -p finished "$probe_pid" "$prog_pid" || rc=$?
  if [ "$finished" = "$prog_pid" ]; then
    fail "$name exited (status $rc) before its first frame"
  fi
  probe_pid=""
  [ "$rc" -eq 0 ] || fail "$name: no first frame (probe status $rc: $(cat "$tmp/probe.err"))"
  [ "$(ps -o pgid= -p "$prog_pid" | tr -d ' ')" = "$prog_pid" ] ||
    fail "$name is not its own process group leader; run this script non-interactively"
  local first_frame
  first_frame=$(awk -v l="$(cat "$tmp/launch")" -v f="$(cat "$tmp/probe.out")" 'BEGIN { printf "%.4f", f - l }')

  if [ "$record" = 1 ]; then
    pause "$SETTLE_SECONDS"
    local pss t0 t1 x0 x1 cpu xcpu nprocs
    pss=$(for p in $(tree_pids "$prog_pid"); do cat "/proc/$p/smaps_rollup" 2>/dev/null || true; done |
      awk '/^Pss:/ { s += $2 } END { print s + 0 }')
    nprocs=$(tree_pids "$prog_pid" | wc -l)
    cpu_ticks "$prog_pid" >"$tmp/cpu0"
    x0=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$xvfb_pid/stat")
    t0=$EPOCHREALTIME
    pause "$IDLE_SECONDS"
    cpu_ticks "$prog_pid" >"$tmp/cpu1"
    x1=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$xvfb_pid/stat")
    t1=$EPOCHREALTIME
    cpu=$(awk -v hz="$hz" 'FNR == NR { before[$1] = $2; next } { s += $2 - before[$1] }
                           END { printf "%.2f", s / hz }' "$tmp/cpu0" "$tmp/cpu1")
    xcpu=$(awk -v a="$x0" -v b="$x1" -v hz="$hz" 'BEGIN { printf "%.2f", (b - a) / hz }')
    local fcp="-"
    if [ -n "${CHROMIUM_CROSSCHECK:-}" ] && [ "$name" = chromium ]; then
      # The page logs Chromium's own first-contentful-paint time: a cross-check of the probe.
      fcp=$({ grep -ao '"paint first-contentful-paint [0-9.]*' "$tmp/log" || true; } |
            awk -v l="$(cat "$tmp/launch")" '{ printf "%.4f", $3 - l; exit }')
      fcp=${fcp:--}
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$run" "$first_frame" "$pss" "$cpu" \
      "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')" "$xcpu" "$nprocs" "$fcp" >>"$OUT"
    say "$name run $run: first frame ${first_frame}s, PSS ${pss} KiB, idle CPU ${cpu}s ($nprocs processes)"
  else
    say "$name warm-up: first frame ${first_frame}s"
  fi
  stop_all
  rm -rf "$tmp"
}

printf 'program\trun\tfirst_frame_s\tpss_kib\tidle_cpu_s\tidle_wall_s\txvfb_idle_cpu_s\tprocesses\tself_reported_fcp_s\n' >"$OUT"
for ((w = 1; w <= WARMUP; w++)); do for name in "${programs[@]}"; do run_one "$name" "warmup$w" 0; done; done
for ((run = 1; run <= RUNS; run++)); do for name in "${programs[@]}"; do run_one "$name" "$run" 1; done; done

# "median [min–max]<TAB>median" of one TSV column for one program, divided and formatted.
summary() {
  awk -F'\t' -v n="$1" -v c="$2" 'NR > 1 && $1 == n && $c != "-" { print $c }' "$OUT" | sort -g |
    awk -v d="$3" -v f="$4" '{ v[NR] = $1 / d }
      END { if (!NR) { print "n/a"; exit }
            m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf f " [" f "–" f "]\t%s\n", m, v[1], v[NR], m }'
}
row() {
  local k c
  k=$(summary kiosk "$2" "$3" "$4") c=$(summary chromium "$2" "$3" "$4")
  awk -v l="$1" -v k="$k" -v c="$c" 'BEGIN {
    split(k, a, "\t"); split(c, b, "\t")
    r = (a[2] != "" && b[2] + 0 > 0) ? sprintf("%.2f", a[2] / b[2]) : "n/a"
    printf "| %s | %s | %s | %s |\n", l, a[1], b[1], r }'
}
echo "Olohuone kiosk vs Chromium --kiosk: $RUNS runs each, Xvfb 1280x800x24, $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| figure | kiosk median [min–max] | Chromium median [min–max] | kiosk/Chromium |"
echo "| --- | --- | --- | --- |"
row "first frame (ms)" 3 0.001 "%.0f"
row "PSS of process tree, settled (MiB)" 4 1024 "%.1f"
row "CPU over ${IDLE_SECONDS} s idle, process tree (s)" 5 1 "%.2f"
row "X server CPU over the same idle (s, not in the tree)" 7 1 "%.2f"
[ -n "${CHROMIUM_CROSSCHECK:-}" ] && row "Chromium's self-reported first contentful paint (ms)" 9 0.001 "%.0f"
echo
echo "Raw per-run numbers: $OUT"
