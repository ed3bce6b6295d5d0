#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with its own unlocked gnome-keyring, so tests
# use the real Secret Service without touching (or needing) the user's desktop keyring.
#   scripts/with-keyring.sh npx vitest run --project keychain
set -euo pipefail
command -v dbus-run-session >/dev/null || { echo "dbus-run-session missing: run scripts/setup.sh" >&2; exit 1; }
command -v gnome-keyring-daemon >/dev/null || { echo "gnome-keyring-daemon missing: run scripts/setup.sh" >&2; exit 1; }
root=$(mktemp -d "${TMPDIR:-/tmp}/signin-triage-keyring.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/data" "$root/cache" "$root/runtime"
chmod 700 "$root/runtime"
export XDG_DATA_HOME="$root/data" XDG_CACHE_HOME="$root/cache" XDG_RUNTIME_DIR="$root/runtime"
# --unlock reads a password on stdin and creates/unlocks the "login" collection; without it
# every write waits for a prompt that never comes.
dbus-run-session -- bash -c 'echo -n "test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "$@"' _ "$@"
