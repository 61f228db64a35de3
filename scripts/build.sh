#!/usr/bin/env bash
# Builds pkg/: one npm package for the browser (ES module + init) and Node (require and import).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

rm -rf pkg
# One cargo build, two wasm-bindgen targets: `web` for browsers, `nodejs` for Node. The steps
# of `wasm-pack build`, run here because wasm-pack passes no options of its own to
# wasm-bindgen: `--experimental-reset-state-function` gives the package's entry a way to
# restart the module after a trap (see js/facade.js).
cargo build --lib --release --target wasm32-unknown-unknown
for target in web nodejs; do
  out="pkg/${target%js}"
  wasm-bindgen target/wasm32-unknown-unknown/release/customer_validation.wasm --out-dir "$out" --out-name customer_validation \
    --target "$target" --typescript --experimental-reset-state-function
  # wasm-opt from the npm package `binaryen` (Debian's v108 produces broken output). The
  # `--no-inline` patterns (before -O3, which inlines functions with one caller) keep the
  # per-record entry small: V8 compiles a function whole on its first call, and these parts
  # (the general path, the engine's report, the per-model plan) are not needed by most calls.
  wasm-opt --no-inline='*general_validate*' --no-inline='*by_engine*' --no-inline='*make_plan*' -O3 \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue \
    "$out/customer_validation_bg.wasm" -o "$out/customer_validation_bg.wasm"
done
# The phone module (phone/: libphonenumber's metadata, four times the validation module):
# a module of its own, loaded only by code that imports customer-validation/phone.
cargo build -p customer-validation-phone --lib --release --target wasm32-unknown-unknown
for target in web nodejs; do
  out="pkg/phone/${target%js}"
  wasm-bindgen target/wasm32-unknown-unknown/release/customer_validation_phone.wasm --out-dir "$out" --out-name customer_validation_phone \
    --target "$target" --typescript
  wasm-opt -Os --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue \
    "$out/customer_validation_phone_bg.wasm" -o "$out/customer_validation_phone_bg.wasm"
done
node scripts/assemble-pkg.mjs
