import { test } from "node:test";
import assert from "node:assert/strict";

import { byteOffsetToPosition, parseCheckReport } from "../src/checkJson";

const enc = (s: string) => new TextEncoder().encode(s);

test("byte offsets to UTF-16 positions across accents, emoji and lines", () => {
  // "é" is 2 bytes / 1 UTF-16 unit; "📰" is 4 bytes / 2 UTF-16 units.
  const text = "Café 📰 desk\nsecond";
  const b = enc(text);
  assert.deepEqual(byteOffsetToPosition(b, 0), { line: 0, character: 0 });
  assert.deepEqual(byteOffsetToPosition(b, 5), { line: 0, character: 4 }); // after "Café"
  assert.deepEqual(byteOffsetToPosition(b, 6), { line: 0, character: 5 }); // before the emoji
  assert.deepEqual(byteOffsetToPosition(b, 10), { line: 0, character: 7 }); // after the emoji
  assert.deepEqual(byteOffsetToPosition(b, 11), { line: 0, character: 8 }); // "desk"
  const secondStart = enc("Café 📰 desk\n").length;
  assert.deepEqual(byteOffsetToPosition(b, secondStart), { line: 1, character: 0 });
  assert.deepEqual(byteOffsetToPosition(b, b.length), { line: 1, character: 6 });
  // Check against JavaScript's own UTF-16 length for every character boundary.
  let bytes = 0;
  let units = 0;
  for (const ch of "Café 📰 desk") {
    assert.deepEqual(byteOffsetToPosition(b, bytes), { line: 0, character: units });
    bytes += enc(ch).length;
    units += ch.length;
  }
});

test("offsets inside a character or past the end are clamped", () => {
  const b = enc("a📰b");
  assert.deepEqual(byteOffsetToPosition(b, 3), { line: 0, character: 1 });
  assert.deepEqual(byteOffsetToPosition(b, 99), { line: 0, character: 4 });
  assert.deepEqual(byteOffsetToPosition(b, -4), { line: 0, character: 0 });
});

test("CRLF: the line counts at the LF", () => {
  const b = enc("ab\r\ncd");
  assert.deepEqual(byteOffsetToPosition(b, 4), { line: 1, character: 0 });
  assert.deepEqual(byteOffsetToPosition(b, 5), { line: 1, character: 1 });
});

test("parse a report with the contract's shape", () => {
  const article = "Sources said 📰 it rained.\nA second line.\n";
  const start = enc("Sources said 📰 ").length;
  const json = JSON.stringify({
    version: 1,
    files: [
      {
        path: "a.md",
        reference_date: null,
        diagnostics: [
          { rule: "attribution/vague", category: "attribution", severity: "warning", message: "vague", start: 0, end: 12, line: 1, column: 1, fixes: [] },
          { rule: "claim/unsourced", category: "claim", severity: "info", message: "claim", start, end: start + 2, line: 1, column: 15, fixes: [] },
        ],
      },
      { path: "gone.md", diagnostics: [{ rule: "date/invalid", severity: "error", message: "m", start: 5, end: 6, line: 2, column: 3 }] },
      { path: "bad.md", error: "invalid UTF-8", diagnostics: [] },
    ],
  });
  const files = parseCheckReport(json, (p) => (p === "a.md" ? enc(article) : undefined));
  assert.equal(files.length, 3);
  assert.deepEqual(files[0].problems.map((p) => [p.rule, p.severity, p.start, p.end]), [
    ["attribution/vague", "warning", { line: 0, character: 0 }, { line: 0, character: 12 }],
    ["claim/unsourced", "info", { line: 0, character: 16 }, { line: 0, character: 18 }],
  ]);
  // A file that cannot be read falls back to the 1-based line/column.
  assert.deepEqual(files[1].problems[0].start, { line: 1, character: 2 });
  assert.equal(files[2].error, "invalid UTF-8");
});

test("a report without files is an error", () => {
  assert.throws(() => parseCheckReport("{}", () => undefined), /files/);
  assert.throws(() => parseCheckReport("not json", () => undefined));
});
