#!/usr/bin/env bash
# Vim 9 + ALE (Debian's vim-ale) with editors/vim/copydesk.vim against the real copydesk server:
# findings and their positions, headless (editors/vim/tests/ale-e2e.vim).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
if ! command -v vim >/dev/null || [ ! -d /usr/share/vim/vimfiles/pack/dist-bundle/opt/ale ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq vim vim-ale >/dev/null
fi
vim --version | head -1
cargo build --locked --bin copydesk
COPYDESK_BIN=$root/target/debug/copydesk timeout 120 vim -N -u NONE -i NONE -Es -S editors/vim/tests/ale-e2e.vim </dev/null
