#!/usr/bin/env bash
# End-to-end tests against the production build, on a database made fresh for this run:
# a new database on the PostgreSQL server named by TEST_DATABASE_URL, else a new PGlite folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-browser.sh

export NEXT_TELEMETRY_DISABLED=1
export E2E_PORT="${E2E_PORT:-3917}"
# Its own build folder: a dev server running beside the tests keeps using .next.
export KNOTWORK_DIST_DIR="${KNOTWORK_DIST_DIR:-.next-e2e}"
export NEXTAUTH_URL="http://127.0.0.1:${E2E_PORT}"
export NEXTAUTH_SECRET="e2e-$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')"
run_id="$(date +%s)_$$"
cleanup=()
trap 'for c in "${cleanup[@]}"; do eval "$c" || true; done' EXIT

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  db="knotwork_e2e_${run_id}"
  admin_url="$TEST_DATABASE_URL"
  node scripts/pg-admin.mjs "$admin_url" create "$db"
  cleanup+=("node scripts/pg-admin.mjs '$admin_url' drop '$db'")
  export DATABASE_URL
  DATABASE_URL="$(node -e 'const u=new URL(process.argv[1]); u.pathname="/"+process.argv[2]; console.log(u.toString())' "$admin_url" "$db")"
  echo "End-to-end tests on PostgreSQL (database $db)"
else
  unset DATABASE_URL
  export KNOTWORK_DATA_DIR=".data/e2e-${run_id}"
  cleanup+=("rm -rf '$KNOTWORK_DATA_DIR'")
  echo "End-to-end tests on embedded PGlite ($KNOTWORK_DATA_DIR)"
fi
npm run --silent db:seed
# Each spec's own clinic and people (scripts/e2e-seed.ts), named in a manifest the specs read through
# e2e/fixtures.ts. Here, not from Playwright: on PGlite the server holds the data folder once it runs.
export E2E_MANIFEST E2E_SPECS=""
E2E_MANIFEST="$(mktemp)"
# A run of named spec files (e2e/x.spec.ts or e2e/x.spec.ts:12) seeds only their clinics; any other run seeds all.
for arg in "$@"; do
  case "$arg" in *.spec.ts | *.spec.ts:*) E2E_SPECS="$E2E_SPECS $(basename "${arg%%:*}")" ;; esac
done
cleanup+=("rm -f '$E2E_MANIFEST'")
node_modules/.bin/tsx --conditions=react-server scripts/e2e-seed.ts

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  # The app runs as production does (README: Row-level security): the schema owner migrated and
  # seeded above; the server connects as the least-privilege roles of scripts/db-least-privilege.sql,
  # clinic work as knotwork_app (NOBYPASSRLS, owns nothing: row-level security binds it) and
  # platform work as knotwork_platform (BYPASSRLS). Roles are server-wide: another run may be
  # creating them at the same moment, so the script is retried once.
  psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -q -f scripts/db-least-privilege.sql >/dev/null 2>&1 \
    || psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -q -f scripts/db-least-privilege.sql >/dev/null
  as_role() { node -e 'const u=new URL(process.argv[1]); u.username=process.argv[2]; u.password=""; console.log(u.toString())' "$DATABASE_URL" "$1"; }
  export DATABASE_PLATFORM_URL KNOTWORK_MIGRATE=off
  DATABASE_PLATFORM_URL="$(as_role knotwork_platform)"
  DATABASE_URL="$(as_role knotwork_app)"
  echo "The app connects as knotwork_app (row-level security) and knotwork_platform"
fi

# A real SMTP server for the app to send to (e2e/mail-catcher.ts): specs read what was sent.
export E2E_SMTP_PORT="${E2E_SMTP_PORT:-$((E2E_PORT + 1000))}"
export E2E_MAILDIR
E2E_MAILDIR="$(mktemp -d)"
cleanup+=("rm -rf '$E2E_MAILDIR'")
node_modules/.bin/tsx e2e/mail-catcher.ts &
catcher=$!
cleanup+=("kill $catcher")
for _ in $(seq 1 100); do [ -f "$E2E_MAILDIR/.ready" ] && break; sleep 0.1; done
[ -f "$E2E_MAILDIR/.ready" ] || { echo "the e2e mail server did not start on port $E2E_SMTP_PORT"; exit 1; }

# A local stand-in for the SMS provider (e2e/sms-catcher.ts, Twilio's API): SMS is on, as in production.
export E2E_SMS_PORT="${E2E_SMS_PORT:-$((E2E_PORT + 2000))}"
export E2E_SMSDIR
E2E_SMSDIR="$(mktemp -d)"
cleanup+=("rm -rf '$E2E_SMSDIR'")
export TWILIO_ACCOUNT_SID="AC$(node -e 'console.log(require("crypto").randomBytes(16).toString("hex"))')"
export TWILIO_AUTH_TOKEN="e2e-$(node -e 'console.log(require("crypto").randomBytes(16).toString("hex"))')"
export TWILIO_FROM_NUMBER="+15005550006"
export TWILIO_API_BASE_URL="http://127.0.0.1:${E2E_SMS_PORT}"
node_modules/.bin/tsx e2e/sms-catcher.ts &
sms_catcher=$!
cleanup+=("kill $sms_catcher")
for _ in $(seq 1 100); do [ -f "$E2E_SMSDIR/.ready" ] && break; sleep 0.1; done
[ -f "$E2E_SMSDIR/.ready" ] || { echo "the e2e SMS provider did not start on port $E2E_SMS_PORT"; exit 1; }

if [ "${E2E_SKIP_BUILD:-}" != "1" ]; then
  echo "Building the production app…"
  build_log="$(mktemp)"
  node_modules/.bin/next build >"$build_log" 2>&1 || { tail -50 "$build_log"; exit 1; }
fi
node_modules/.bin/playwright test --config e2e/playwright.config.ts "$@"
