/**
 * The session file as written on disk (version 2). It is the in-memory session (session.ts) with
 * one difference: each generated token is a JSON array on one line,
 *   [id, "text", logprob]  or  [id, "text", logprob, [[id, "text", logprob], …]]  (alternatives),
 * instead of an object with repeated keys: a third of the size, and a diff shows which tokens changed.
 */
import { z } from "zod";
import type { GeneratedToken } from "./generation";
import { ComparisonSchema, PaneOutputSchema, PaneRecordSchema, SessionFileSchema, MAX_PANES, MIN_PANES, type SessionFile } from "./session";

const AlternativeLineSchema = z.tuple([z.number().int(), z.string(), z.number()]);
export const TokenLineSchema = z.union([
  AlternativeLineSchema,
  z.tuple([z.number().int(), z.string(), z.number(), z.array(AlternativeLineSchema)]),
]);
export type TokenLine = z.infer<typeof TokenLineSchema>;

/** The file's schema, with an output's `tokens` checked by `tokens`. */
function diskSchema<T extends z.ZodType>(tokens: T) {
  const output = PaneOutputSchema.extend({ tokens });
  const pane = PaneRecordSchema.extend({ output });
  const comparison = ComparisonSchema.extend({ panes: z.array(pane).min(MIN_PANES).max(MAX_PANES) });
  return SessionFileSchema.extend({ comparisons: z.array(comparison) });
}

/** The exact format: the published JSON Schema is made from this one. */
export const SessionDiskSchema = diskSchema(z.array(TokenLineSchema));
export type SessionDisk = z.infer<typeof SessionDiskSchema>;

/**
 * What reading uses: the same rules, with token lines checked by `findBadTokenLine` instead of
 * zod's tuples, which take seconds on a session's million tokens (a test holds the two equal).
 */
export const SessionDiskReadSchema = diskSchema(z.array(z.unknown()).superRefine((lines, context) => {
  const bad = findBadTokenLine(lines);
  if (bad) context.addIssue({ code: "custom", path: bad.path, message: bad.message, input: lines });
}));

/** What writing uses: tokens are written by `tokenLineJson`; the rest is rebuilt in schema order. */
export const SessionDiskWriteSchema = diskSchema(z.array(z.unknown()));

/** The first token line that is not `[id, text, logprob]` or `[id, text, logprob, [[id, text, logprob], …]]`. */
export function findBadTokenLine(lines: readonly unknown[]): { path: (string | number)[]; message: string } | null {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!Array.isArray(line) || (line.length !== 3 && line.length !== 4) || !isTokenTriple(line)) {
      return { path: [index], message: "is not a token line [id, text, logprob] or [id, text, logprob, alternatives]" };
    }
    if (line.length === 4) {
      const alternatives: unknown = line[3];
      if (!Array.isArray(alternatives)) return { path: [index, 3], message: "is not a list of alternatives [[id, text, logprob], …]" };
      for (let rank = 0; rank < alternatives.length; rank++) {
        const alternative: unknown = alternatives[rank];
        if (!Array.isArray(alternative) || alternative.length !== 3 || !isTokenTriple(alternative)) {
          return { path: [index, 3, rank], message: "is not an alternative [id, text, logprob]" };
        }
      }
    }
  }
  return null;
}

function isTokenTriple(line: readonly unknown[]): boolean {
  return Number.isSafeInteger(line[0]) && typeof line[1] === "string" && typeof line[2] === "number" && Number.isFinite(line[2]);
}

/** A token's line as JSON text, written straight from the object (a million tokens: no arrays built on the way). */
export function tokenLineJson(token: GeneratedToken): string {
  const head = `[${token.id},${JSON.stringify(token.text)},${token.logprob}`;
  if (!token.top) return `${head}]`;
  return `${head},[${token.top.map((alternative) => `[${alternative.id},${JSON.stringify(alternative.text)},${alternative.logprob}]`).join(",")}]]`;
}

export function lineToToken(line: TokenLine): GeneratedToken {
  const token: GeneratedToken = { id: line[0], text: line[1], logprob: line[2] };
  if (line.length === 4) token.top = line[3].map(([id, text, logprob]) => ({ id, text, logprob }));
  return token;
}

export function sessionFromDisk(disk: SessionDisk): SessionFile {
  return {
    ...disk,
    comparisons: disk.comparisons.map((comparison) => ({
      ...comparison,
      panes: comparison.panes.map((pane) => ({ ...pane, output: { ...pane.output, tokens: pane.output.tokens.map(lineToToken) } })),
    })),
  };
}
