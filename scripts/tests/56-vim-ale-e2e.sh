#!/usr/bin/env bash
# Vim 9 + ALE (Debian's vim-ale) with editors/vim/copydesk.vim against the real copydesk server:
# findings and their positions, headless (editors/vim/tests/ale-e2e.vim).
# system-wide: installs vim and vim-ale with apt-get; needs root on Debian
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
if ! command -v vim >/dev/null || [ ! -d /usr/share/vim/vimfiles/pack/dist-bundle/opt/ale ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "FAIL: this suite installs vim and vim-ale with apt-get: it needs root on Debian" >&2
    echo "      (or both already installed); COPYDESK_SKIP_SYSTEM_SUITES=1 scripts/test-all skips it" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq vim vim-ale >/dev/null
fi
vim --version | head -1
cargo build --locked --bin copydesk
COPYDESK_BIN=$root/target/debug/copydesk timeout 120 vim -N -u NONE -i NONE -Es -S editors/vim/tests/ale-e2e.vim </dev/null
