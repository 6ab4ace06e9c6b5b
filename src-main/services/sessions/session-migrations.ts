/**
 * Older session files brought up to the current version, one step per version, on the raw JSON
 * (before validation, so a broken old file is reported by the current schema's field names).
 * Each step is kept forever: a file from any version ever written still opens.
 */
import { SESSION_VERSION, roundLogprob } from "../../contract/session";

type Json = Record<string, unknown>;

/** version → the step that turns a file of that version into the next one. */
const STEPS: Record<number, (session: Json) => Json> = {
  /**
   * 1 → 2: tokens become one-line arrays `[id, text, logprob, alternatives?]` (see session-disk.ts);
   * log-probs are rounded to 5 decimals as version 2 records them; sessions gain `notes` and
   * `evalRuns`, comparisons `notes`.
   */
  1: (session) => ({
    ...session,
    version: 2,
    notes: "",
    evalRuns: [],
    comparisons: mapArray(session.comparisons, (comparison) => ({
      ...comparison,
      notes: "",
      panes: mapArray(comparison.panes, (pane) => ({
        ...pane,
        output: isObject(pane.output) ? { ...pane.output, tokens: mapArray(pane.output.tokens, tokenV1ToLine, false) } : pane.output,
      })),
    })),
  }),
};

export function migrateSession(json: Json, fromVersion: number): Json {
  let session = json;
  for (let version = fromVersion; version < SESSION_VERSION; version++) session = STEPS[version](session);
  return session;
}

/** A version-1 token object as a version-2 line; anything else is left for validation to name. */
function tokenV1ToLine(token: unknown): unknown {
  if (!isObject(token)) return token;
  const line = [token.id, token.text, round(token.logprob)];
  if (token.top === undefined) return line;
  return [...line, Array.isArray(token.top) ? token.top.map((alternative) => (isObject(alternative) ? [alternative.id, alternative.text, round(alternative.logprob)] : alternative)) : token.top];
}

function round(value: unknown): unknown {
  return typeof value === "number" ? roundLogprob(value) : value;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Maps the objects of an array (or every item, when `objectsOnly` is false); leaves non-arrays alone. */
function mapArray(value: unknown, change: (item: Json) => unknown, objectsOnly?: true): unknown;
function mapArray(value: unknown, change: (item: unknown) => unknown, objectsOnly: false): unknown;
function mapArray(value: unknown, change: (item: never) => unknown, objectsOnly = true): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item) => (!objectsOnly || isObject(item) ? change(item as never) : item));
}
