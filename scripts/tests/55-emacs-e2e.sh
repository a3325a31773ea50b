#!/usr/bin/env bash
# Emacs 30 (bookworm-backports) with its built-in eglot against the real copydesk server, in batch:
# diagnostics, positions on an emoji line, a code action applied (editors/emacs/tests/e2e.el).
# system-wide: installs Emacs 30 (emacs-nox) from Debian backports with apt-get; needs root on Debian
# The backports apt source it adds for that is removed again when it exits (and the apt lists
# refreshed without it); Emacs stays installed, so the next run needs neither.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
emacs_major() { emacs --batch -Q --eval '(princ emacs-major-version)' 2>/dev/null || echo 0; }
if ! command -v emacs >/dev/null || [ "$(emacs_major)" -lt 30 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null || [ ! -r /etc/os-release ]; then
    echo "FAIL: this suite installs Emacs 30 from Debian backports: it needs root on Debian" >&2
    echo "      (or Emacs 30+ already installed); COPYDESK_SKIP_SYSTEM_SUITES=1 scripts/test-all skips it" >&2
    exit 1
  fi
  # eglot with positionEncoding support is built into Emacs 29+; Debian 12 ships 28, backports 30.
  # The backports suite lives on the same mirror as the machine's main suite.
  . /etc/os-release
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list)
  source_list=/etc/apt/sources.list.d/copydesk-backports.list
  if [ ! -e "$source_list" ]; then
    # Ours to remove: on any exit, success or not, the machine's apt sources are as they were.
    trap 'rm -f "$source_list"; apt-get update -qq || true' EXIT
  fi
  echo "deb $mirror ${VERSION_CODENAME}-backports main" > "$source_list"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t "${VERSION_CODENAME}-backports" emacs-nox >/dev/null
fi
emacs --version | head -1
cargo build --locked --bin copydesk
COPYDESK_BIN=$root/target/debug/copydesk timeout 120 emacs --batch -Q -l editors/emacs/tests/e2e.el
