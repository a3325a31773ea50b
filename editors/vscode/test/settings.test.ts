import { test } from "node:test";
import assert from "node:assert/strict";

import { toServerSettings } from "../src/settings";

// What `vscode.workspace.getConfiguration("copydesk")` holds with every contributed default:
// the per-rule keys are nested by VS Code (`copydesk.rules.date/invalid.enabled` -> rules["date/invalid"].enabled).
function defaults(): Record<string, unknown> {
  return {
    referenceDate: null,
    inlayHints: true,
    maxDocumentSize: 4000000,
    select: [],
    ignore: [],
    knownSources: [],
    vaguePhrases: [],
    abbreviations: [],
    rules: {},
    server: { path: null },
    trace: { server: "off" },
  };
}

test("all defaults: only the plain values are sent, nothing of the extension's own keys", () => {
  assert.deepEqual(toServerSettings(defaults()), { inlayHints: true, maxDocumentSize: 4000000 });
});

test("a family setting is sent alone so that the rule ids inherit it", () => {
  const s = defaults();
  // Written in settings.json; a null (or an empty severity) means "inherit" and is dropped.
  s.rules = { date: { enabled: null, severity: "info" }, "date/invalid": { enabled: false, severity: "" }, claim: {} };
  assert.deepEqual(toServerSettings(s).rules, {
    date: { severity: "info" },
    "date/invalid": { enabled: false },
  });
});

test("reference date: trimmed, empty means unset", () => {
  assert.equal(toServerSettings({ referenceDate: " 2025-03-04 " }).referenceDate, "2025-03-04");
  assert.equal("referenceDate" in toServerSettings({ referenceDate: "" }), false);
  assert.equal("referenceDate" in toServerSettings({ referenceDate: null }), false);
});

test("lists: blanks removed, empty lists dropped", () => {
  const out = toServerSettings({ knownSources: ["the Ledger", " ", "Harwick Institute "], select: [], ignore: ["date/relative"] });
  assert.deepEqual(out, { knownSources: ["the Ledger", "Harwick Institute"], ignore: ["date/relative"] });
});

test("false and zero are values, not absences", () => {
  assert.deepEqual(toServerSettings({ inlayHints: false, maxDocumentSize: 0 }), { inlayHints: false, maxDocumentSize: 0 });
});

test("wrong types reach the server unchanged so that it can name the bad key", () => {
  assert.deepEqual(toServerSettings({ maxDocumentSize: "big", referenceDate: 5, rules: { date: { severity: "loud" } } }), {
    maxDocumentSize: "big",
    referenceDate: 5,
    rules: { date: { severity: "loud" } },
  });
});

test("unknown keys pass through; a non-object section gives an empty object", () => {
  assert.deepEqual(toServerSettings({ futureKey: 1 }), { futureKey: 1 });
  assert.deepEqual(toServerSettings(null), {});
  assert.deepEqual(toServerSettings([1, 2]), {});
});
