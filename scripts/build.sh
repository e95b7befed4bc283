#!/usr/bin/env bash
# Set up and build the site into site/ (or preview it: scripts/build.sh serve).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.lock
if [ "${1:-build}" = "serve" ]; then
  exec .venv/bin/python -m build_scripts serve
fi
exec .venv/bin/python -m build_scripts build
