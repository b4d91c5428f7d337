#!/usr/bin/env bash
# The README's main command runs this (after `npm ci`): install what the demo needs, build,
# and start simulated locks + Z-Wave JS server + Home Assistant + the add-on + the card.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-ha.sh
npm run --silent build
exec npx tsx test/stack/demo.ts
