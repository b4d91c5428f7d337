#!/usr/bin/env bash
# Install Home Assistant 2024.3 (the oldest release Latchkey supports; pinned, see
# test/stack/ha/pins/2024.3/requirements.txt) into
# .cache/ha-venv. Idempotent: when the venv exists and its marker matches the hash of
# requirements.txt (and the Python version), it returns at once.
#
#   scripts/setup-ha-venv.sh           install or verify
#   scripts/setup-ha-venv.sh --force   rebuild the venv from scratch
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
req="$repo/test/stack/ha/pins/2024.3/requirements.txt"
venv="$repo/.cache/ha-venv"
marker="$venv/.latchkey-ha-installed"
start=$(date +%s)

log() { printf '[setup-ha 2024.3] %s\n' "$*"; }
die() { printf '[setup-ha 2024.3] ERROR: %s\n' "$*" >&2; exit 1; }

[[ -f "$req" ]] || die "missing $req"
[[ "${1:-}" == "--force" ]] && { log "--force: removing $venv"; rm -rf "$venv"; }

# Home Assistant 2024.3 supports Python 3.11 (and 3.12); the lock is resolved for 3.11.
pick_python() {
  local c
  for c in "${HA_PYTHON:-}" python3.11 python3; do
    [[ -n "$c" ]] || continue
    command -v "$c" >/dev/null 2>&1 || continue
    if "$c" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)' 2>/dev/null; then
      command -v "$c"
      return 0
    fi
  done
  return 1
}
python="$(pick_python)" || die "Python 3.11 not found (set HA_PYTHON=/path/to/python3.11)"
pyver="$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"
want="$(sha256sum "$req" | cut -d' ' -f1) python-$pyver"

if [[ -x "$venv/bin/hass" && -f "$marker" && "$(cat "$marker")" == "$want" ]]; then
  log "up to date ($venv, Python $pyver) in $(( $(date +%s) - start ))s"
  exit 0
fi

apt_install() {
  if [[ "$(id -u)" != "0" ]] || ! command -v apt-get >/dev/null 2>&1; then
    die "need packages: $* (install them with apt-get as root)"
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)'; then
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  log "creating venv $venv with $python (Python $pyver)"
  if ! "$python" -m venv "$venv" 2>/dev/null; then
    rm -rf "$venv"
    # Debian's python3 ships without ensurepip/venv; the dev headers and compiler cover
    # the few pure-Python sdists in the lock and any wheel missing for this platform.
    apt_install python3-venv python3-dev build-essential
    "$python" -m venv "$venv" || die "venv creation failed with $python"
  fi
fi

rm -f "$marker"
log "installing $(grep -c '==' "$req") pinned packages from ${req#"$repo"/} (pip cache: ${PIP_CACHE_DIR:-~/.cache/pip})"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip==24.0
pip_log="$venv/pip-install.log"
if ! "$venv/bin/python" -m pip install --disable-pip-version-check --progress-bar off \
  -r "$req" > "$pip_log" 2>&1; then
  tail -n 30 "$pip_log" >&2
  die "pip install failed (full log: $pip_log)"
fi
grep -E '^Building wheel for|^Successfully built' "$pip_log" | sed 's/^/[setup-ha 2024.3] pip: /' || true
installed=$( (grep -o 'Successfully installed.*' "$pip_log" || true) | wc -w)
log "pip: installed $(( installed > 2 ? installed - 2 : 0 )) packages (log: ${pip_log#"$repo"/})"
"$venv/bin/python" -m pip check >/dev/null || { "$venv/bin/python" -m pip check; die "pip check failed"; }
"$venv/bin/python" - <<'PY' || die "import check failed"
import homeassistant.const as c, zwave_js_server.const as z, hass_frontend, sqlalchemy
print(f"[setup-ha 2024.3] homeassistant {c.__version__}, zwave-js-server-python schema "
      f"{z.MIN_SERVER_SCHEMA_VERSION}-{z.MAX_SERVER_SCHEMA_VERSION}, sqlalchemy {sqlalchemy.__version__}")
PY
[[ -x "$venv/bin/hass" ]] || die "$venv/bin/hass missing after install"
printf '%s' "$want" > "$marker"
log "done in $(( $(date +%s) - start ))s"
