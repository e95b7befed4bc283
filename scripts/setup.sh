#!/usr/bin/env bash
# Create .venv and install the locked dependencies, every file checked against its hash.
# Usage: scripts/setup.sh [requirements.lock | requirements-dev.lock]
set -euo pipefail
cd "$(dirname "$0")/.."
lock="${1:-requirements.lock}"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=".venv/.installed-$(sha256sum "$lock" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r "$lock"
  touch "$stamp"
fi
