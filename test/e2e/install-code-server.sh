#!/usr/bin/env bash
# Installs code-server (VS Code in the browser, from npm) and Debian's Chromium for the end-to-end tests.
# Idempotent: does nothing when both are already there. Everything lands in .e2e/ (ignored by git).
set -euo pipefail
export npm_config_yes=true   # node-pty's rebuild runs node-gyp through npx
cd "$(dirname "$0")/../.."
DIR=.e2e/code-server
VERSION=4.100.3   # the newest release that runs on Node 20

if ! command -v chromium >/dev/null || ! command -v rg >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libkrb5-dev pkg-config ripgrep chromium >/dev/null
fi

if [ -x "$DIR/node_modules/.bin/code-server" ] && [ -f "$DIR/.installed-$VERSION" ]; then exit 0; fi
mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || echo '{"name":"e2e-code-server","private":true}' > package.json
npm install --no-save --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >/dev/null
(
  cd node_modules/code-server/lib/vscode
  npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null
  npm rebuild @parcel/watcher @vscode/spdlog kerberos native-watchdog node-pty @vscode/deviceid >/dev/null
  mkdir -p node_modules/@vscode/ripgrep/bin && ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sf code-linux.sh code-server)
  (cd bin/helpers && ln -sf browser-linux.sh browser.sh)
  (cd extensions && npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null)
)
npm rebuild argon2 >/dev/null
touch ".installed-$VERSION"
