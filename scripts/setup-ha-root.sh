#!/usr/bin/env bash
# Home Assistant 2026.11 (the primary target) needs Python >= 3.14.2, which this machine's
# Debian does not ship. Build a minimal Debian testing ("forky") root with python3.14 under
# .cache/ha-2026.11/root, and a venv at /opt/ha inside it with the pinned lock
# test/stack/ha/pins/2026.11/requirements.txt. Idempotent: a root whose marker matches the lock,
# the package list and this script's layout version returns at once.
#
# HA then runs chrooted into that root inside a private mount namespace (test/stack/ha/target.ts):
# /proc, /dev and the config folder are mounted only while it runs and vanish with it.
#
#   scripts/setup-ha-root.sh           build or verify
#   scripts/setup-ha-root.sh --force   rebuild from scratch
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lock="$repo/test/stack/ha/pins/2026.11/requirements.txt"
base="$repo/.cache/ha-2026.11"
root="$base/root"
marker="$root/.latchkey-root"
mirror="${LATCHKEY_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# python3.14-dev and g++: pymicro-vad and pyspeex-noise have no Python 3.14 wheels and build from
# source. libturbojpeg0: camera snapshots (else HA logs a traceback). libnl-*: the Matter SDK.
packages="python3.14,python3.14-venv,python3.14-dev,g++,ca-certificates,libturbojpeg0,libnl-3-200,libnl-route-3-200"
layout=1
# Downloads are kept outside the clone, like npm's and pip's own caches: a fresh clone on the same
# machine (CI) rebuilds the root without downloading or compiling again.
user_cache="${XDG_CACHE_HOME:-$HOME/.cache}"
deb_cache="$user_cache/latchkey/debootstrap-forky"
pip_cache="${PIP_CACHE_DIR:-$user_cache/pip}"
start=$(date +%s)

log() { printf '[setup-ha 2026.11] %s\n' "$*"; }
die() { printf '[setup-ha 2026.11] ERROR: %s\n' "$*" >&2; exit 1; }

[[ -f "$lock" ]] || die "missing $lock"
[[ "${1:-}" == "--force" ]] && { log "--force: removing $base"; rm -rf "$base"; }
want="layout-$layout $(sha256sum "$lock" | cut -d' ' -f1) $packages"

if [[ -x "$root/opt/ha/bin/hass" && -f "$marker" && "$(cat "$marker")" == "$want" ]]; then
  log "up to date ($root) in $(( $(date +%s) - start ))s"
  exit 0
fi

[[ "$(id -u)" == "0" ]] || die "building the Debian testing root for Home Assistant 2026.11 needs root (debootstrap, mount and chroot). Run the command as root (CI does), or with sudo."
command -v unshare >/dev/null 2>&1 || die "unshare (util-linux) not found"
if ! command -v debootstrap >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || die "debootstrap is not installed and there is no apt-get to install it: install Debian's debootstrap package"
  log "apt-get install debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed (are Debian's package mirrors reachable?)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null || die "apt-get install debootstrap failed"
fi
# Older debootstrap releases have no script named forky; sid's script builds any testing suite.
script=/usr/share/debootstrap/scripts/sid
[[ -f "$script" ]] || die "$script missing: debootstrap is too old or broken"

# Build beside the final place and rename at the end: an interrupted build never looks finished.
partial="$base/root.partial"
rm -rf "$partial"
mkdir -p "$base"
t=$(date +%s)
log "debootstrap forky (python3.14) into ${partial#"$repo"/} from $mirror"
# In a private mount namespace: the proc/sys debootstrap mounts inside the target cannot outlive it.
mkdir -p "$deb_cache"
if ! unshare --mount --propagation private -- \
  debootstrap --variant=minbase --cache-dir="$deb_cache" --include="$packages" forky "$partial" "$mirror" "$script" \
  > "$base/debootstrap.log" 2>&1; then
  tail -n 20 "$base/debootstrap.log" >&2
  die "debootstrap failed (full log: ${base#"$repo"/}/debootstrap.log)"
fi
log "debootstrap: $(( $(date +%s) - t ))s"

# Downloads from inside the root go through the host's resolver and TLS proxy.
cp /etc/resolv.conf "$partial/etc/resolv.conf"
cp /etc/ssl/certs/ca-certificates.crt "$partial/etc/ssl/certs/ca-certificates.crt"
cp "$lock" "$partial/tmp/requirements.txt"
# Where each run's config folder is bind-mounted (test/stack/ha/target.ts).
mkdir -p "$partial/config"

mkdir -p "$pip_cache" "$partial/root/.cache/pip"
in_root() {
  PIP_CACHE_ON_HOST="$pip_cache" unshare --mount --propagation private -- /bin/sh -c '
    set -e
    mount -t proc proc "$0/proc"
    mount --rbind /dev "$0/dev"
    mount --bind "$PIP_CACHE_ON_HOST" "$0/root/.cache/pip"
    exec chroot "$0" /usr/bin/env -i PATH=/opt/ha/bin:/usr/bin:/bin HOME=/root LANG=C.UTF-8 \
      SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt PIP_CERT=/etc/ssl/certs/ca-certificates.crt \
      PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 "$@"' "$partial" "$@"
}

t=$(date +%s)
log "venv /opt/ha with $(grep -c '==' "$lock") pinned packages from ${lock#"$repo"/}"
in_root /usr/bin/python3.14 -m venv /opt/ha
# --no-deps: the lock is the whole closure; anything missing fails pip check below.
if ! in_root /opt/ha/bin/pip install --no-deps --progress-bar off -r /tmp/requirements.txt > "$base/pip-install.log" 2>&1; then
  tail -n 30 "$base/pip-install.log" >&2
  die "pip install failed (full log: ${base#"$repo"/}/pip-install.log)"
fi
in_root /opt/ha/bin/pip check > /dev/null || { in_root /opt/ha/bin/pip check >&2 || true; die "pip check failed: the lock misses a dependency"; }
in_root /opt/ha/bin/python -c '
import homeassistant.const as c, zwave_js_server.const as z, hass_frontend, sqlalchemy, pymicro_vad
print(f"[setup-ha 2026.11] homeassistant {c.__version__}, zwave-js-server-python schema {z.MIN_SERVER_SCHEMA_VERSION}-{z.MAX_SERVER_SCHEMA_VERSION}")
' || die "import check failed"
log "venv: $(( $(date +%s) - t ))s"

printf '%s' "$want" > "$partial/.latchkey-root"
rm -rf "$root"
mv "$partial" "$root"
log "built in $(( $(date +%s) - start ))s ($(du -sh "$root" | cut -f1))"
