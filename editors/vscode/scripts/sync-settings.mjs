// Regenerate package.json's `contributes.configuration.properties` from the rule registry:
//   node scripts/sync-settings.mjs [path/to/copydesk]      (default: $COPYDESK_BIN, then ../../target/debug/copydesk)
// The registry (`copydesk rules --format vscode-settings`) owns every server setting; this
// script only adds the keys that the extension alone reads (EXTENSION_PROPERTIES).
// test/manifest.test.ts fails when package.json and the registry disagree.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
export const EXTENSION_PROPERTIES = JSON.parse(readFileSync(path.join(here, "extension-properties.json"), "utf8"));

const bin = process.argv[2] ?? process.env.COPYDESK_BIN ?? path.resolve(root, "../../target/debug/copydesk");
const registry = JSON.parse(execFileSync(bin, ["rules", "--format", "vscode-settings"], { encoding: "utf8" }));
const manifestPath = path.join(root, "package.json");
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
manifest.contributes.configuration.properties = { ...registry, ...EXTENSION_PROPERTIES };
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
console.log(`package.json: ${Object.keys(registry).length} registry settings + ${Object.keys(EXTENSION_PROPERTIES).length} extension settings`);
