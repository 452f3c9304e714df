#!/usr/bin/env bash
# Install Debian packages the project needs beyond Python, for the scripts beside this one:
#
#     apt-install.sh NAME WHAT PACKAGE...
#
# NAME prefixes every message; WHAT says what needs the packages ("the browser test"). As root
# it runs apt-get directly, otherwise through password-less sudo. Without either, without
# apt-get, or when apt-get fails, it says what to install and exits 0, so what needs the
# packages skips with a clear reason instead of failing. Services the packages bring are not
# started (policy-rc.d while installing; machines without systemd could not start them anyway).
set -euo pipefail

NAME=$1 WHAT=$2
shift 2
PACKAGES=("$@")

if [[ "$(id -u)" -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    echo "$NAME: not root and no password-less sudo; install the Debian package(s)" \
         "${PACKAGES[*]} to run $WHAT (skipped until then)" >&2
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "$NAME: no apt-get on this machine; install ${PACKAGES[*]} or their equivalent" \
         "to run $WHAT (skipped until then)" >&2
    exit 0
fi

echo "$NAME: installing ${PACKAGES[*]} (once)" >&2
POLICY=/usr/sbin/policy-rc.d
CREATED_POLICY=0
if [[ ! -e "$POLICY" && "$(id -u)" -eq 0 ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$POLICY" && chmod +x "$POLICY" && CREATED_POLICY=1
fi
LOG=$(mktemp)
cleanup() { rm -f "$LOG"; if [[ "$CREATED_POLICY" -eq 1 ]]; then rm -f "$POLICY"; fi; }
trap cleanup EXIT
if ! { "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
       "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
           apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}"; } >"$LOG" 2>&1; then
    cat "$LOG" >&2
    echo "$NAME: apt-get could not install ${PACKAGES[*]} (above); $WHAT is skipped until" \
         "they are installed" >&2
fi
