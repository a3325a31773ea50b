#!/usr/bin/env bash
# The VS Code extension: clean install from package-lock.json, type-check and bundle, unit tests
# (server-path resolution, settings mapping, manifest incl. settings == `copydesk rules --format
# vscode-settings`), then package the .vsix and check what it holds.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
cargo build --locked --bin copydesk
export COPYDESK_BIN="$root/target/debug/copydesk"

cd editors/vscode
rm -rf dist out-test ./*.vsix
npm ci --no-audit --no-fund
npm run build
npm test
npm run package

vsix=$(ls ./*.vsix)
listing=$(unzip -l "$vsix")
echo "$listing"
fail=0
for want in extension/package.json extension/readme.md extension/LICENSE.txt extension/dist/extension.js; do
  grep -q " $want\$" <<<"$listing" || { echo "FAIL: $vsix lacks $want"; fail=1; }
done
grep -q ' extension/images/.*\.png$' <<<"$listing" || { echo "FAIL: $vsix holds no images/*.png"; fail=1; }
for bad in node_modules '\.map$' '/src/' '\.ts$' 'out-test/' 'tsconfig'; do
  if grep -E -q "$bad" <<<"$listing"; then echo "FAIL: $vsix holds $bad"; fail=1; fi
done
# The manifest inside the package is the one we tested.
unzip -p "$vsix" extension/package.json | cmp - package.json || { echo "FAIL: packaged package.json differs"; fail=1; }
[ "$fail" = 0 ] || exit 1
echo "vsix ok: $vsix"
