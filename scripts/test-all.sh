#!/usr/bin/env bash
# `npm test`: every layer, in order. PostgreSQL-backed runs need TEST_DATABASE_URL
# (an admin URL of a server where test databases may be created and dropped).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "Type check"
npm run --silent typecheck

step "Lint"
npm run --silent lint

step "Unit and integration tests (embedded PGlite)"
env -u TEST_DATABASE_URL node_modules/.bin/vitest run

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "Integration tests (PostgreSQL server)"
  node_modules/.bin/vitest run
else
  step "Integration tests (PostgreSQL server): SKIPPED"
  echo "TEST_DATABASE_URL is not set. To run them: TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm test"
fi

step "End-to-end tests (production build, Chromium)"
bash scripts/test-e2e.sh

step "All test layers passed"
