#!/usr/bin/env bash
# Builds pkg/ and the admin form, then serves it on http://127.0.0.1:${PORT:-8080}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
source scripts/env.sh
PORT=${PORT:-8080}
vite build --config www/vite.config.mjs --logLevel warn

# A production-like server: hashed assets cached for good, everything compressed.
exec node scripts/serve.mjs www/dist --host 127.0.0.1 --port "$PORT"
