#!/usr/bin/env bash
# Open the dashboard on the bundled seed articles. The virtual environment is set up (or
# updated) only when it is missing or pyproject.toml changed since the last install; the map's
# offline scripts are copied before the server starts, so its file watcher sees no writes.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=.venv/.claim-atlas-install
want="$(cksum pyproject.toml | cut -d' ' -f1,2)"
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ] \
   || ! .venv/bin/python -c "import atlas, claims, geo, streamlit, streamlit_folium" 2>/dev/null; then
  echo "dashboard.sh: setting up .venv (once; again only when pyproject.toml changes)" >&2
  python3 -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e .
  echo "$want" > "$stamp"
fi
.venv/bin/python -m atlas.assets
exec .venv/bin/streamlit run dashboard.py "$@"
