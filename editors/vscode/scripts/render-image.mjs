// Render images/quick-fix.png: an HTML mock-up of a VS Code editor showing a REAL copydesk finding
// and its quick fixes, as printed by `copydesk check --format json` on images/sample.md, screenshotted
// with headless Chromium. It is a rendering, not a screenshot of VS Code (VS Code cannot run on
// the machines this was built on); the README says so.
//   COPYDESK_BIN=../../target/debug/copydesk node scripts/render-image.mjs [rule-id]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = process.env.COPYDESK_BIN ?? path.resolve(root, "../../target/debug/copydesk");
const sample = path.join(root, "images", "sample.md");
const wanted = process.argv[2];

const run = spawnSync(bin, ["check", "--format", "json", "--reference-date", "2025-03-07", sample], { encoding: "utf8" });
if (run.status !== 0 && run.status !== 1) throw new Error(`copydesk check failed: ${run.stderr}`);
const report = JSON.parse(run.stdout);
const diags = report.files[0].diagnostics;
const finding = diags.find((d) => (wanted ? d.rule === wanted : d.fixes.length > 0)) ?? diags[0];
if (!finding) throw new Error("copydesk reported nothing on images/sample.md: nothing to picture");
console.log(`picturing ${finding.rule}: ${finding.message}`);

const bytes = readFileSync(sample);
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const lines = [];
let offset = 0;
let findingLine = 0;
for (const [i, line] of bytes.toString("utf8").split("\n").entries()) {
  const len = Buffer.byteLength(line) + 1;
  const lb = Buffer.from(line);
  const s = Math.max(0, finding.start - offset);
  const e = Math.min(lb.length, finding.end - offset);
  let html;
  if (finding.start < offset + len && finding.end > offset && s < e) {
    html = esc(lb.subarray(0, s).toString()) + `<span class="squiggle">${esc(lb.subarray(s, e).toString())}</span>` + esc(lb.subarray(e).toString());
    if (finding.start >= offset) findingLine = i;
  } else {
    html = esc(line);
  }
  lines.push(`<div class="line"><span class="num">${i + 1}</span><span class="text">${html || "&nbsp;"}</span></div>`);
  offset += len;
}
const sev = { error: "#f14c4c", warning: "#cca700", info: "#3794ff", hint: "#aaaaaa" }[finding.severity];
const fixes = finding.fixes.map((f, i) => `<div class="item${i === 0 ? " sel" : ""}">${esc(f.title)} <span class="src">(${esc(f.applicability)})</span></div>`).join("");
const html = `<!doctype html><meta charset="utf-8"><style>
body{margin:0;background:#1e1e1e;font:14px/20px "DejaVu Sans Mono",monospace;color:#d4d4d4}
.title{background:#323233;color:#ccc;font:13px sans-serif;padding:6px 12px}
.tab{background:#1e1e1e;display:inline-block;padding:6px 14px;font:13px sans-serif;color:#fff;border-top:1px solid #0078d4}
.tabs{background:#252526}
.editor{padding:8px 0;position:relative}
.line{white-space:pre}.num{display:inline-block;width:44px;text-align:right;color:#858585;margin-right:18px}
.squiggle{text-decoration:underline wavy ${sev};text-decoration-skip-ink:none;text-underline-offset:3px}
.hover{position:absolute;left:150px;top:${8 + (findingLine + 1) * 20 + 6}px;width:640px;background:#252526;border:1px solid #454545;font:13px sans-serif;color:#ccc;box-shadow:0 2px 8px #000}
.hover .msg{padding:8px 10px;border-bottom:1px solid #454545}.hover .src{color:#999}
.menu .head{padding:4px 10px;color:#999;font-size:12px}.menu .item{padding:4px 10px}.menu .sel{background:#04395e}
.status{position:fixed;bottom:0;left:0;right:0;background:#007acc;color:#fff;font:12px sans-serif;padding:3px 10px}
.note{position:fixed;bottom:24px;right:10px;font:11px sans-serif;color:#888}
</style>
<div class="title">sample.md — mock-up of VS Code (rendered, not a screenshot)</div>
<div class="tabs"><span class="tab">sample.md</span></div>
<div class="editor">${lines.join("")}
<div class="hover"><div class="msg">${esc(finding.message)} <span class="src">copydesk(${esc(finding.rule)})</span></div>
<div class="menu"><div class="head">Quick Fix</div>${fixes || '<div class="item">(no fix for this finding)</div>'}</div></div></div>
<div class="note">Finding and fix titles: real output of copydesk check --format json</div>
<div class="status">copydesk · ${esc(finding.severity)} · Ln ${finding.line}, Col ${finding.column}</div>`;
const dir = mkdtempSync(path.join(tmpdir(), "copydesk-render-"));
writeFileSync(path.join(dir, "mock.html"), html);
const out = path.join(root, "images", "quick-fix.png");
execFileSync("chromium", [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  `--user-data-dir=${path.join(dir, "profile")}`, "--hide-scrollbars", "--window-size=900,330",
  `--screenshot=${out}`, `file://${path.join(dir, "mock.html")}`,
], { stdio: "inherit" });
console.log(`wrote ${out}`);
