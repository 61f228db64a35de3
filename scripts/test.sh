#!/usr/bin/env bash
# Runs every test: Rust (native), wasm in Node and in headless Chromium and Firefox, the Node API and
# ajv agreement tests, and the end-to-end tests of the admin form. Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
source scripts/env.sh
mkdir -p target
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# Sums "test result: ok. N passed" lines matching $3 (default: all); 0 tests run is a failure.
require_tests() {
  local log=$1 what=$2 filter=${3:-.} n
  n=$(grep -E 'test result: ok\. [0-9]+ passed' "$log" | grep -E -- "$filter" | awk '{s += $4} END {print s + 0}')
  if [ "$n" -eq 0 ]; then echo "FAIL: $what ran 0 tests" >&2; exit 1; fi
  echo "$what: $n tests passed"
}

step "cargo test (native)"
cargo test --workspace --quiet 2>&1 | tee target/native-tests.log
require_tests target/native-tests.log "cargo test"

step "build pkg/"
bash scripts/build.sh

step "wasm-pack test --node"
wasm-pack test --node --release 2>&1 | tee target/wasm-node-tests.log
# wasm-bindgen-test-runner's summary has no "measured" column (cargo's doc tests do).
require_tests target/wasm-node-tests.log "wasm-pack test --node" "ignored; [0-9]+ filtered out"

step "wasm-pack test --headless --chrome"
# Without run_in_browser in the tests, this variable makes the runner use the browser.
WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome --release 2>&1 | tee target/wasm-chrome-tests.log
grep -q "Running headless tests in Chrome" target/wasm-chrome-tests.log || { echo "FAIL: the tests did not run in Chrome" >&2; exit 1; }
require_tests target/wasm-chrome-tests.log "wasm-pack test --headless --chrome" "ignored; [0-9]+ filtered out"

step "wasm-pack test --headless --firefox"
WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --firefox --release 2>&1 | tee target/wasm-firefox-tests.log
grep -q "Running headless tests in Firefox" target/wasm-firefox-tests.log || { echo "FAIL: the tests did not run in Firefox" >&2; exit 1; }
require_tests target/wasm-firefox-tests.log "wasm-pack test --headless --firefox" "ignored; [0-9]+ filtered out"

step "node --test (JS API, ajv agreement)"
# Node 20: the tests opt in to the V8 workaround as an application would (README); the
# V8 test starts its own processes with and without it.
CUSTOMER_VALIDATION_V8_WORKAROUND=1 node --test --test-reporter=spec tests/node/ 2>&1 | tee target/node-tests.log

step "tsc: the TypeScript declarations in pkg/ type real use"
tsc -p tests/types/tsconfig.json
echo "tsc: tests/types compiled"

step "end-to-end: the admin form in headless Chromium and Firefox, the package in bundlers and react-hook-form"
node --test --test-reporter=spec tests/e2e/ 2>&1 | tee target/e2e-tests.log
