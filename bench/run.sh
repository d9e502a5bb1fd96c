#!/usr/bin/env bash
# Benchmarks TextDrive on this machine: signed webhook load against the raw-Jetty limit, a 100,000-file
# folder, startup, memory and the desktop app's first window. Loopback only; about 3 minutes with the
# defaults. Prints one table and writes it to docs/benchmarks.md.
#
# Usage: bench/run.sh [--seconds N] [--concurrency N] [--jfr] [--no-build]
#   --seconds N      length of each measured load run, 1 to 120 (default 20)
#   --concurrency N  connections of the closed-loop runs, 1 to 50 (default 16)
#   --jfr            record the server with JDK Flight Recorder: the load runs into target/bench/run/server.jfr,
#                    the large folder into target/bench/run/large.jfr
#   --no-build       measure the existing target/textdrive.jar instead of building it, such as a jar of an
#                    older commit for a before-and-after comparison
# MAVEN_ARGS is passed to Maven, for example MAVEN_ARGS=-o to build offline.
set -euo pipefail
cd "$(dirname "$0")/.."

COMMAND="bench/run.sh${*:+ $*}"
SECONDS_PER_RUN=20
CONCURRENCY=16
JFR=false
BUILD=true
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
# Reads the value of an option that takes a whole number from 1 to a maximum.
number() {
  local option="$1" value="${2-}" max="$3"
  if ! [[ "$value" =~ ^[0-9]{1,4}$ ]] || [ "$value" -lt 1 ] || [ "$value" -gt "$max" ]; then
    echo "Invalid value '$value' for $option: give a whole number from 1 to $max, for example $option 10." >&2
    exit 2
  fi
  echo "$value"
}
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_PER_RUN=$(number --seconds "${2-}" 120); shift 2 ;;
    # Each closed-loop connection texts as its own phone, and the setup prepares 50 phones.
    --concurrency) CONCURRENCY=$(number --concurrency "${2-}" 50); shift 2 ;;
    --jfr) JFR=true; shift ;;
    --no-build) BUILD=false; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option $1; see bench/run.sh --help." >&2; exit 2 ;;
  esac
done

TD_PORT=15499
JETTY_PORT=15497
GUI_PORT=15498
BENCH=target/bench
RUN=$BENCH/run
RESULTS=$RUN/results.properties
CP=$BENCH/classes:target/textdrive.jar
STARTED_AT=$(date +%s)

# Processes this script started and has not stopped yet; only these are stopped on exit.
pids_to_stop=()
forget() {
  local kept=() pid
  for pid in "${pids_to_stop[@]}"; do [ "$pid" = "$1" ] || kept+=("$pid"); done
  pids_to_stop=("${kept[@]}")
}
cleanup() {
  local pid
  for pid in "${pids_to_stop[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  # Wait until they are gone, so that no process of this run still uses a port when the script returns.
  for pid in "${pids_to_stop[@]}"; do
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  done
}
trap cleanup EXIT

