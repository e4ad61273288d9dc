#!/usr/bin/env bash
# Set up, then lint, type-check and run every test (offline; real models, real Chroma).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. .venv/bin/activate
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
ruff check .
mypy assistant ingest vectorstore ui eval
pytest -q -p no:cacheprovider "$@"
