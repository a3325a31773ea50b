// Where the copydesk binary comes from. Pure apart from the two probes in `Probe`, which the
// extension backs with the file system and `execFile`, and the tests with real fake binaries.
import * as path from "node:path";
import { execFile } from "node:child_process";
import { statSync } from "node:fs";
import { homedir } from "node:os";

export type Source = "setting" | "bundled" | "path";

export interface Attempt {
  source: Source;
  path: string;
  /** Why this candidate was rejected. */
  problem: string;
}

export type Resolution =
  | { ok: true; path: string; source: Source; version: string; rejected: Attempt[] }
  | { ok: false; message: string; rejected: Attempt[] };

export interface Probe {
  /** True when `p` is an existing regular file. */
  isFile(p: string): boolean;
  /** The first line `p --version` printed, or an Error saying why it could not run. */
  version(p: string): Promise<string | Error>;
}

export interface Inputs {
  /** `copydesk.server.path`, as the user wrote it (may be empty). */
  configured: string | undefined | null;
  /** The extension's install folder (holds `server/copydesk` when a binary is bundled). */
  extensionPath: string;
  /** The first workspace folder, for `${workspaceFolder}` in the setting. */
  workspaceFolder?: string;
  platform: NodeJS.Platform;
  /** The PATH environment variable. */
  envPath: string | undefined;
  home?: string;
}

export function exeName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "copydesk.exe" : "copydesk";
}

/** Expand `~` and `${workspaceFolder}` in a configured path and make it absolute. */
export function expandConfigured(raw: string, inputs: Inputs): string {
  let p = raw.trim();
  const home = inputs.home ?? homedir();
  if (p === "~" || p.startsWith("~/") || p.startsWith("~\\")) {
    p = path.join(home, p.slice(1));
  }
  if (inputs.workspaceFolder !== undefined) {
    p = p.split("${workspaceFolder}").join(inputs.workspaceFolder);
  }
  if (!path.isAbsolute(p) && inputs.workspaceFolder !== undefined) {
    p = path.join(inputs.workspaceFolder, p);
  }
  return p;
}

/** Candidates on PATH, in PATH order. */
export function pathCandidates(envPath: string | undefined, platform: NodeJS.Platform): string[] {
  if (!envPath) return [];
  const sep = platform === "win32" ? ";" : ":";
  const join = platform === "win32" ? path.win32.join : path.posix.join;
  return envPath
    .split(sep)
    .filter((dir) => dir.length > 0)
    .map((dir) => join(dir, exeName(platform)));
}

export const INSTALL_HELP =
  "copydesk is not installed where the extension can find it. The platform-specific extension " +
  "(copydesk-linux-x64.vsix and the like) has the server inside; with this one, build and install it from a copy of " +
  "the copydesk source with `cargo install --locked --path .` (this puts `copydesk` in ~/.cargo/bin, " +
  "which must be on your PATH), or set `copydesk.server.path` to the full path of a copydesk binary. " +
  "Check it with `copydesk --version`, then run \"copydesk: Restart Server\".";

/** A binary counts as copydesk when `--version` prints `copydesk <version>`. */
export function parseVersion(line: string): string | undefined {
  const m = /^copydesk\s+(\S+)/.exec(line.trim());
  return m ? m[1] : undefined;
}

async function tryCandidate(source: Source, p: string, probe: Probe, rejected: Attempt[]): Promise<string | undefined> {
  if (!probe.isFile(p)) {
    rejected.push({ source, path: p, problem: "no such file" });
    return undefined;
  }
  const out = await probe.version(p);
  if (out instanceof Error) {
    rejected.push({ source, path: p, problem: `\`--version\` failed: ${out.message}` });
    return undefined;
  }
  const v = parseVersion(out);
  if (v === undefined) {
    rejected.push({ source, path: p, problem: `\`--version\` printed ${JSON.stringify(out)}, not "copydesk <version>"` });
    return undefined;
  }
  return v;
}

/**
 * Resolve the server binary: the `copydesk.server.path` setting, then a binary bundled in the
 * extension (`server/copydesk[.exe]`), then PATH. A configured path that does not work is an
 * error of its own: we do not silently run some other copydesk than the one the user named.
 */
export async function resolveServer(inputs: Inputs, probe: Probe): Promise<Resolution> {
  const rejected: Attempt[] = [];
  const configured = (inputs.configured ?? "").trim();
  if (configured.length > 0) {
    const p = expandConfigured(configured, inputs);
    const v = await tryCandidate("setting", p, probe, rejected);
    if (v !== undefined) return { ok: true, path: p, source: "setting", version: v, rejected };
    return {
      ok: false,
      rejected,
      message: `The setting copydesk.server.path points at ${p}, which cannot be used (${rejected[0].problem}). ` +
        "Fix the setting or clear it to use a bundled binary or the one on PATH.",
    };
  }
  const bundled = path.join(inputs.extensionPath, "server", exeName(inputs.platform));
  const bv = await tryCandidate("bundled", bundled, probe, rejected);
  if (bv !== undefined) return { ok: true, path: bundled, source: "bundled", version: bv, rejected };
  // A bundled binary that is simply absent is the normal case; only report broken ones.
  if (rejected.length && rejected[rejected.length - 1].problem === "no such file") rejected.pop();
  for (const p of pathCandidates(inputs.envPath, inputs.platform)) {
    if (!probe.isFile(p)) continue;
    const v = await tryCandidate("path", p, probe, rejected);
    if (v !== undefined) return { ok: true, path: p, source: "path", version: v, rejected };
  }
  const detail = rejected.length
    ? " Rejected: " + rejected.map((a) => `${a.path} (${a.problem})`).join("; ") + "."
    : "";
  return { ok: false, rejected, message: INSTALL_HELP + detail };
}

const SOURCE_WORDS: Record<Source, string> = {
  setting: "the copydesk.server.path setting",
  bundled: "the server bundled with this extension",
  path: "copydesk on PATH",
};

/**
 * What the output channel says about a resolution: which binary runs and where it came from
 * (the setting, the bundled server or PATH), then every candidate that was skipped and why.
 */
export function describeResolution(r: Resolution): string[] {
  if (!r.ok) return [`[copydesk] ${r.message}`];
  return [
    `[copydesk] using ${SOURCE_WORDS[r.source]}: ${r.path} (copydesk ${r.version})`,
    ...r.rejected.map((a) => `[copydesk] skipped ${a.path} (${SOURCE_WORDS[a.source]}): ${a.problem}`),
  ];
}

/** The real probes: the file system and `execFile(p, ["--version"])` with a timeout. */
export const nodeProbe: Probe = {
  isFile(p: string): boolean {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  },
  version(p: string): Promise<string | Error> {
    return new Promise((resolve) => {
      execFile(p, ["--version"], { timeout: 5000, windowsHide: true }, (err, stdout) => {
        if (err) resolve(err instanceof Error ? err : new Error(String(err)));
        else resolve(String(stdout).split(/\r?\n/)[0]);
      });
    });
  },
};
