#!/usr/bin/env bash
# Headless Chromium for the browser tests, from Debian's packages (playwright-core drives it;
# it never downloads a browser of its own). Idempotent.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  echo "[setup-chromium] $(chromium --version 2>/dev/null | head -1)"
  exit 0
fi
[[ "$(id -u)" == "0" ]] || { echo "[setup-chromium] ERROR: run as root or install Debian's chromium package" >&2; exit 1; }
echo "[setup-chromium] apt-get install chromium fonts-dejavu-core"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "[setup-chromium] $(chromium --version | head -1)"
