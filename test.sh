#!/usr/bin/env bash
# The README's test command: every check CI runs, in the order it runs them. It installs what it needs itself
# (npm packages from the lock file; NuGet packages by restore; Debian's chromium for the browser tests), so a fresh
# machine needs only .NET 10 and Node 20.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

step() { printf '\n== %s\n' "$*"; }

step "Task pane: npm ci, type check, lint, unit tests (src/AddinWeb)"
(cd src/AddinWeb && npm ci --no-audit --no-fund && npm run typecheck && npm run lint && npm test)

step "Browser tests need Debian's Chromium (Playwright drives it; its own browser download does not work here)"
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is not installed and this is not root: the browser tests will show as skipped"
  fi
fi

step "Formatting and code style: dotnet format --verify-no-changes"
dotnet format OutlookCrm.sln --verify-no-changes

step "Build (Release, warnings are errors; builds the task pane too)"
dotnet build OutlookCrm.sln -c Release

step "Tests: unit and integration (SQL Server legs run when OUTLOOKCRM_TEST_SQLSERVER is set)"
log=$(mktemp)
set +e
dotnet test --solution OutlookCrm.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line in the plain form CI reads, summed over the test projects.
awk '/^[[:space:]]+succeeded:/ {p += $2} /^[[:space:]]+failed:/ {f += $2} /^[[:space:]]+skipped:/ {s += $2}
     END {printf "\n%d passed, %d failed, %d skipped\n", p, f, s}' "$log"
rm -f "$log"
exit "$status"
