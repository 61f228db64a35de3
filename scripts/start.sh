#!/usr/bin/env bash
# Builds pkg/ and the admin form, then serves it on http://127.0.0.1:${PORT:-8080}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
source scripts/env.sh
PORT=${PORT:-8080}
vite build --config www/vite.config.mjs --logLevel warn
echo "Admin form: http://127.0.0.1:$PORT/"
exec vite preview --config www/vite.config.mjs --host 127.0.0.1 --port "$PORT" --strictPort
