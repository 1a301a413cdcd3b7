#!/usr/bin/env bash
# Runs every test of DigestSite: installs what is missing that it can, fails clearly on what it
# cannot, then prints the totals as "N passed, N failed" on the last line.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "error: $*" >&2; exit 1; }

command -v dotnet >/dev/null || fail "the .NET 10 SDK is missing: install it from https://dot.net (dotnet-sdk-10.0), then run this again."
command -v node >/dev/null && command -v npm >/dev/null \
  || fail "node and npm are missing (needed to check the search index against lunr.js): install Node.js 20+ (apt-get install nodejs npm), then run this again."

# Chromium drives the browser tests. Debian's package; Playwright's own browser download is not used.
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing chromium (Debian package) for the browser tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    fail "chromium is missing (needed by the browser tests): run 'sudo apt-get install chromium', or set CHROMIUM_PATH to a Chromium binary, then run this again."
  fi
fi

# The native executable (Native AOT, tests/DigestSite.Commands.Tests/Native/NativeBuildTests.cs) is linked by clang
# with lld, against zlib. Debian packages.
if ! command -v clang >/dev/null || ! command -v ld.lld >/dev/null || [ ! -f /usr/include/zlib.h ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing clang, lld and zlib1g-dev (Debian packages) for the native build..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang lld zlib1g-dev >/dev/null
  else
    fail "clang, lld or the zlib headers are missing (needed to build the native executable): run 'sudo apt-get install clang lld zlib1g-dev', then run this again."
  fi
fi

# Node packages, exactly as locked, no install scripts: lunr.js (built into the program, and the
# reference of the differential tests), checkers for the tests.
for dir in theme tests/tools; do
  if [ -f "$dir/package-lock.json" ]; then
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  fi
done

rm -rf TestResults
status=0
dotnet test DigestSite.sln --logger "trx" --results-directory TestResults "$@" || status=$?

# dotnet test's own summary is per project; add up the TRX counters for one closing line.
passed=0; failed=0; total=0
for trx in TestResults/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed))); total=$((total + $(get total)))
done
if [ "$total" -eq 0 ]; then
  echo "error: no test ran." >&2
  status=1
fi
echo "$passed passed, $failed failed"
exit $status
