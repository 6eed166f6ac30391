#!/usr/bin/env bash
# Makes sure Playwright has a Chromium: the system one when present (Debian's package,
# installed with apt-get when we are root on Debian), else Playwright's own download.
set -euo pipefail
for p in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$p" ]; then echo "Browser: $p"; exit 0; fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the end-to-end tests (apt-get)…"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium </dev/null >/dev/null
  echo "Browser: /usr/bin/chromium"
  exit 0
fi
echo "No system Chromium; installing Playwright's own browser…"
npx playwright install chromium
