#!/usr/bin/env bash
# Regression gate on our own labelled articles (tests/corpus): recall per family, false alarms on
# clean sentences and accepted date fixes, at the thresholds the date and attribution issues set.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --locked --bin copydesk
python3 scripts/score_corpus.py target/debug/copydesk tests/corpus \
  --min-recall 0.9 --max-false-alarms 0.05 --min-fixes 0.9
