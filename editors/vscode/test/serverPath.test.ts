import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

import {
  resolveServer,
  nodeProbe,
  pathCandidates,
  expandConfigured,
  parseVersion,
  describeResolution,
  INSTALL_HELP,
  Inputs,
} from "../src/serverPath";

// Real executables on disk, run through the real probe (`execFile(p, ["--version"])`).
function fakeBinary(dir: string, name: string, versionLine: string, exitCode = 0): string {
  mkdirSync(dir, { recursive: true });
  const p = path.join(dir, name);
  writeFileSync(p, `#!/bin/sh\necho '${versionLine}'\nexit ${exitCode}\n`);
  chmodSync(p, 0o755);
  return p;
}

function layout() {
  const root = mkdtempSync(path.join(tmpdir(), "copydesk-path-"));
  const ext = path.join(root, "ext");
  const bin1 = path.join(root, "bin1");
  const bin2 = path.join(root, "bin2");
  mkdirSync(ext);
  mkdirSync(bin1);
  mkdirSync(bin2);
  const inputs = (over: Partial<Inputs> = {}): Inputs => ({
    configured: "",
    extensionPath: ext,
    platform: "linux",
    envPath: [bin1, bin2].join(":"),
    home: root,
    ...over,
  });
  return { root, ext, bin1, bin2, inputs };
}

test("the setting wins over a bundled binary and PATH", async () => {
  const l = layout();
  const mine = fakeBinary(path.join(l.root, "mine"), "cd", "copydesk 1.0.0");
  fakeBinary(path.join(l.ext, "server"), "copydesk", "copydesk 2.0.0");
  fakeBinary(l.bin1, "copydesk", "copydesk 3.0.0");
  const r = await resolveServer(l.inputs({ configured: mine }), nodeProbe);
  assert.deepEqual([r.ok, r.ok && r.source, r.ok && r.path, r.ok && r.version], [true, "setting", mine, "1.0.0"]);
});

test("a bundled binary wins over PATH when nothing is configured", async () => {
  const l = layout();
  const bundled = fakeBinary(path.join(l.ext, "server"), "copydesk", "copydesk 2.0.0");
  fakeBinary(l.bin1, "copydesk", "copydesk 3.0.0");
  const r = await resolveServer(l.inputs({ configured: "  " }), nodeProbe);
  assert.ok(r.ok);
  assert.equal(r.source, "bundled");
  assert.equal(r.path, bundled);
  assert.deepEqual(r.rejected, []);
});

test("PATH is searched in order and a non-copydesk program named copydesk is skipped", async () => {
  const l = layout();
  fakeBinary(l.bin1, "copydesk", "some other tool 9.9");
  const good = fakeBinary(l.bin2, "copydesk", "copydesk 0.3.1");
  const r = await resolveServer(l.inputs(), nodeProbe);
  assert.ok(r.ok);
  assert.equal(r.source, "path");
  assert.equal(r.path, good);
  assert.equal(r.version, "0.3.1");
  assert.equal(r.rejected.length, 1);
  assert.equal(r.rejected[0].path, path.join(l.bin1, "copydesk"));
  assert.match(r.rejected[0].problem, /some other tool/);
});

