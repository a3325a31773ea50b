#!/usr/bin/env bash
# The pre-commit hooks (.pre-commit-hooks.yaml) through `pre-commit try-repo`, as a newsroom would
# run them: a sample repository is made from the articles in scripts/tests/pre-commit-sample/
# (bad.md has a weekday that does not match its date and an "Experts say"; clean.md has no
# finding above a hint), and each hook must fail on bad.md, naming the finding, and pass on
# clean.md. `copydesk` builds copydesk from this working tree with cargo install (the first run
# takes a release build; CARGO_TARGET_DIR keeps it under target/ for the next); `copydesk-system`
# runs the debug build put first on PATH.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
venv=target/venv-pre-commit
if [ ! -x "$venv/bin/pre-commit" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'pre-commit>=3,<5'
fi
pre_commit=$root/$venv/bin/pre-commit
"$pre_commit" --version
cargo build --locked --bin copydesk

export PRE_COMMIT_HOME=$root/target/pre-commit-home
export CARGO_TARGET_DIR=$root/target/pre-commit-cargo
export PRE_COMMIT_COLOR=never

sample=$(mktemp -d)
trap 'rm -rf "$sample"' EXIT
cp scripts/tests/pre-commit-sample/*.md "$sample/"
git -C "$sample" init -q
git -C "$sample" add clean.md bad.md
git -C "$sample" -c user.name=sample -c user.email=sample@example.org commit -q -m "sample articles"

fail=0
# try HOOK FILE WANT_STATUS: run one hook on one file through try-repo; WANT_STATUS is pass or fail.
try() {
  local hook=$1 file=$2 want=$3 out status=0 path=$PATH
  # Only the system hook may see the debug build; the rust hook must run the copy it built.
  [ "$hook" = copydesk-system ] && path=$root/target/debug:$PATH
  out=$(cd "$sample" && env PATH="$path" "$pre_commit" try-repo "$root" "$hook" --files "$file" 2>&1) || status=$?
  echo "$out" | sed 's/^/    /'
  if [ "$want" = pass ] && [ "$status" -ne 0 ]; then
    echo "FAIL: hook $hook on $file exited $status, expected to pass"
    fail=1
  elif [ "$want" = fail ]; then
    if [ "$status" -eq 0 ]; then
      echo "FAIL: hook $hook passed $file, expected it to fail"
      fail=1
    fi
    # Failing for the right reason: copydesk's own findings are in the output.
    for rule in 'date/weekday' 'attribution/vague'; do
      grep -q "$file:[0-9]*:[0-9]*: [a-z]*\[$rule\]" <<<"$out" || { echo "FAIL: hook $hook on $file: no $rule finding shown"; fail=1; }
    done
  fi
  if ! grep -q "^copydesk" <<<"$out"; then
    echo "FAIL: hook $hook on $file: pre-commit did not run a copydesk hook"
    fail=1
  fi
}

for hook in copydesk-system copydesk; do
  echo "== pre-commit try-repo: $hook on bad.md (must fail)"
  try "$hook" bad.md fail
  echo "== pre-commit try-repo: $hook on clean.md (must pass)"
  try "$hook" clean.md pass
done
[ "$fail" = 0 ] || exit 1
echo "pre-commit ok"
