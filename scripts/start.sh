#!/usr/bin/env bash
# Opens the app from a fresh clone: set-up, build, then Electron. Electron's binary is fetched
# on first start where the network allows it (it is skipped during npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run --silent build
unset ELECTRON_SKIP_BINARY_DOWNLOAD
exec npx electron-vite preview
