#!/bin/sh
# Installs Debian's uWSGI (uwsgi-core + the python3 plugin) so test/unit/uwsgiBinary.test.ts
# can cross-check the option catalog and truthiness rules against a real 2.0.x binary.
# Idempotent: does nothing when the binary and the plugin are already there. Needs root.
set -eu

PLUGIN_DIR=/usr/lib/uwsgi/plugins
if [ -x /usr/bin/uwsgi ] && ls "$PLUGIN_DIR"/python3*_plugin.so >/dev/null 2>&1; then
  echo "uwsgi already installed: $(/usr/bin/uwsgi --version)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-uwsgi.sh must run as root (apt-get)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists only when apt has none yet (fresh containers).
if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e '^lock$' -e '^partial$' || true)" ]; then
  apt-get update
fi
if ! apt-get install -y --no-install-recommends uwsgi-core uwsgi-plugin-python3; then
  # Stale lists: refresh once and retry.
  apt-get update
  apt-get install -y --no-install-recommends uwsgi-core uwsgi-plugin-python3
fi
echo "installed: $(/usr/bin/uwsgi --version)"
