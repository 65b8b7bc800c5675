#!/usr/bin/env bash
# Sets up what is missing, then serves the app (release build, the default questionnaire embedded)
# with `trunk serve`, rebuilding on change. Works on a fresh clone, from any directory.
#
#   scripts/serve.sh                 serve at http://127.0.0.1:8080/ (address and port: Trunk.toml)
#   scripts/serve.sh --port 8081     another port
#
# Other arguments go to `trunk serve`. Once the page and its .wasm are served, after Trunk's own log
# lines, it prints one line: `serve: Bogen is ready at http://127.0.0.1:8080/ (Ctrl+C stops it)`.
# It stops at once, exit code 1, when the port is taken. Ctrl+C (or SIGTERM) stops Trunk and the
# builds it started; when Trunk stops by itself, the script exits with Trunk's exit code.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

say() { printf '%s %s\n' "$(bold serve:)" "$*"; }
die() { say "$*" >&2; exit 1; }

# trunk_toml SECTION KEY: the value of KEY in [SECTION] of Trunk.toml, an array on one line.
# Enough TOML for Trunk.toml: `key = value` lines, arrays over several lines, `#` comments.
trunk_toml() {
  awk -v section="$1" -v key="$2" '
    { sub(/#[^"\x27]*$/, "") }                       # a comment (one with no quote after the #)
    open { value = value " " $0; if ($0 ~ /\]/) { print value; exit } next }
    /^[[:space:]]*\[[^]]*\][[:space:]]*$/ { gsub(/[][[:space:]]/, ""); current = $0; next }
    current == section && $0 ~ "^[[:space:]]*" key "[[:space:]]*=" {
      value = $0; sub(/^[^=]*=[[:space:]]*/, "", value)
      if (value ~ /^\[/ && value !~ /\]/) { open = 1; next }
      print value; exit
    }' Trunk.toml
}
# strings: the quoted strings of a TOML value, one a line.
strings() { grep -oE "\"[^\"]*\"|'[^']*'" | sed -E "s/^[\"'](.*)[\"']\$/\1/"; }

# --- arguments: --port and --address are read here too (for the checks), everything goes to trunk ---
address=${TRUNK_SERVE_ADDRESS:-$(trunk_toml serve addresses | strings | head -n1)}
address=${address:-127.0.0.1}
port=${TRUNK_SERVE_PORT:-$(trunk_toml serve port | grep -oE '^[0-9]+' || true)}
port=${port:-8080}
dist_given=0
args=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
    -p | --port) port=${2:?--port needs a number}; shift ;;
    --port=*) port=${1#--port=} ;;
    -a | --address) address=${2:?--address needs an address}; shift ;;
    --address=*) address=${1#--address=} ;;
    -d | --dist | --dist=*) dist_given=1 ;;
  esac
  shift
done
[[ "$port" =~ ^[0-9]+$ ]] || die "--port needs a number, not '$port'"
url="http://$address:$port/"

# Trunk binds its port only after its first build, minutes later: look first, and stop at once.
check_port() {
  if (exec 3<>"/dev/tcp/$address/$port") 2>/dev/null; then
    die "port $port on $address is taken (another scripts/serve.sh?); stop that program or run scripts/serve.sh --port $((port + 1))"
  fi
}
check_port

[ "${BOGEN_SKIP_SETUP:-}" = 1 ] || scripts/setup.sh --app

# `trunk serve` stops at once ("error taking the canonical path to the watch ignore path") when a
# path that Trunk.toml's [watch] ignore lists does not exist, and a fresh clone has no dist/ (nor
# target/ when CARGO_TARGET_DIR points elsewhere): create the missing ones, empty.
while IFS= read -r ignored; do
  [ -z "$ignored" ] || [ -e "$ignored" ] || mkdir -p "$ignored"
done < <(trunk_toml watch ignore | strings)

check_port # again: the set-up may have taken minutes

# served: the page answers 200 and so does the .wasm it loads (Node's fetch, which no proxy
# setting redirects; Node is there, setup.sh needs npm).
served() {
  node --input-type=module -e '
    const page = new URL(process.argv[1]);
    const get = (url) => fetch(url, { signal: AbortSignal.timeout(10000) });
    try {
      const html = await get(page);
      const wasm = html.ok && (await html.text()).match(/["\x27]([^"\x27]+\.wasm)["\x27]/);
      process.exitCode = wasm && (await get(new URL(wasm[1], page))).status === 200 ? 0 : 1;
    } catch { process.exitCode = 1; }' "$url" 2>/dev/null
}

# Trunk runs in a process group of its own (job control on while it starts), so that stopping it
# also stops the cargo, wasm-bindgen and wasm-opt it may be running, and nothing else.
trunk_pid="" serve_dist=""
stop_trunk() {
  local i
  if [ -n "$trunk_pid" ]; then
    kill -"${1:-TERM}" -- "-$trunk_pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do kill -0 "$trunk_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$trunk_pid" 2>/dev/null || true # after 10 s, and whatever of its group is left
    wait "$trunk_pid" 2>/dev/null || true
    trunk_pid=""
  fi
  [ -z "$serve_dist" ] || rm -rf "$serve_dist"
}
trap 'stop_trunk TERM' EXIT
trap 'echo; say "stopping"; stop_trunk INT; exit 130' INT
trap 'stop_trunk TERM; exit 143' TERM

# Its own output folder: dist/ holds the plain release build that scripts/build.sh makes and the
# end-to-end tests load; `trunk serve` adds its auto-reload script to the page it builds. One per
# port, so that two servers (two ports) never build into the same folder; new at each start (after
# a failed first build Trunk serves whatever the folder holds, and an old build is not "ready") and
# removed at the end.
trunk_args=(serve --release)
if [ "$dist_given" = 0 ]; then
  serve_dist="$CARGO_TARGET_DIR/serve-dist/$port"
  rm -rf "$serve_dist"
  trunk_args+=(--dist "$serve_dist")
fi
say "starting trunk serve for $url (the first build takes a few minutes)"
set -m
trunk "${trunk_args[@]}" "${args[@]}" </dev/null &
trunk_pid=$!
set +m

until served; do
  if ! kill -0 "$trunk_pid" 2>/dev/null; then
    code=0
    wait "$trunk_pid" || code=$?
    trunk_pid=""
    say "trunk serve stopped before the app was ready (exit code $code); its messages are above" >&2
    exit $((code == 0 ? 1 : code))
  fi
  sleep 1
done
echo "serve: $(bold "Bogen is ready at $url") (Ctrl+C stops it)"

code=0
wait "$trunk_pid" || code=$?
trunk_pid=""
say "trunk serve stopped (exit code $code)"
exit "$code"
