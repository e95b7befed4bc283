#!/usr/bin/env bash
# Set up and run every check: Python packages, Debian's chromium for the browser tests, axe-core from npm;
# then ruff and mypy, then pytest (options pass through to pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements-dev.lock
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "could not install chromium" >&2
  elif command -v sudo >/dev/null 2>&1; then
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "could not install chromium" >&2
  fi
fi
if [ -f package.json ] && [ ! -d node_modules/axe-core ] && command -v npm >/dev/null 2>&1; then
  npm ci --silent --no-audit --no-fund
fi
# Quality gates first: lint and types over the whole repository (configured in pyproject.toml); either failing fails the run.
echo "ruff check" >&2
.venv/bin/python -m ruff check .
echo "mypy" >&2
.venv/bin/python -m mypy
exec .venv/bin/python -m pytest "$@"
