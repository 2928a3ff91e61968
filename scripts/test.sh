#!/usr/bin/env bash
# `npm test`: type-check, lint, format check, build, then every test layer (unit, contract,
# integration, e2e). On Linux it first enters a throwaway D-Bus session with a fresh, unlocked
# gnome-keyring, so the keychain tests use the real libsecret without touching your own keyring.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(uname -s)" = "Linux" ] && [ -z "${CAMPAIGN_DESK_TEST_KEYRING:-}" ]; then
  for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "npm test needs $tool (Debian: apt-get install dbus gnome-keyring). See README, Linux prerequisites." >&2
      exit 1
    fi
  done
  XDG_DATA_HOME="$(mktemp -d)"
  XDG_RUNTIME_DIR="$(mktemp -d)"
  chmod 700 "$XDG_RUNTIME_DIR"
  export XDG_DATA_HOME XDG_RUNTIME_DIR CAMPAIGN_DESK_TEST_KEYRING=1
  exec dbus-run-session -- bash -c \
    'printf "throwaway" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec bash scripts/test.sh "$@"' \
    test.sh "$@"
fi

echo "== Node $(node --version) (tests run on the Node major Electron embeds)"
case "$(node --version)" in
  v24.*) ;;
  *) echo "Expected Node 24 from the pinned 'node' devDependency; run through npm (npm test)." >&2; exit 1 ;;
esac

echo "== type-check";  npm run --silent typecheck
echo "== lint";        npm run --silent lint
echo "== format";      npm run --silent format:check
echo "== build";       npm run --silent build >/dev/null
echo "== tests"
mkdir -p test-output
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json "$@" || status=$?
node scripts/test-summary.mjs test-output/vitest.json || true
exit "$status"
