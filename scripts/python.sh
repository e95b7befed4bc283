#!/usr/bin/env bash
# Run the project's Python, whatever the virtual environment is called: the active one ($VIRTUAL_ENV),
# else the .venv that scripts/setup.sh makes, else python3 on the PATH. Used by the pre-commit hooks.
set -euo pipefail
if [ -n "${VIRTUAL_ENV:-}" ] && [ -x "${VIRTUAL_ENV}/bin/python" ]; then
  exec "${VIRTUAL_ENV}/bin/python" "$@"
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -x "$root/.venv/bin/python" ]; then
  exec "$root/.venv/bin/python" "$@"
fi
exec python3 "$@"
