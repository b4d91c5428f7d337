#!/usr/bin/env bash
# The README's test command runs this (after `npm ci`): every tier that exists, fail-fast.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$1"; }

step "lint";        npm run --silent lint
step "typecheck";   npm run --silent typecheck
step "build";       npm run --silent build
step "unit + orchestration + integration tests"
npx vitest run --project unit --project orchestration --project integration
step "end-to-end tests (real Home Assistant + Z-Wave JS)"
bash scripts/test-e2e.sh

# HACS installs the card from dist/ (every .js file there): the committed files must be what the
# sources build to, and a language chunk the build made but nobody committed fails the same way.
step "committed dist/ matches a fresh build"
if git rev-parse --git-dir >/dev/null 2>&1 && [[ -n "$(git status --porcelain -- dist/)" ]]; then
  git status --short -- dist/ >&2
  echo "dist/ differs from a fresh build of src/: run npm run build and commit dist/." >&2
  exit 1
fi
echo "up to date"

# The add-on image copies its bundles from addon/dist/ (no npm in the image): same rule.
for bundle in addon/dist/latchkey-addon.mjs addon/dist/latchkey-panel.js; do
  step "committed $bundle matches a fresh build"
  # ls-files: a bundle that was never committed would pass a plain git diff.
  if git rev-parse --git-dir >/dev/null 2>&1 && { ! git ls-files --error-unmatch -- "$bundle" >/dev/null 2>&1 || ! git diff --quiet -- "$bundle"; }; then
    echo "$bundle differs from a fresh build (or is not committed): run npm run build and commit addon/dist/." >&2
    exit 1
  fi
  echo "up to date"
done
