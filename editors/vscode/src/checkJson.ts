// `copydesk check --format json` output -> per-file problems with UTF-16 line/character
// positions, the unit VS Code uses. Pure: no `vscode` import.
//
// The JSON carries UTF-8 byte offsets (`start`/`end`) and a 1-based line/column in characters.
// We convert the byte offsets against the file's bytes ourselves: they are exact, while a
// character column has to be re-counted in UTF-16 code units anyway (an emoji is one character
// but two UTF-16 units).
import { isSeverity } from "./settings";

export interface Position {
  line: number;
  character: number;
}

export interface Problem {
  rule: string;
  severity: "error" | "warning" | "info" | "hint";
  message: string;
  start: Position;
  end: Position;
}

export interface FileProblems {
  path: string;
  problems: Problem[];
  /** A file the CLI could not check (missing, unreadable, not UTF-8). */
  error?: string;
}

/**
 * Position of UTF-8 byte `offset` in `bytes`, as 0-based line and UTF-16 character.
 * An offset inside a multi-byte character is moved back to the character's start; an offset
 * past the end is clamped to the end.
 */
export function byteOffsetToPosition(bytes: Uint8Array, offset: number): Position {
  const end = Math.max(0, Math.min(offset, bytes.length));
  let line = 0;
  let character = 0;
  let i = 0;
  while (i < end) {
    const b = bytes[i];
    let len: number;
    if (b < 0x80) len = 1;
    else if (b >= 0xf0) len = 4;
    else if (b >= 0xe0) len = 3;
    else if (b >= 0xc0) len = 2;
    else len = 1; // stray continuation byte: count it alone rather than loop forever
    if (i + len > end) break; // offset inside this character
    if (b === 0x0a) {
      line += 1;
      character = 0;
    } else {
      character += len === 4 ? 2 : 1;
    }
    i += len;
  }
  return { line, character };
}

/** Parse the CLI's report. `readFile` returns a file's bytes (paths as the CLI printed them). */
export function parseCheckReport(json: string, readFile: (path: string) => Uint8Array | undefined): FileProblems[] {
  const report = JSON.parse(json) as unknown;
  if (typeof report !== "object" || report === null || !Array.isArray((report as { files?: unknown }).files)) {
    throw new Error("copydesk check --format json printed no `files` array");
  }
  const out: FileProblems[] = [];
  for (const f of (report as { files: unknown[] }).files) {
    if (typeof f !== "object" || f === null) continue;
    const file = f as { path?: unknown; diagnostics?: unknown; error?: unknown };
    if (typeof file.path !== "string") continue;
    const entry: FileProblems = { path: file.path, problems: [] };
    if (typeof file.error === "string") entry.error = file.error;
    const diags = Array.isArray(file.diagnostics) ? file.diagnostics : [];
    const bytes = diags.length > 0 ? readFile(file.path) : undefined;
    for (const d of diags) {
      if (typeof d !== "object" || d === null) continue;
      const diag = d as Record<string, unknown>;
      const start = typeof diag.start === "number" ? diag.start : 0;
      const endOff = typeof diag.end === "number" ? diag.end : start;
      let s: Position;
      let e: Position;
      if (bytes !== undefined) {
        s = byteOffsetToPosition(bytes, start);
        e = byteOffsetToPosition(bytes, endOff);
      } else {
        // File unreadable now (deleted since?): fall back to the 1-based line/column, whole span on one point.
        const line = typeof diag.line === "number" ? Math.max(0, diag.line - 1) : 0;
        const col = typeof diag.column === "number" ? Math.max(0, diag.column - 1) : 0;
        s = { line, character: col };
        e = s;
      }
      entry.problems.push({
        rule: typeof diag.rule === "string" ? diag.rule : "copydesk",
        severity: isSeverity(diag.severity) ? diag.severity : "warning",
        message: typeof diag.message === "string" ? diag.message : "",
        start: s,
        end: e,
      });
    }
    out.push(entry);
  }
  return out;
}
