#!/usr/bin/env bash
# The README's test command runs this (after `npm ci`): every tier that exists, fail-fast.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$1"; }

# How long each tier took, printed at the end (also when a tier fails: the table says which).
timings=()
tier() {
  local name="$1" started=$SECONDS status=0
  shift
  step "$name"
  "$@" || status=$?
  timings+=("$(printf '%-58s %4d s%s' "$name" $((SECONDS - started)) "$([[ $status -eq 0 ]] || echo '  FAILED')")")
  return $status
}
print_timings() {
  printf '\n=== how long each tier took ===\n'
  printf '%s\n' "${timings[@]}"
  printf '%-58s %4d s\n' "total" "$SECONDS"
}
trap print_timings EXIT

tier "lint" npm run --silent lint
tier "typecheck" npm run --silent typecheck
tier "build" npm run --silent build
tier "unit tests" npx vitest run --project unit
tier "orchestration tests (the add-on's service in-process)" npx vitest run --project orchestration
tier "integration tests (add-on process + HA fake + contract)" npx vitest run --project integration
# Each real-stack tier records its own line (setup, primary, minimum): see scripts/test-e2e.sh.
export LATCHKEY_TIMINGS_FILE="${TMPDIR:-/tmp}/latchkey-e2e-timings.$$"
: >"$LATCHKEY_TIMINGS_FILE"
e2e_status=0
bash scripts/test-e2e.sh || e2e_status=$?
while IFS= read -r line; do timings+=("$line"); done <"$LATCHKEY_TIMINGS_FILE"
rm -f "$LATCHKEY_TIMINGS_FILE"
[[ $e2e_status -eq 0 ]] || exit $e2e_status

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
