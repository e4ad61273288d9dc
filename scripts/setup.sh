#!/usr/bin/env bash
# Create .venv and install the project with everything it needs, a CPU build of torch first
# (asked for by exact version, pip takes the CPU wheel; a loose "torch" would pull a CUDA build).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
. .venv/bin/activate
python -m pip install --quiet --upgrade pip
if ! python -c "import torch" 2>/dev/null; then
  python -m pip install --quiet "torch==2.13.0"
fi
python -m pip install --quiet -e ".[st,llm,dev]"