say() { printf '\n== %s\n' "$*"; }
result() { printf '%s=%s\n' "$1" "$2" >> "$RESULTS"; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in $TD_PORT $JETTY_PORT $GUI_PORT; do
  port_free "$port" || { echo "Port $port on 127.0.0.1 is in use: stop the program that uses it, then run again." >&2; exit 1; }
done

# Starts a command under Launch, waits until it is ready, and prints the file Launch wrote.
launch() {
  local name="$1"; shift
  rm -f "$RUN/$name.launch"
  java -cp "$CP" dev.textdrive.bench.Launch --out "$RUN/$name.launch" --log "$RUN/$name.log" "$@" \
    > "$RUN/$name.launcher.log" 2>&1 &
  local launcher=$!
  pids_to_stop+=("$launcher")
  for _ in $(seq 1 1000); do
    [ -s "$RUN/$name.launch" ] && break
    kill -0 "$launcher" 2>/dev/null || { cat "$RUN/$name.launcher.log" "$RUN/$name.log" >&2; exit 1; }
    sleep 0.1
  done
  [ -s "$RUN/$name.launch" ] || { echo "$name did not become ready; see $RUN/$name.log" >&2; exit 1; }
  pids_to_stop+=("$(field pid "$RUN/$name.launch")")
  echo "$launcher" > "$RUN/$name.launcher.pid"
}
field() { sed -n "s/^$1=//p" "$2"; }

# Stops a launched program with SIGTERM, as Ctrl+C would, and waits for its launcher to exit.
stop() {
  local name="$1" pid launcher
  pid=$(field pid "$RUN/$name.launch")
  launcher=$(cat "$RUN/$name.launcher.pid")
  kill -TERM "$pid" 2>/dev/null || true
  wait "$launcher" 2>/dev/null || true
  forget "$pid"
  forget "$launcher"
}

# Runs the load generator in the background and waits for it, so that an interrupted run stops it too.
generator() {
  java -cp "$CP" dev.textdrive.bench.LoadGenerator "$@" --results "$RESULTS" &
  local pid=$!
  pids_to_stop+=("$pid")
  local status=0
  wait "$pid" || status=$?
  forget "$pid"
  return "$status"
}

say "Machine"
rm -rf "$RUN"
mkdir -p "$RUN/data" "$RUN/gui-data" "$BENCH/classes"
result machine.cores "$(nproc)"
result machine.memory_mib "$(awk '/MemTotal/ {printf "%d", $2 / 1024}' /proc/meminfo)"
result machine.cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
result machine.jdk "$(java -version 2>&1 | head -n 1)"
result machine.load_at_start "$(uptime | sed 's/.*load average: //')"
if $BUILD; then
  result machine.commit "built from commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' with uncommitted changes')"
else
  result machine.commit "the existing target/textdrive.jar of $(date -u -r target/textdrive.jar '+%Y-%m-%d %H:%M UTC') (not rebuilt)"
fi
result machine.date "$(date -u '+%Y-%m-%d %H:%M UTC')"
result machine.command "$COMMAND"
result machine.seconds "$SECONDS_PER_RUN"
result machine.concurrency "$CONCURRENCY"
cat "$RESULTS"

if $BUILD; then
  say "Building target/textdrive.jar"
  # shellcheck disable=SC2086
  mvn -B -q ${MAVEN_ARGS:-} package -DskipTests
fi
[ -f target/textdrive.jar ] || { echo "target/textdrive.jar is missing: run without --no-build." >&2; exit 1; }
javac -d "$BENCH/classes" -cp target/textdrive.jar bench/src/dev/textdrive/bench/*.java

say "Preparing 50 phones, a 200-entry folder and a 100,000-file folder"
printf 'server:\n  host: 127.0.0.1\n  port: %s\ndatabase:\n  path: textdrive.db\n' "$TD_PORT" > "$RUN/bench-config.yml"
DB=$RUN/textdrive.db
java -Dtextdrive.data.dir="$RUN/data" -cp "$CP" dev.textdrive.bench.BenchSetup "$RUN/bench-config.yml" \
  "$BENCH/docs" "$BENCH/large"

SERVE=(java -Dtextdrive.data.dir="$RUN/data" -jar target/textdrive.jar --config "$RUN/bench-config.yml" serve)
loadavg() { cut -d ' ' -f 1 /proc/loadavg; }

say "Startup: java -jar target/textdrive.jar --config bench-config.yml serve, until /health answers 200"
result startup.load "$(loadavg)"
for i in 1 2 3; do
  launch "serve$i" --health "$TD_PORT" -- "${SERVE[@]}"
  result "startup.ready_ms.$i" "$(field ready_ms "$RUN/serve$i.launch")"
  result "startup.rss_kb.$i" "$(field rss_kb "$RUN/serve$i.launch")"
  echo "start $i: ready in $(field ready_ms "$RUN/serve$i.launch") ms, VmRSS $(field rss_kb "$RUN/serve$i.launch") kB"
  [ "$i" = 3 ] || stop "serve$i"
done
SERVER_PID=$(field pid "$RUN/serve3.launch")

if $JFR; then
  jcmd "$SERVER_PID" JFR.start name=bench settings=profile > /dev/null
fi

say "Warm-up: mixed commands for 10 s (not reported)"
generator prepare --port "$TD_PORT" --db "$DB" --workload mix --name warmup
generator closed --port "$TD_PORT" --db "$DB" --workload mix --seconds 10 --concurrency "$CONCURRENCY" --name warmup

say "The limit: raw Jetty answering a fixed TwiML reply"
java -cp "$CP" dev.textdrive.bench.RawJettyServer "$JETTY_PORT" > "$RUN/jetty.log" 2>&1 &
JETTY_PID=$!
pids_to_stop+=("$JETTY_PID")
for _ in $(seq 1 100); do grep -q listening "$RUN/jetty.log" && break; sleep 0.1; done
generator closed --port "$JETTY_PORT" --workload ls --seconds 5 --concurrency "$CONCURRENCY" --name jetty_warmup
generator closed --port "$JETTY_PORT" --workload ls --seconds "$SECONDS_PER_RUN" --concurrency "$CONCURRENCY" \
  --pid "$JETTY_PID" --name jetty
kill "$JETTY_PID"
wait "$JETTY_PID" 2>/dev/null || true
forget "$JETTY_PID"

say "TextDrive: signed ls, closed loop"
generator prepare --port "$TD_PORT" --db "$DB" --workload ls --name ls
generator closed --port "$TD_PORT" --db "$DB" --workload ls --seconds "$SECONDS_PER_RUN" --concurrency "$CONCURRENCY" \
  --pid "$SERVER_PID" --name ls

say "TextDrive: mixed ls, cd, more and get, closed loop"
generator prepare --port "$TD_PORT" --db "$DB" --workload mix --name mix
generator closed --port "$TD_PORT" --db "$DB" --workload mix --seconds "$SECONDS_PER_RUN" --concurrency "$CONCURRENCY" \
  --pid "$SERVER_PID" --name mix

say "TextDrive: open loop at half of the closed-loop rates"
half() { awk -v rate="$(field "$1.rps" "$RESULTS")" 'BEGIN { printf "%.0f", rate / 2 }'; }
generator prepare --port "$TD_PORT" --db "$DB" --workload ls --name open_ls
generator open --port "$TD_PORT" --db "$DB" --workload ls --rate "$(half ls)" --seconds "$SECONDS_PER_RUN" \
  --pid "$SERVER_PID" --name open_ls
generator prepare --port "$TD_PORT" --db "$DB" --workload mix --name open_mix
generator open --port "$TD_PORT" --db "$DB" --workload mix --rate "$(half mix)" --seconds "$SECONDS_PER_RUN" \
  --pid "$SERVER_PID" --name open_mix

if $JFR; then
  jcmd "$SERVER_PID" JFR.stop name=bench filename="$PWD/$RUN/server.jfr" > /dev/null
  echo "Flight recording of the load: $RUN/server.jfr"
fi

say "Deduplication: each message delivered three times"
generator prepare --port "$TD_PORT" --db "$DB" --workload ls --name dedupe
generator dedupe --port "$TD_PORT" --db "$DB" --count 100 --name dedupe

say "Large folder: 100,000 files through the webhook"
if $JFR; then
  jcmd "$SERVER_PID" JFR.start name=large settings=profile > /dev/null
fi
generator large --port "$TD_PORT" --db "$DB" --folder "$BENCH/large" --name large
if $JFR; then
  jcmd "$SERVER_PID" JFR.stop name=large filename="$PWD/$RUN/large.jfr" > /dev/null
  echo "Flight recording of the large folder: $RUN/large.jfr"
fi

result memory.rss_after_load_kb "$(awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status")"
stop serve3

say "Desktop app: first window under Xvfb"
if command -v Xvfb > /dev/null; then
  display=31
  while [ -e "/tmp/.X$display-lock" ] && [ "$display" -lt 60 ]; do display=$((display + 1)); done
  Xvfb ":$display" -screen 0 1366x800x24 -nolisten tcp > "$RUN/xvfb.log" 2>&1 &
  XVFB_PID=$!
  pids_to_stop+=("$XVFB_PID")
  for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
  printf 'server:\n  host: 127.0.0.1\n  port: %s\ndatabase:\n  path: gui.db\n' "$GUI_PORT" > "$RUN/gui-config.yml"
  result gui.load "$(loadavg)"
  DISPLAY=":$display" launch gui --window -- java -Dtextdrive.data.dir="$RUN/gui-data" -jar target/textdrive.jar \
    --config "$RUN/gui-config.yml"
  result gui.window_ms "$(field window_ms "$RUN/gui.launch")"
  result gui.rss_kb "$(field rss_kb "$RUN/gui.launch")"
  stop gui
  kill "$XVFB_PID"
  wait "$XVFB_PID" 2>/dev/null || true
  forget "$XVFB_PID"
else
  echo "Xvfb is not installed (apt-get install xvfb), so the window time is not measured."
fi

result machine.total_seconds "$(( $(date +%s) - STARTED_AT ))"
say "Results"
java -cp "$CP" dev.textdrive.bench.Report "$RESULTS" docs/benchmarks.md
