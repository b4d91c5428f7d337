#!/usr/bin/env bash
# Install the real Home Assistant the stack runs (test/stack/ha/target.ts). Idempotent.
#
#   scripts/setup-ha.sh [--force] [2026.11|2024.3]
#
# 2026.11 (default, the primary target): a Debian testing root with Python 3.14 (needs root).
# 2024.3 (the oldest release Latchkey supports): a venv of the host's Python 3.11.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
force=()
target="${LATCHKEY_HA_TARGET:-2026.11}"
for arg in "$@"; do
  case "$arg" in
    --force) force=(--force) ;;
    2026.11 | 2024.3) target="$arg" ;;
    *) echo "usage: scripts/setup-ha.sh [--force] [2026.11|2024.3]" >&2; exit 2 ;;
  esac
done
case "$target" in
  2026.11) exec bash "$here/setup-ha-root.sh" "${force[@]}" ;;
  2024.3) exec bash "$here/setup-ha-venv.sh" "${force[@]}" ;;
  *) echo "[setup-ha] unknown target $target (LATCHKEY_HA_TARGET): 2026.11 or 2024.3" >&2; exit 2 ;;
esac
