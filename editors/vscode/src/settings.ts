// VS Code's `copydesk` configuration section -> the settings object the server reads
// (docs/settings.md). Pure: no `vscode` import, so node's test runner can check it.

/** Keys under `copydesk.` that only the extension reads; never sent to the server. */
export const EXTENSION_ONLY_KEYS = ["server", "trace"] as const;

const SEVERITIES = new Set(["error", "warning", "info", "hint"]);
const STRING_LISTS = ["select", "ignore", "knownSources", "vaguePhrases", "abbreviations"] as const;

export interface RuleSetting {
  enabled?: boolean;
  severity?: "error" | "warning" | "info" | "hint";
}

export interface ServerSettings {
  referenceDate?: string;
  inlayHints?: boolean;
  maxDocumentSize?: number;
  rules?: Record<string, RuleSetting>;
  select?: string[];
  ignore?: string[];
  knownSources?: string[];
  vaguePhrases?: string[];
  abbreviations?: string[];
  [other: string]: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Map the section to what the server reads.
 *
 * - The per-rule settings VS Code contributes default to `null` ("inherit": a rule's own
 *   setting beats its family's, so a default value there would hide every family setting);
 *   nulls are dropped, and so are rules left with nothing set.
 * - Empty values (`referenceDate: ""`, empty lists) mean "not set" and are dropped.
 * - Extension-only keys (`server.path`, `trace.server`) are dropped.
 * - Values of the wrong type are passed through untouched: the server owns validation and
 *   names the bad key in one message, which is better than the extension hiding it.
 * - Keys the extension does not know are passed through (a newer server may read them).
 */
export function toServerSettings(section: unknown): ServerSettings {
  const out: ServerSettings = {};
  if (!isObject(section)) return out;
  for (const [key, value] of Object.entries(section)) {
    if ((EXTENSION_ONLY_KEYS as readonly string[]).includes(key)) continue;
    if (value === null || value === undefined) continue;
    if (key === "referenceDate") {
      if (typeof value === "string") {
        const v = value.trim();
        if (v.length > 0) out.referenceDate = v;
      } else {
        out.referenceDate = value as string;
      }
      continue;
    }
    if (key === "rules") {
      const rules = mapRules(value);
      if (rules !== undefined) out.rules = rules;
      continue;
    }
    if ((STRING_LISTS as readonly string[]).includes(key)) {
      if (Array.isArray(value)) {
        const items = value.map((x) => (typeof x === "string" ? x.trim() : x)).filter((x) => x !== "");
        if (items.length > 0) out[key] = items;
      } else {
        out[key] = value;
      }
      continue;
    }
    out[key] = value;
  }
  return out;
}

function mapRules(value: unknown): Record<string, RuleSetting> | undefined {
  if (!isObject(value)) return value as Record<string, RuleSetting>;
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(value)) {
    if (!isObject(setting)) {
      if (setting !== null && setting !== undefined) rules[id] = setting as RuleSetting;
      continue;
    }
    const r: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(setting)) {
      if (v === null || v === undefined) continue;
      if (k === "severity" && typeof v === "string" && v.length === 0) continue;
      r[k] = v;
    }
    if (Object.keys(r).length > 0) rules[id] = r as RuleSetting;
  }
  return Object.keys(rules).length > 0 ? rules : undefined;
}

/** Whether `s` is one of the four severities (used by the workspace check). */
export function isSeverity(s: unknown): s is "error" | "warning" | "info" | "hint" {
  return typeof s === "string" && SEVERITIES.has(s);
}
