#!/usr/bin/env bash
# Every test: typecheck, lint, unit and component tests (vitest), then browser tests (Playwright, Chromium).
# Ends with one line `N passed, N failed` adding up both runners, and fails when any step fails.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json
status=0
step() { echo; echo "== $*"; "$@" || status=1; }

step bash scripts/ensure-chromium.sh
step bash scripts/ensure-postgres.sh
step node_modules/.bin/tsc -p tsconfig.json --noEmit
step node_modules/.bin/eslint .
step node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
step node_modules/.bin/vite build --logLevel warn
step node_modules/.bin/playwright test

node scripts/count-tests.mjs reports/vitest.json reports/playwright.json || status=1
exit $status
