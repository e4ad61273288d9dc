#!/usr/bin/env bash
# Set up, then lint, type-check and run every test (offline; real models, real Chroma).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# The browser test drives Debian's Chromium (Playwright's own browser download cannot work offline).
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "chromium not installed: browser tests will be skipped" >&2
fi
. .venv/bin/activate
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
ruff check .
mypy assistant ingest vectorstore ui eval cli.py
pytest -q -p no:cacheprovider "$@"
