#!/usr/bin/env bash
# The one-file VS Code install: scripts/package-vsix builds the linux-x64 extension from a release
# build; it must hold an executable server (the release binary itself) that answers --version, be
# marked for linux-x64, and the extension's own server lookup, run on the unpacked extension with
# an empty PATH and no setting, must pick the bundled server (installing the .vsix is the setup).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
target=linux-x64
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "FAIL: this suite builds the $target extension and runs its server: it needs x86_64 Linux" >&2
  exit 1
fi

vsix=$(scripts/package-vsix "$target")
[ "$vsix" = "target/vsix/copydesk-$target.vsix" ] || { echo "FAIL: package-vsix wrote '$vsix'"; exit 1; }
[ -f "$vsix" ] || { echo "FAIL: $vsix does not exist"; exit 1; }

fail=0
listing=$(zipinfo "$vsix")
echo "$listing"
# zipinfo's first column is the Unix mode: the server must be stored executable.
server_mode=$(awk '$NF == "extension/server/copydesk" {print $1}' <<<"$listing")
case "$server_mode" in
  -rwx*) ;;
  "") echo "FAIL: $vsix holds no extension/server/copydesk"; fail=1 ;;
  *) echo "FAIL: extension/server/copydesk is stored as $server_mode, not executable"; fail=1 ;;
esac
for want in extension/package.json extension/dist/extension.js extension/readme.md; do
  grep -q " $want\$" <<<"$listing" || { echo "FAIL: $vsix lacks $want"; fail=1; }
done
unzip -p "$vsix" extension.vsixmanifest | grep -q "TargetPlatform=\"$target\"" \
  || { echo "FAIL: the manifest does not say TargetPlatform=\"$target\""; fail=1; }
unzip -p "$vsix" extension/package.json | cmp - editors/vscode/package.json \
  || { echo "FAIL: the packaged package.json differs from editors/vscode/package.json"; fail=1; }

# Unpacked the way VS Code unpacks it (modes kept), the server runs.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q "$vsix" -d "$work"
server=$work/extension/server/copydesk
cmp "$server" target/release/copydesk || { echo "FAIL: the bundled server is not target/release/copydesk"; fail=1; }
want_version="copydesk $(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)"
got_version=$("$server" --version) || { echo "FAIL: the bundled server's --version failed"; fail=1; }
echo "bundled server: $got_version"
[ "$got_version" = "$want_version" ] || { echo "FAIL: --version printed '$got_version', expected '$want_version'"; fail=1; }

# The extension's resolution code (compiled as the npm tests compile it) finds the bundled server
# with nothing on PATH and no setting.
(cd editors/vscode && npx --no-install tsc -p tsconfig.test.json)
resolved=$(node -e '
  const { resolveServer, nodeProbe, describeResolution } = require(process.argv[1]);
  resolveServer({ configured: "", extensionPath: process.argv[2], platform: "linux", envPath: "" }, nodeProbe)
    .then((r) => { console.log(describeResolution(r).join("\n")); process.exit(r.ok && r.source === "bundled" ? 0 : 1); });
' "$root/editors/vscode/out-test/src/serverPath.js" "$work/extension") \
  || { echo "FAIL: the extension does not pick the bundled server: $resolved"; fail=1; }
echo "$resolved"

[ "$fail" = 0 ] || exit 1
echo "vsix ok: $vsix ($(stat -c %s "$vsix") bytes, server $(stat -c %s "$server") bytes)"
