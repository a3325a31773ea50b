#!/usr/bin/env bash
# Emacs 30 (bookworm-backports) with its built-in eglot against the real copydesk server, in batch:
# diagnostics, positions on an emoji line, a code action applied (editors/emacs/tests/e2e.el).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
emacs_major() { emacs --batch -Q --eval '(princ emacs-major-version)' 2>/dev/null || echo 0; }
if ! command -v emacs >/dev/null || [ "$(emacs_major)" -lt 30 ]; then
  # eglot with positionEncoding support is built into Emacs 29+; Debian 12 ships 28, backports 30.
  # The backports suite lives on the same mirror as the machine's main suite.
  . /etc/os-release
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list)
  echo "deb $mirror ${VERSION_CODENAME}-backports main" > /etc/apt/sources.list.d/copydesk-backports.list
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t "${VERSION_CODENAME}-backports" emacs-nox >/dev/null
fi
emacs --version | head -1
cargo build --locked --bin copydesk
COPYDESK_BIN=$root/target/debug/copydesk timeout 120 emacs --batch -Q -l editors/emacs/tests/e2e.el
