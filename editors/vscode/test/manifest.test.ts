import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";

// Compiled to out-test/test/, so the extension folder is two levels up.
const root = path.resolve(__dirname, "..", "..");
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));

test("main points at the bundle, which exists (run `npm run build` first)", () => {
  assert.equal(manifest.main, "./dist/extension.js");
  assert.ok(existsSync(path.join(root, "dist", "extension.js")), "dist/extension.js is missing: run `npm run build`");
  const bundle = readFileSync(path.join(root, "dist", "extension.js"), "utf8");
  // vscode-languageclient is bundled in; only `vscode` itself is left to the host.
  assert.match(bundle, /require\("vscode"\)/);
  assert.doesNotMatch(bundle, /require\("vscode-languageclient/);
  assert.doesNotMatch(bundle, /sourceMappingURL/);
});

test("activates on Markdown and plain text, and nothing else", () => {
  assert.deepEqual([...manifest.activationEvents].sort(), ["onLanguage:markdown", "onLanguage:plaintext"]);
});

test("engines match the vscode-languageclient we depend on", () => {
  assert.equal(manifest.engines.vscode, "^1.82.0");
  assert.match(manifest.dependencies["vscode-languageclient"], /^\^9\./);
});

test("every contributed command is registered by the extension, and the other way round", () => {
  const source = readFileSync(path.join(root, "src", "extension.ts"), "utf8");
  const registered = [...source.matchAll(/registerCommand\("([^"]+)"/g)].map((m) => m[1]).sort();
  const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
  assert.deepEqual(contributed, ["copydesk.checkWorkspace", "copydesk.restartServer", "copydesk.showOutput"]);
  assert.deepEqual(registered, contributed);
});

test("the language client id matches the trace setting (copydesk.trace.server)", () => {
  const source = readFileSync(path.join(root, "src", "extension.ts"), "utf8");
  assert.match(source, /new LanguageClient\("copydesk",/);
  assert.ok("copydesk.trace.server" in manifest.contributes.configuration.properties);
});

function registrySettings(): Record<string, unknown> {
  const file = process.env.COPYDESK_SETTINGS_JSON;
  if (file) return JSON.parse(readFileSync(file, "utf8"));
  const bin = process.env.COPYDESK_BIN ?? path.resolve(root, "..", "..", "target", "debug", "copydesk");
  assert.ok(
    existsSync(bin),
    `no copydesk binary at ${bin}: run \`cargo build\` at the repository root, or set COPYDESK_BIN or COPYDESK_SETTINGS_JSON`,
  );
  return JSON.parse(execFileSync(bin, ["rules", "--format", "vscode-settings"], { encoding: "utf8" }));
}

test("package.json's settings are exactly the registry's (`copydesk rules --format vscode-settings`)", () => {
  const registry = registrySettings();
  const props = manifest.contributes.configuration.properties as Record<string, unknown>;
  assert.ok(Object.keys(registry).length > 0, "the registry printed no settings");
  const fix = "run `node scripts/sync-settings.mjs` in editors/vscode";
  for (const [key, schema] of Object.entries(registry)) {
    assert.ok(key in props, `package.json lacks ${key}: ${fix}`);
    assert.deepEqual(props[key], schema, `package.json's ${key} differs from the registry: ${fix}`);
  }
  for (const key of Object.keys(props)) {
    assert.ok(key in registry, `package.json has ${key}, which the registry does not: ${fix}`);
  }
});

test("the extension's own settings are there: server path and trace", () => {
  const props = manifest.contributes.configuration.properties;
  assert.ok("copydesk.server.path" in props);
  assert.deepEqual(props["copydesk.trace.server"].enum, ["off", "messages", "verbose"]);
});

test("the settings cover every key of docs/settings.md", () => {
  const doc = readFileSync(path.resolve(root, "..", "..", "docs", "settings.md"), "utf8");
  const keys = [...doc.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]);
  assert.ok(keys.length >= 9, `found only ${keys.length} keys in docs/settings.md`);
  const props = Object.keys(manifest.contributes.configuration.properties);
  for (const k of keys) {
    const covered = props.some((p) => p === `copydesk.${k}` || p.startsWith(`copydesk.${k}.`));
    assert.ok(covered, `no contributed setting for docs/settings.md's \`${k}\``);
  }
});
