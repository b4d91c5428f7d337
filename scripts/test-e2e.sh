#!/usr/bin/env bash
# End-to-end tier: real Home Assistant (pinned, in .cache/ha-venv) + real Z-Wave JS server on
# simulated locks + the built add-on and card in headless Chromium. Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-ha.sh
bash scripts/setup-chromium.sh
# The card loads its language chunks (dist/latchkey-card-<lang>-<hash>.js) next to itself.
compgen -G "dist/latchkey-card-en-*.js" >/dev/null && [[ -f dist/latchkey-card.js && -f addon/dist/latchkey-addon.mjs && -f addon/dist/latchkey-panel.js ]] || npm run --silent build
npx vitest run --project e2e
