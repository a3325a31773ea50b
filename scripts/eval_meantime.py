#!/usr/bin/env python3
"""Measure copydesk's date recognition against a MEANTIME-style corpus with gold TIMEX3 values.

Usage: eval_meantime.py CORPUS_DIR BINARY [--dct] [-v] [--min-recall X] [--min-accuracy Y]

CORPUS_DIR holds the articles and gold.jsonl (one line per article: {"file", "dct", "timexes":
[{"start", "end", "text", "type", "value"}]}, byte offsets). For each article the script runs
`BINARY dates --format json ARTICLE` (with `--dct`, also `--reference-date DCT`) and reports:

- recall: gold DATE timexes that some recognised expression overlaps;
- value accuracy: of those found (and whose gold value has no X placeholder), how many get the
  gold value from an overlapping expression (a range counts when either end has it).

Exit status 1 when --min-recall or --min-accuracy is given and not met.
"""
import argparse
import json
import os
import subprocess
import sys


def run(binary, path, dct):
    cmd = [binary, "dates", "--format", "json", path]
    if dct:
        cmd[2:2] = ["--reference-date", dct]
    out = subprocess.run(cmd, capture_output=True, timeout=60)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.decode(errors="replace").strip())
    return json.loads(out.stdout)["dates"]


def values(d):
    v = d["value"]
    return {v, *v.split("/")} if d["kind"] == "range" else {v}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("binary")
    ap.add_argument("--dct", action="store_true", help="pass each article's gold DCT as --reference-date")
    ap.add_argument("-v", action="store_true", help="list misses and wrong values")
    ap.add_argument("--min-recall", type=float, default=0.0)
    ap.add_argument("--min-accuracy", type=float, default=0.0)
    a = ap.parse_args()
    total = found = valued = right = 0
    misses, wrong = [], []
    with open(os.path.join(a.corpus, "gold.jsonl"), encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    for doc in docs:
        path = os.path.join(a.corpus, doc["file"])
        dct = doc.get("dct", "")
        dct_ok = len(dct) == 10 and dct[4] == "-"
        try:
            dates = run(a.binary, path, dct if a.dct and dct_ok else None)
        except Exception as e:  # noqa: BLE001
            print(f"{doc['file']}: copydesk failed: {e}")
            return 1
        for t in doc["timexes"]:
            if t["type"] != "DATE":
                continue
            total += 1
            over = [d for d in dates if d["start"] < t["end"] and d["end"] > t["start"]]
            if not over:
                misses.append(f"{doc['file']} [{dct}] {t['text']!r} = {t['value']}")
                continue
            found += 1
            if "X" in t["value"]:
                continue
            valued += 1
            if any(t["value"] in values(d) for d in over):
                right += 1
            else:
                got = ", ".join(f"{d['text']!r}={d['value']}" for d in over)
                wrong.append(f"{doc['file']} [{dct}] {t['text']!r}: gold {t['value']}, got {got}")
    if a.v:
        for m in misses:
            print("missed", m)
        for w in wrong:
            print("wrong ", w)
    recall = found / max(1, total)
    accuracy = right / max(1, valued)
    print(f"DATE recall {recall:.3f} ({found}/{total}); value accuracy {accuracy:.3f} ({right}/{valued})")
    return 0 if recall >= a.min_recall and accuracy >= a.min_accuracy else 1


if __name__ == "__main__":
    sys.exit(main())
