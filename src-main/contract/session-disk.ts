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

const DiskPaneOutputSchema = PaneOutputSchema.extend({ tokens: z.array(TokenLineSchema) });
const DiskPaneRecordSchema = PaneRecordSchema.extend({ output: DiskPaneOutputSchema });
const DiskComparisonSchema = ComparisonSchema.extend({ panes: z.array(DiskPaneRecordSchema).min(MIN_PANES).max(MAX_PANES) });
export const SessionDiskSchema = SessionFileSchema.extend({ comparisons: z.array(DiskComparisonSchema) });
export type SessionDisk = z.infer<typeof SessionDiskSchema>;

export function tokenToLine(token: GeneratedToken): TokenLine {
  const line: [number, string, number] = [token.id, token.text, token.logprob];
  return token.top ? [...line, token.top.map((alternative) => [alternative.id, alternative.text, alternative.logprob])] : line;
}

export function lineToToken(line: TokenLine): GeneratedToken {
  const token: GeneratedToken = { id: line[0], text: line[1], logprob: line[2] };
  if (line.length === 4) token.top = line[3].map(([id, text, logprob]) => ({ id, text, logprob }));
  return token;
}

/** Replaces every output's tokens, keeping the rest of the session as it is. */
function mapTokens<From, To>(session: { comparisons: { panes: { output: { tokens: From[] } }[] }[] }, convert: (token: From) => To) {
  return {
    ...session,
    comparisons: session.comparisons.map((comparison) => ({
      ...comparison,
      panes: comparison.panes.map((pane) => ({ ...pane, output: { ...pane.output, tokens: pane.output.tokens.map(convert) } })),
    })),
  };
}

export function sessionToDisk(session: SessionFile): SessionDisk {
  return mapTokens(session, tokenToLine) as SessionDisk;
}

export function sessionFromDisk(disk: SessionDisk): SessionFile {
  return mapTokens(disk, lineToToken) as SessionFile;
}
