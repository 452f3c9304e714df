#!/usr/bin/env bash
# Install Debian's redis-server, which the distributed crawl (docs/distributed.md) and its tests
# need. The tests start their own server on 127.0.0.1 with a free port; nothing is enabled as a
# system service here.
#
# Idempotent and quiet: does nothing when `redis-server` is already on the PATH. As root it runs
# apt-get directly; otherwise through sudo when there is password-less sudo. Without either (or
# without apt-get) it prints what to install and exits 0, so the distributed tests skip with a
# clear reason instead of failing.
set -euo pipefail

PACKAGES=(redis-server)

if command -v redis-server >/dev/null 2>&1; then
    exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    echo "install-redis: not root and no password-less sudo; install the Debian package" \
         "${PACKAGES[*]} to run the distributed tests (they are skipped until then)" >&2
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-redis: no apt-get on this machine; install Redis 7 so that \`redis-server\`" \
         "is on the PATH (the distributed tests are skipped until then)" >&2
    exit 0
fi

echo "install-redis: installing ${PACKAGES[*]} (once)" >&2
export DEBIAN_FRONTEND=noninteractive
# The package's post-install script tries to start the service; on machines without systemd
# (containers, CI) that fails harmlessly, and policy-rc.d keeps it from starting where it could.
POLICY=/usr/sbin/policy-rc.d
CREATED_POLICY=0
if [[ ! -e "$POLICY" && "$(id -u)" -eq 0 ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$POLICY" && chmod +x "$POLICY" && CREATED_POLICY=1
fi
LOG=$(mktemp)
cleanup() { rm -f "$LOG"; if [[ "$CREATED_POLICY" -eq 1 ]]; then rm -f "$POLICY"; fi; }
trap cleanup EXIT
if ! { "${SUDO[@]}" apt-get update -qq >"$LOG" 2>&1 &&
       "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >"$LOG" 2>&1; }
then
    cat "$LOG" >&2
    echo "install-redis: apt-get could not install ${PACKAGES[*]}; install it by hand to run" \
         "the distributed tests (they are skipped until then)" >&2
    exit 0
fi
