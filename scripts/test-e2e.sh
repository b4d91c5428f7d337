#!/usr/bin/env bash
# End-to-end tiers: real Home Assistant + the real Z-Wave JS server on simulated locks + the
# built add-on and card in headless Chromium. Installs what it needs (scripts/setup-*.sh).
#
#   primary: every e2e test on Home Assistant 2026.11 (what users run)
#   minimum: the contract on Home Assistant 2024.3, the oldest release Latchkey declares
#            (hacs.json, addon/config.yaml) — every HA fact the add-on relies on, checked there;
#            LATCHKEY_E2E_MINIMUM=full adds the code tests (about 4 min), =0 skips the tier
#
# Each tier's duration is printed, and appended to $LATCHKEY_TIMINGS_FILE when scripts/test.sh
# collects them for its table.
set -euo pipefail
cd "$(dirname "$0")/.."

record() {
  local line
  line="$(printf '%-58s %4d s%s' "$1" "$2" "$3")"
  printf '\n[e2e] %s\n' "$line"
  [[ -z "${LATCHKEY_TIMINGS_FILE:-}" ]] || printf '%s\n' "$line" >>"$LATCHKEY_TIMINGS_FILE"
}
tier() {
  local name="$1" started=$SECONDS status=0
  shift
  printf '\n=== %s ===\n' "$name"
  "$@" || status=$?
  record "$name" $((SECONDS - started)) "$([[ $status -eq 0 ]] || echo '  FAILED')"
  return $status
}

setup_primary() {
  bash scripts/setup-ha.sh 2026.11
  # The Matter server (python-matter-server in the same root): the Matter contract cases and matter.test.ts.
  bash scripts/setup-matter-server.sh
  bash scripts/setup-chromium.sh
  # The card loads its chunks (dist/latchkey-card-*.js) next to itself.
  compgen -G "dist/latchkey-card-en-*.js" >/dev/null && [[ -f dist/latchkey-card.js && -f addon/dist/latchkey-addon.mjs && -f addon/dist/latchkey-panel.js ]] || npm run --silent build
}

tier "e2e setup: HA 2026.11 root, Matter server, Chromium" setup_primary
tier "e2e primary: every test on HA 2026.11" env LATCHKEY_HA_TARGET=2026.11 npx vitest run --project e2e

if [[ "${LATCHKEY_E2E_MINIMUM:-1}" != "0" ]]; then
  tier "e2e setup: HA 2024.3 venv (oldest supported)" bash scripts/setup-ha.sh 2024.3
  minimum_files=(test/e2e/contract.test.ts)
  [[ "${LATCHKEY_E2E_MINIMUM:-}" != "full" ]] || minimum_files+=(test/e2e/codes.test.ts)
  tier "e2e minimum: ${minimum_files[*]##*/} on HA 2024.3" env LATCHKEY_HA_TARGET=2024.3 \
    npx vitest run --project e2e "${minimum_files[@]}"
else
  echo "[e2e] LATCHKEY_E2E_MINIMUM=0: the HA 2024.3 tier is skipped"
fi
