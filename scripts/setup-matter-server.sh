#!/usr/bin/env bash
# The Matter server of the real Matter stack (test/stack/matter/): python-matter-server 8.1.2 in a
# venv at /opt/matter-server inside the HA 2026.11 Debian testing root (.cache/ha-2026.11/root,
# python3.14, built by scripts/setup-ha-root.sh — which this calls first), from the lock
# test/stack/matter/pins/requirements.txt. The server then runs chrooted there in a private mount
# namespace, like HA (test/stack/matter/matter-server.ts). Idempotent: a venv whose marker matches
# the lock and this script's layout returns at once.
#
# Why there: HA 2026.11's matter client speaks schema 11; the matter.js "OHF Matter Server" that
# HA now targets is not served by the npm registry here, and python-matter-server 8.1.2 (the last
# Python one, schema 11) needs home_assistant_chip_core, whose _ChipDeviceCtrl.so links Debian's
# libnl-3 (in the root's package list).
#
#   scripts/setup-matter-server.sh           build or verify
#   scripts/setup-matter-server.sh --force   rebuild the venv
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lock="$repo/test/stack/matter/pins/requirements.txt"
base="$repo/.cache/ha-2026.11"
root="$base/root"
venv=/opt/matter-server
marker="$root$venv/.latchkey-matter"
layout=1
# Beyond the root's own list: _ChipDeviceCtrl.so also links GLib (libgio/libgobject/libglib).
debs="libglib2.0-0t64"
user_cache="${XDG_CACHE_HOME:-$HOME/.cache}"
pip_cache="${PIP_CACHE_DIR:-$user_cache/pip}"
apt_cache="$user_cache/latchkey/apt-forky"
start=$(date +%s)

log() { printf '[setup-matter] %s\n' "$*"; }
die() { printf '[setup-matter] ERROR: %s\n' "$*" >&2; exit 1; }

[[ -f "$lock" ]] || die "missing $lock (test/stack/matter/lock-requirements.sh writes it)"
# The root first: it is the Python (3.14) and the libraries (libnl) the server needs.
bash "$repo/scripts/setup-ha-root.sh" >/dev/null || die "the HA 2026.11 root is not there: scripts/setup-ha-root.sh failed"
[[ -x "$root/usr/bin/python3.14" ]] || die "$root has no python3.14: rebuild it with scripts/setup-ha-root.sh --force"
for lib in libnl-3.so.200 libnl-route-3.so.200; do
  compgen -G "$root/usr/lib/*/$lib" >/dev/null || die "$lib missing in $root: the Matter SDK needs Debian's libnl-3-200 and libnl-route-3-200 (scripts/setup-ha-root.sh --force installs them)"
done
want="layout-$layout $(sha256sum "$lock" | cut -d' ' -f1) $debs"
[[ "${1:-}" == "--force" ]] && { log "--force: removing $venv"; rm -rf "${root:?}$venv"; }

if [[ -x "$root$venv/bin/matter-server" && -f "$marker" && "$(cat "$marker")" == "$want" ]]; then
  log "up to date ($root$venv) in $(( $(date +%s) - start ))s"
  exit 0
fi
[[ "$(id -u)" == "0" ]] || die "installing into the Debian testing root needs root (mount, chroot). Run the command as root (CI does), or with sudo."

in_root() {
  PIP_CACHE_ON_HOST="$pip_cache" APT_CACHE_ON_HOST="$apt_cache" unshare --mount --propagation private -- /bin/sh -c '
    set -e
    mount -t proc proc "$0/proc"
    mount --rbind /dev "$0/dev"
    mount --bind "$PIP_CACHE_ON_HOST" "$0/root/.cache/pip"
    mount --bind "$APT_CACHE_ON_HOST" "$0/var/cache/apt/archives"
    exec chroot "$0" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 \
      SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt PIP_CERT=/etc/ssl/certs/ca-certificates.crt \
      PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 "$@"' "$root" "$@"
}

mkdir -p "$pip_cache" "$root/root/.cache/pip" "$apt_cache/partial" "$root/var/cache/apt/archives"
# Where each run's /data is bind-mounted (the CHIP SDK writes /data/chip_*.ini, a fixed path).
mkdir -p "$root/data"
# Refresh the resolver and the TLS proxy's CA: the root may have been copied from another machine.
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
cp "$lock" "$root/tmp/matter-requirements.txt"
rm -rf "${root:?}$venv"

t=$(date +%s)
# Debian packages kept in ~/.cache/latchkey/apt-forky for the next clone. The mirror's forky
# Release file can be past its Valid-Until by this machine's clock (ha-2026.md).
apt=(apt-get -q -o Acquire::Check-Valid-Until=false -o APT::Sandbox::User=root)
if ! in_root /usr/bin/dpkg -s $debs >/dev/null 2>&1; then
  log "apt-get install $debs (in the root)"
  { in_root "${apt[@]}" update && in_root /usr/bin/env DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends $debs; } \
    > "$base/matter-apt.log" 2>&1 || { tail -n 20 "$base/matter-apt.log" >&2; die "apt-get install $debs in the root failed (full log: ${base#"$repo"/}/matter-apt.log)"; }
fi
log "venv $venv (python3.14) with $(grep -c '==' "$lock") pinned packages from ${lock#"$repo"/}"
in_root /usr/bin/python3.14 -m venv "$venv"
# --no-deps: the lock is the whole closure; anything missing fails pip check below.
if ! in_root "$venv/bin/pip" install --no-deps --progress-bar off -r /tmp/matter-requirements.txt > "$base/matter-pip-install.log" 2>&1; then
  tail -n 30 "$base/matter-pip-install.log" >&2
  die "pip install failed (full log: ${base#"$repo"/}/matter-pip-install.log)"
fi
in_root "$venv/bin/pip" check > /dev/null || { in_root "$venv/bin/pip" check >&2 || true; die "pip check failed: the lock misses a dependency"; }
# Loading the SDK's native library is what fails on a missing system library (libnl).
in_root "$venv/bin/python" -c '
import ctypes, chip.native, importlib.metadata as m
from matter_server.common.const import SCHEMA_VERSION
ctypes.CDLL(chip.native.FindNativeLibraryPath(chip.native.Library.CONTROLLER))
server, sdk = m.version("python-matter-server"), m.version("home-assistant-chip-core")
print(f"[setup-matter] python-matter-server {server}, home-assistant-chip-core {sdk}, schema {SCHEMA_VERSION}")
' || die "import check failed: the Matter SDK does not load in the root (see the error above)"
printf '%s' "$want" > "$marker"
log "installed in $(( $(date +%s) - t ))s ($(du -sh "$root$venv" | cut -f1))"
