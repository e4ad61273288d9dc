#!/usr/bin/env bash
# Set up, then start the chat on the bundled corpus (it is ingested on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. .venv/bin/activate
exec trygg ui "$@"
