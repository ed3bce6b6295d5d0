#!/usr/bin/env bash
# One-time set-up from a fresh clone: system packages (Debian/Ubuntu) and npm dependencies.
# Safe to run again. Other OSes: see README "Prerequisites".
set -euo pipefail
cd "$(dirname "$0")/.."
# chromium prints PDF reports (and runs the e2e tests); poppler-utils reads them back in tests.
pkgs=(libsecret-1-dev pkg-config dbus gnome-keyring chromium fonts-liberation poppler-utils openssl python3 make g++)
missing=()
if command -v dpkg-query >/dev/null; then
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    echo "Installing system packages: ${missing[*]}"
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "Not a Debian/Ubuntu system: install libsecret, a Secret Service, Chromium, poppler-utils and a C++ toolchain yourself (README)." >&2
fi
# keytar builds from source against the system Node headers; Electron's and Playwright's own
# binary downloads are skipped (the app is packaged separately; tests use the system Chromium).
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
export ELECTRON_SKIP_BINARY_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
