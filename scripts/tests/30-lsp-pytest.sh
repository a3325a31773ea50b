#!/usr/bin/env bash
# The language server driven by a client we did not write: pytest-lsp (PyPI), with the recorded
# capabilities of VS Code and Neovim. Installs its own venv under target/ on first run.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=target/venv-lsp-pytest
PYTEST_LSP_VERSION=1.0.1
if ! "$VENV/bin/python" -c "import pytest_lsp, sys; sys.exit(pytest_lsp.__version__ != '$PYTEST_LSP_VERSION')" 2>/dev/null; then
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "pytest-lsp==$PYTEST_LSP_VERSION"
fi
cargo build --locked --bin copydesk
export COPYDESK_BIN="$PWD/target/debug/copydesk"
cd tests/lsp_py
# A hung server must fail the suite, not stall CI.
timeout 900 "../../$VENV/bin/pytest" -p no:cacheprovider -q
