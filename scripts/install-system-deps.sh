#!/usr/bin/env bash
# Install the Debian packages the test suite needs beyond Python: headless Chromium and its
# WebDriver, for tests/test_serve_browser.py (Datasette in a real browser).
#
# Idempotent and quiet: does nothing when /usr/bin/chromium and /usr/bin/chromedriver exist.
# As root it runs apt-get directly; otherwise through sudo when there is one. Without either it
# prints what to install and exits 0, so the browser test skips with a clear reason instead.
set -euo pipefail

PACKAGES=(chromium chromium-driver)

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    echo "install-system-deps: not root and no password-less sudo; install these Debian" \
         "packages to run the browser test: ${PACKAGES[*]} (it is skipped until then)" >&2
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-system-deps: no apt-get on this machine; install Chromium and chromedriver" \
         "so that /usr/bin/chromium and /usr/bin/chromedriver exist (the browser test is" \
         "skipped until then)" >&2
    exit 0
fi

echo "install-system-deps: installing ${PACKAGES[*]} (once)" >&2
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
       "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
           apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "install-system-deps: apt-get failed (above); the browser test is skipped until" \
         "${PACKAGES[*]} are installed" >&2
fi
