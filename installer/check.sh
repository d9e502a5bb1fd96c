#!/usr/bin/env bash
# Checks the .deb end to end on this machine (Debian or Ubuntu, as root or with sudo): install it, run the
# CLI and the headless server with one signed webhook, open the desktop app under Xvfb, remove the package,
# and confirm the user data is still there. Usage: installer/check.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
port=15490
display=:77
phone=+12025550143

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

if [ "${1:-}" != "--no-build" ]; then
  step "Building the .deb"
  installer/build.sh deb
fi
deb=$(ls target/installer/textdrive_*.deb | head -n 1)
size=$(stat -c %s "$deb")
echo "$deb: $((size / 1024 / 1024)) MB"

step "Installing the tools this check needs"
$sudo apt-get install -y -qq xvfb x11-utils curl >/dev/null

step "Installing $deb"
$sudo apt-get install -y -qq "./$deb" >/dev/null
command -v textdrive >/dev/null || fail "textdrive is not on the PATH"
dpkg -s textdrive | grep -q '^Depends:.*libgtk-3-0' || fail "the package does not declare libgtk-3-0"

home=$(mktemp -d)
export HOME=$home XDG_DATA_HOME=
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT

step "textdrive --version"
textdrive --version | grep -q '^TextDrive ' || fail "--version printed no version"

step "Headless server with a temporary config"
config=$home/config.yml
mkdir -p "$home/Shared"
echo "hello from the check" > "$home/Shared/hello.txt"
printf 'server:\n  port: %s\nsms:\n  default_region: US\n' "$port" > "$config"
textdrive --config "$config" phone add "$phone" --label Check --verified
textdrive --config "$config" account add-local Shared "$home/Shared"
textdrive --config "$config" grant "$phone" Shared
textdrive --config "$config" serve > "$home/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "http://127.0.0.1:$port/health" >/dev/null || fail "serve did not answer /health; see $home/serve.log"
reply=$(textdrive --config "$config" simulate --from "$phone" ls)
echo "$reply"
[ "$reply" = "$(printf 'Your accounts:\n1 Shared')" ] || fail "unexpected reply to a signed webhook"
kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
server_pid=""

step "Desktop app under Xvfb"
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb_pid=$!
DISPLAY=$display textdrive --config "$config" > "$home/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 300); do
  DISPLAY=$display xwininfo -root -tree 2>/dev/null | grep -q '"TextDrive"' && grep -q 'Main window shown' "$home/app.log" && break
  sleep 0.1
done
DISPLAY=$display xwininfo -root -tree | grep '"TextDrive"' || fail "no TextDrive window appeared; see $home/app.log"
grep 'Main window shown' "$home/app.log" || fail "the main window was not shown; see $home/app.log"
kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
app_pid=""

step "Installing the package again, as an upgrade does"
$sudo apt-get install -y -qq --reinstall "./$deb" >/dev/null
[ -f "$home/.local/share/textdrive/textdrive.db" ] || fail "the reinstall lost the user data"
textdrive --config "$config" phone list | grep -q "$phone" || fail "the reinstall lost the phones"

step "Removing the package"
$sudo apt-get remove -y -qq textdrive >/dev/null
[ ! -e /usr/bin/textdrive ] || fail "/usr/bin/textdrive is still there"
[ ! -d /opt/textdrive ] || fail "/opt/textdrive is still there"
data=$home/.local/share/textdrive/textdrive.db
[ -f "$data" ] || fail "the user data $data is gone"
echo "User data kept: $data"

step "All checks passed"
