#!/usr/bin/env bash
# Runs the cargo-fuzz target that compares the crate's native entry points with each other
# (fuzz/README.md) for a fixed time: scripts/fuzz.sh [SECONDS] [LIBFUZZER_ARGS...]
# (default 60 seconds). Installs the nightly toolchain and cargo-fuzz first if missing.
#
#   FUZZ_TARGET=structured   the generator target instead of paths_agree
#   FUZZ_KEEP_GOING=1        do not stop at the first disagreement (-fork=1 -ignore_crashes=1):
#                            each one is saved to fuzz/artifacts/<target>/ (cargo-fuzz's place)
#   FUZZ_SANITIZER=address   build with AddressSanitizer (default none: no unsafe code
#                            natively, and fuzzing runs several times faster without it)
#   PATHS_AGREE_LAX_JSON=1   compare json errors by code only (skip the parsers' messages)
#
# New inputs go to fuzz/target/corpus/<target> (git-ignored); the committed seeds in
# fuzz/corpus/<target> are read, never written.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-60}
shift || true
target=${FUZZ_TARGET:-paths_agree}
sanitizer=${FUZZ_SANITIZER:-none}

if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

work="$root/fuzz/target/corpus/$target"
mkdir -p "$work"
corpora=("$work")
if [ -d "$root/fuzz/corpus/$target" ]; then
  corpora+=("$root/fuzz/corpus/$target")
fi
extra=()
if [ "${FUZZ_KEEP_GOING:-0}" != 0 ]; then
  extra+=(-fork=1 -ignore_crashes=1)
fi

exec cargo +nightly fuzz run --fuzz-dir "$root/fuzz" --sanitizer "$sanitizer" "$target" "${corpora[@]}" -- \
  -max_total_time="$seconds" -dict="$root/fuzz/paths_agree.dict" ${extra[@]+"${extra[@]}"} "$@"
