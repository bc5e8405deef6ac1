#!/usr/bin/env bash
# Installs what the real-editor tier needs, from nothing, using only the npm registry and Debian's archive:
# Debian's chromium (driven by playwright-core), code-server 4.100.3 (VS Code 1.100.3's workbench, which still runs on
# Node 20) and playwright-core, both into the git-ignored .cache/. Follows shared/docs/real-editor-testing.md step by
# step, because code-server's own postinstall downloads ripgrep from GitHub, which these machines cannot reach.
# Idempotent: each part leaves a stamp only after it fully succeeded, so a rerun is a few stat calls.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${E2E_CACHE:-$ROOT/.cache}"
CS_VERSION=4.100.3
PW_VERSION=1.65.1
CS_DIR="$CACHE/code-server"
PW_DIR="$CACHE/playwright"
CS_STAMP="$CS_DIR/.installed-$CS_VERSION"
PW_STAMP="$PW_DIR/.installed-$PW_VERSION"

log() { printf '[e2e-install] %s\n' "$*" >&2; }

# --- 1. Debian packages -------------------------------------------------------------------------------------------
# kerberos needs gssapi headers; code-server's search needs rg; chromium is the browser we drive. The rest were
# present on the machine where the documented install worked (native modules of VS Code link against them).
DEB_PACKAGES=(chromium libkrb5-dev ripgrep libsecret-1-dev libx11-dev libxkbfile-dev fonts-dejavu-core)
missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    log "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
    exit 1
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- 2. code-server ----------------------------------------------------------------------------------------------
if [[ ! -f "$CS_STAMP" ]]; then
  log "installing code-server@$CS_VERSION into $CS_DIR (a few minutes the first time)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  cd "$CS_DIR"
  printf '{ "name": "e2e-code-server", "private": true }\n' > package.json
  export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
  npm install --ignore-scripts "code-server@$CS_VERSION" >"$CS_DIR/install.log" 2>&1 \
    || { tail -30 "$CS_DIR/install.log" >&2; exit 1; }
  VS="$CS_DIR/node_modules/code-server/lib/vscode"
  (
    cd "$VS"
    npm install --omit=dev --ignore-scripts
    npm rebuild kerberos native-watchdog node-pty @parcel/watcher @vscode/deviceid @vscode/spdlog
    mkdir -p node_modules/@vscode/ripgrep/bin
    cp /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
    ln -sfn node_modules node_modules.asar
    (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
    (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
    (cd extensions && npm install --omit=dev --ignore-scripts)
  ) >>"$CS_DIR/install.log" 2>&1 || { tail -40 "$CS_DIR/install.log" >&2; exit 1; }
  (cd "$CS_DIR" && npm rebuild argon2) >>"$CS_DIR/install.log" 2>&1 \
    || { tail -30 "$CS_DIR/install.log" >&2; exit 1; }
  "$CS_DIR/node_modules/.bin/code-server" --version >/dev/null
  touch "$CS_STAMP"
  log "code-server ready"
fi

# --- 3. playwright-core (drives Debian's chromium; it downloads no browser of its own) -----------------------------
if [[ ! -f "$PW_STAMP" ]]; then
  log "installing playwright-core@$PW_VERSION into $PW_DIR"
  rm -rf "$PW_DIR"
  mkdir -p "$PW_DIR"
  cd "$PW_DIR"
  printf '{ "name": "e2e-playwright", "private": true }\n' > package.json
  npm install --ignore-scripts --no-fund --no-audit "playwright-core@$PW_VERSION" >"$PW_DIR/install.log" 2>&1 \
    || { tail -30 "$PW_DIR/install.log" >&2; exit 1; }
  touch "$PW_STAMP"
fi

echo "$CS_DIR/node_modules/.bin/code-server"
