#!/usr/bin/env bash
# Independent readers the tests check our output with: Debian's python3-icalendar (run with
# /usr/bin/python3) parses the .ics files we write, including their VTIMEZONE blocks.
set -euo pipefail
if /usr/bin/python3 -c "import icalendar" 2>/dev/null; then echo "python3-icalendar: present"; exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's python3-icalendar for the calendar tests (apt-get)…"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-icalendar </dev/null >/dev/null ||
    { DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-icalendar </dev/null >/dev/null; }
  exit 0
fi
echo "python3-icalendar is missing: install it (apt-get install -y python3-icalendar) or the .ics tests fail." >&2
exit 1
