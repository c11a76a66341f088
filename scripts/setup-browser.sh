#!/usr/bin/env bash
# The browser tests of `hearout serve` drive the system's Chromium through its chromedriver,
# both from the OS packages: nothing is downloaded at run time (Selenium Manager is never used).
set -euo pipefail
have() { command -v "$1" >/dev/null 2>&1; }
if have chromedriver && { have chromium || have chromium-browser; }; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && have apt-get; then
    echo "setup-browser: installing chromium and chromium-driver (Debian packages)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
else
    echo "setup-browser: chromium and chromedriver are missing (Debian: apt-get install chromium chromium-driver);" \
         "the browser tests will be skipped, or fail with CI=true" >&2
fi
