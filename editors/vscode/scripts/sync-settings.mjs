// Regenerate package.json's `contributes.configuration.properties` from the rule registry:
//   node scripts/sync-settings.mjs [path/to/copydesk]
// (default: $COPYDESK_BIN, then ../../target/debug/copydesk). `copydesk rules --format
// vscode-settings` owns every setting, the extension's own `server.path` and `trace.server`
// included; test/manifest.test.ts fails when package.json and the registry disagree.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = process.argv[2] ?? process.env.COPYDESK_BIN ?? path.resolve(root, "../../target/debug/copydesk");
const registry = JSON.parse(execFileSync(bin, ["rules", "--format", "vscode-settings"], { encoding: "utf8" }));
const manifestPath = path.join(root, "package.json");
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
manifest.contributes.configuration.properties = registry;
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
console.log(`package.json: ${Object.keys(registry).length} settings from ${bin}`);
