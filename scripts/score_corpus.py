#!/usr/bin/env python3
"""Score copydesk against a directory of labelled articles.

Each article (NAME.md or NAME.txt) sits next to NAME.expect.json, which lists labelled
spans: problems (label "date", "attribution" or "claim") and sentences labelled "clean".
The binary is run as `BINARY check --format json ARTICLE` with no reference date, so the
tool has to find the publication date itself.

Matching rules:
  * A finding "belongs" to a family given by its "category" field, or failing that by the
    part of its rule id before the first "/".
  * Notices do not count either way: rules date/relative and date/no-reference, and any
    finding whose severity is "hint".
  * A problem item is detected when some counted finding of its own family overlaps the
    item's byte span (the item's text located in the raw article bytes).
  * A clean item is a false alarm when any counted finding, of any family, overlaps it.
  * For items with "fix_any", the fix is accepted when applying the edits of one of the
    matching findings' fixes makes one of the accepted strings occur more often than
    before.

The last line printed is the summary:
  attribution recall X (a/b); claim recall ...; date recall ...; clean false alarms F (f/c);
  date fixes accepted n/m
With -v, each miss and false alarm is listed first.

Usage: score_corpus.py BINARY CORPUS_DIR [-v]
"""
import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

FAMILIES = ("attribution", "claim", "date")
NOTICE_RULES = {"date/relative", "date/no-reference"}


def findings_for(binary, article):
    proc = subprocess.run([binary, "check", "--format", "json", str(article)],
                          capture_output=True, timeout=60)
    data = json.loads(proc.stdout)
    out = []
    for entry in data["files"]:
        for diag in entry["diagnostics"]:
            if diag["rule"] in NOTICE_RULES or diag.get("severity") == "hint":
                continue
            out.append(diag)
    return out


def family(diag):
    return diag.get("category") or diag["rule"].split("/", 1)[0]


def overlapping(diags, start, end):
    return [d for d in diags if d["start"] < end and d["end"] > start]


def with_fix(raw, fix):
    """Apply one fix (a list of byte-offset edits) to the raw article bytes."""
    result = raw
    for edit in sorted(fix["edits"], key=lambda e: e["start"], reverse=True):
        result = result[:edit["start"]] + edit["new_text"].encode() + result[edit["end"]:]
    return result


def fix_accepted(raw, diags, accepted):
    for diag in diags:
        for fix in diag.get("fixes", []):
            fixed = with_fix(raw, fix)
            for want in accepted:
                w = want.encode()
                if fixed.count(w) > raw.count(w):
                    return True
    return False


def articles(corpus):
    paths = sorted(corpus.glob("*.md")) + sorted(corpus.glob("*.txt"))
    for path in sorted(paths):
        labels = path.with_name(path.stem + ".expect.json")
        if labels.exists():
            yield path, json.loads(labels.read_text(encoding="utf-8"))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Score copydesk on a labelled corpus.")
    parser.add_argument("binary")
    parser.add_argument("corpus")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false alarms")
    parser.add_argument("--min-recall", type=float, default=0.0, metavar="X",
                        help="exit 1 when any family's recall is below X")
    parser.add_argument("--max-false-alarms", type=float, default=1.0, metavar="Y",
                        help="exit 1 when the false-alarm rate on clean sentences is above Y")
    parser.add_argument("--min-fixes", type=float, default=0.0, metavar="Z",
                        help="exit 1 when the share of accepted date fixes is below Z")
    args = parser.parse_args(argv)

    found = {f: 0 for f in FAMILIES}
    expected = {f: 0 for f in FAMILIES}
    clean_total = clean_hit = 0
    fixes_total = fixes_ok = 0
    missed, false_alarms = [], []

    for path, labels in articles(Path(args.corpus)):
        raw = path.read_bytes()
        try:
            diags = findings_for(args.binary, path)
        except Exception as exc:  # noqa: BLE001 - report and stop
            print(f"{path.name}: copydesk gave no usable JSON ({exc})")
            return 1
        for item in labels["items"]:
            needle = item["text"].encode()
            start = raw.find(needle)
            end = start + len(needle)
            near = overlapping(diags, start, end)
            if item["label"] == "clean":
                clean_total += 1
                if near:
                    clean_hit += 1
                    false_alarms.append(f"{path.name}: {item['text'][:70]!r} <- {near[0]['rule']}")
                continue
            fam = item["label"]
            expected[fam] = expected.get(fam, 0) + 1
            same = [d for d in near if family(d) == fam]
            if same:
                found[fam] = found.get(fam, 0) + 1
            else:
                missed.append(f"{path.name} {fam}/{item.get('kind')}: {item['text'][:70]!r}")
            if item.get("fix_any"):
                fixes_total += 1
                if fix_accepted(raw, same, item["fix_any"]):
                    fixes_ok += 1

    if args.verbose:
        for line in missed:
            print("missed", line)
        for line in false_alarms:
            print("false alarm", line)

    parts = []
    for fam in sorted(expected):
        if expected[fam]:
            parts.append(f"{fam} recall {found[fam] / expected[fam]:.2f} ({found[fam]}/{expected[fam]})")
    parts.append(f"clean false alarms {clean_hit / max(1, clean_total):.2f} ({clean_hit}/{clean_total})")
    print("; ".join(parts) + f"; date fixes accepted {fixes_ok}/{fixes_total}")
    failures = [f"{fam} recall {found[fam] / expected[fam]:.2f} < {args.min_recall}"
                for fam in sorted(expected) if expected[fam] and found[fam] / expected[fam] < args.min_recall]
    if clean_hit / max(1, clean_total) > args.max_false_alarms:
        failures.append(f"false alarms {clean_hit / max(1, clean_total):.2f} > {args.max_false_alarms}")
    if fixes_total and fixes_ok / fixes_total < args.min_fixes:
        failures.append(f"date fixes {fixes_ok / fixes_total:.2f} < {args.min_fixes}")
    for f in failures:
        print("below threshold:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
