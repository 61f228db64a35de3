#!/usr/bin/env bash
# Builds pkg/: one npm package for the browser (ES module + init) and Node (require and import).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

rm -rf pkg
# Two wasm-bindgen targets from one cargo build: `web` for browsers, `nodejs` for Node.
wasm-pack build --release --target web --out-dir pkg/web --out-name customer_validation --no-pack
wasm-pack build --release --target nodejs --out-dir pkg/node --out-name customer_validation --no-pack
node scripts/assemble-pkg.mjs
