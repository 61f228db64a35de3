# Sourced by the scripts: tools on PATH. wasm-opt comes from the npm package binaryen,
# never Debian's (v108 emits modules that fail with a WebAssembly.Table.set error).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
