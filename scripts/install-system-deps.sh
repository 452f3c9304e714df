#!/usr/bin/env bash
# Install the Debian packages the test suite needs beyond Python: headless Chromium and its
# WebDriver, for tests/test_serve_browser.py (Datasette in a real browser). Idempotent and
# quiet: does nothing when /usr/bin/chromium and /usr/bin/chromedriver exist; how it installs,
# and what it says when it cannot: scripts/apt-install.sh.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    exit 0
fi
exec bash "$(dirname "$0")/apt-install.sh" install-system-deps "the browser test" \
    chromium chromium-driver
