#!/usr/bin/env bash
# The README's test command runs this (after `npm ci`): every tier that exists, fail-fast.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$1"; }

step "lint";        npm run --silent lint
step "typecheck";   npm run --silent typecheck
step "build";       npm run --silent build
step "unit + integration tests"
npx vitest run --project unit --project integration
step "end-to-end tests (real Home Assistant + Z-Wave JS)"
bash scripts/test-e2e.sh