test("a binary whose --version fails is rejected", async () => {
  const l = layout();
  fakeBinary(path.join(l.ext, "server"), "copydesk", "copydesk 2.0.0", 3);
  const good = fakeBinary(l.bin2, "copydesk", "copydesk 0.3.1");
  const r = await resolveServer(l.inputs(), nodeProbe);
  assert.ok(r.ok);
  assert.equal(r.path, good);
  assert.equal(r.rejected[0].source, "bundled");
  assert.match(r.rejected[0].problem, /--version` failed/);
});

test("a configured path that does not work is an error, not a silent fallback", async () => {
  const l = layout();
  fakeBinary(l.bin1, "copydesk", "copydesk 3.0.0");
  const missing = path.join(l.root, "nowhere", "copydesk");
  const r = await resolveServer(l.inputs({ configured: missing }), nodeProbe);
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.message.includes("copydesk.server.path"));
  assert.ok(!r.ok && r.message.includes(missing));
  assert.ok(!r.ok && r.message.includes("no such file"));
});

test("nothing found: the message says exactly how to install", async () => {
  const l = layout();
  const r = await resolveServer(l.inputs(), nodeProbe);
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.message.startsWith(INSTALL_HELP));
  assert.match(INSTALL_HELP, /`cargo install --locked --path \.`/);
  assert.match(INSTALL_HELP, /copydesk\.server\.path/);
  assert.match(INSTALL_HELP, /copydesk --version/);
  // No promise of a download anywhere: this extension never fetches anything.
  assert.doesNotMatch(INSTALL_HELP, /https?:|download/i);
});

test("nothing found with an unset PATH", async () => {
  const l = layout();
  const r = await resolveServer(l.inputs({ envPath: undefined }), nodeProbe);
  assert.equal(r.ok, false);
});

test("~ and ${workspaceFolder} are expanded in the setting, relative paths are workspace-relative", () => {
  const l = layout();
  const inputs = l.inputs({ workspaceFolder: "/ws" });
  assert.equal(expandConfigured("~/bin/copydesk", inputs), path.join(l.root, "bin/copydesk"));
  assert.equal(expandConfigured("${workspaceFolder}/target/debug/copydesk", inputs), "/ws/target/debug/copydesk");
  assert.equal(expandConfigured("target/debug/copydesk", inputs), "/ws/target/debug/copydesk");
  assert.equal(expandConfigured("/opt/copydesk", inputs), "/opt/copydesk");
});

test("the setting with ~ resolves to a real binary", async () => {
  const l = layout();
  const mine = fakeBinary(path.join(l.root, "tools"), "copydesk", "copydesk 1.2.3");
  const r = await resolveServer(l.inputs({ configured: "~/tools/copydesk" }), nodeProbe);
  assert.ok(r.ok);
  assert.equal(r.path, mine);
});

test("PATH candidates per platform", () => {
  assert.deepEqual(pathCandidates("/a::/b", "linux"), ["/a/copydesk", "/b/copydesk"]);
  assert.deepEqual(pathCandidates("C:\\tools;D:\\bin", "win32"), ["C:\\tools\\copydesk.exe", "D:\\bin\\copydesk.exe"]);
  assert.deepEqual(pathCandidates(undefined, "linux"), []);
});

test("the bundled binary on Windows is server/copydesk.exe", async () => {
  const l = layout();
  const seen: string[] = [];
  const probe = {
    isFile: (p: string) => {
      seen.push(p);
      return false;
    },
    version: async () => new Error("not called"),
  };
  await resolveServer(l.inputs({ platform: "win32", envPath: "" }), probe);
  assert.deepEqual(seen, [path.join(l.ext, "server", "copydesk.exe")]);
});

test("version lines", () => {
  assert.equal(parseVersion("copydesk 0.1.0\n"), "0.1.0");
  assert.equal(parseVersion("copydesk-lsp 0.1.0"), undefined);
  assert.equal(parseVersion(""), undefined);
});

test("the output channel says which binary runs and where it came from", async () => {
  const l = layout();
  const bundled = fakeBinary(path.join(l.ext, "server"), "copydesk", "copydesk 2.0.0");
  fakeBinary(l.bin1, "copydesk", "copydesk 3.0.0");
  assert.deepEqual(describeResolution(await resolveServer(l.inputs(), nodeProbe)), [
    `[copydesk] using the server bundled with this extension: ${bundled} (copydesk 2.0.0)`,
  ]);

  const mine = fakeBinary(path.join(l.root, "mine"), "copydesk", "copydesk 1.0.0");
  assert.deepEqual(describeResolution(await resolveServer(l.inputs({ configured: mine }), nodeProbe)), [
    `[copydesk] using the copydesk.server.path setting: ${mine} (copydesk 1.0.0)`,
  ]);

  // A broken bundled binary is skipped, said so, and PATH is used.
  const l2 = layout();
  const broken = fakeBinary(path.join(l2.ext, "server"), "copydesk", "copydesk 2.0.0", 3);
  const onPath = fakeBinary(l2.bin2, "copydesk", "copydesk 0.3.1");
  const lines = describeResolution(await resolveServer(l2.inputs(), nodeProbe));
  assert.equal(lines.length, 2);
  assert.equal(lines[0], `[copydesk] using copydesk on PATH: ${onPath} (copydesk 0.3.1)`);
  assert.ok(lines[1].startsWith(`[copydesk] skipped ${broken} (the server bundled with this extension): \`--version\` failed`), lines[1]);

  // Nothing found: the install help.
  const l3 = layout();
  const none = describeResolution(await resolveServer(l3.inputs(), nodeProbe));
  assert.equal(none.length, 1);
  assert.ok(none[0].startsWith(`[copydesk] ${INSTALL_HELP}`));
});
