#!/usr/bin/env bash
# Install Debian's redis-server, which the distributed crawl (docs/distributed.md) and its tests
# need. The tests start their own server on 127.0.0.1 with a free port; nothing is enabled as a
# system service here. Idempotent and quiet: does nothing when `redis-server` is already on the
# PATH; how it installs, and what it says when it cannot: scripts/apt-install.sh.
set -euo pipefail

if command -v redis-server >/dev/null 2>&1; then
    exit 0
fi
exec bash "$(dirname "$0")/apt-install.sh" install-redis "the distributed tests" redis-server
