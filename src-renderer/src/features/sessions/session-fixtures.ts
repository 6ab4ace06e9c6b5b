/**
 * Test data for the Sessions view, parsed with the contract's schemas so fixtures that drift from
 * it fail loudly, and a fake main answering the session.* procedures from one session held here.
 */
import { EMPTY_LEADERBOARD } from "../compare/leaderboard/leaderboard-fixtures";
import type { GeneratedToken } from "@contract/generation";
import { ComparisonSchema, summarizeComparison, VoteSchema, type Comparison, type Verdict, type Vote } from "@contract/session";
import {
  AgreementReportSchema, CurrentSessionSchema, ModelMatchSchema, type AgreementReport, type CurrentSession, type ModelMatch,
} from "@contract/sessions";
import type { FakeMain } from "../../test/fake-main";
import { fakeMain } from "../../test/mount";

export const SESSION_PATH = "/home/ana/workbench/sessions/greetings.polyglot-session.json";

export function vote(overrides: Partial<Vote> & { winner: Verdict; rater: string }): Vote {
  return VoteSchema.parse({
    id: `vote-${overrides.rater}-${overrides.winner}`, createdAt: "2025-05-02T09:30:00.000Z", pair: [0, 1], note: "",
    promptLanguage: null, responseLanguage: null, blind: false, ...overrides,
  });
}

/** Tokens spelling `text` one character each, with the given probability of each. */
export function tokensOf(text: string, probability = 0.5): GeneratedToken[] {
  return [...text].map((character, index) => ({
    id: index, text: character, logprob: Math.log(probability), top: [{ id: index, text: character, logprob: Math.log(probability) }],
  }));
}

interface PaneFixture {
  name: string;
  text: string;
  sha256?: string | null;
}

/** A comparison of two panes (or the given ones) on a Swahili prompt. */
export function comparison(overrides: {
  id?: string; prompt?: string; language?: string | null; panes?: PaneFixture[]; votes?: Vote[]; notes?: string;
} = {}): Comparison {
  const panes = overrides.panes ?? [{ name: "polyglot-base", text: "Hello" }, { name: "polyglot-continued", text: "Habari" }];
  return ComparisonSchema.parse({
    id: overrides.id ?? "c-1",
    createdAt: "2025-05-02T09:00:00.000Z",
    prompt: { mode: "completion", text: overrides.prompt ?? "Salamu za asubuhi\nkwa Kiswahili" },
    language: overrides.language === undefined ? "swh_Latn" : overrides.language,
    origin: null,
    panes: panes.map((pane) => ({
      backend: "local",
      model: {
        name: pane.name, path: `/models/${pane.name}.gguf`, sha256: pane.sha256 ?? null,
        quantization: "F32", architecture: "llama", parameterCount: 1_512_000,
      },
      params: { temperature: 0, seed: 42 },
      topAlternatives: 1,
      output: {
        text: pane.text, tokens: tokensOf(pane.text),
        stats: { promptTokens: 17, generatedTokens: [...pane.text].length, timeToFirstTokenMs: 5, tokensPerSecond: 100, totalMs: 60, stopReason: "eos" },
        renderedPrompt: overrides.prompt ?? "Salamu za asubuhi\nkwa Kiswahili",
        error: null,
      },
    })),
    votes: overrides.votes ?? [],
    notes: overrides.notes ?? "",
  });
}

export function currentSession(overrides: {
  comparisons?: Comparison[]; title?: string; path?: string; notes?: string; migratedFrom?: number | null;
  openError?: CurrentSession["openError"];
} = {}): CurrentSession {
  return CurrentSessionSchema.parse({
    path: overrides.path ?? SESSION_PATH,
    migratedFrom: overrides.migratedFrom ?? null,
    originalKeptAs: overrides.migratedFrom ? SESSION_PATH.replace(/\.json$/, `.v${overrides.migratedFrom}.json`) : null,
    openError: overrides.openError ?? null,
    session: {
      format: "polyglot-session", version: 2, id: "s-1", title: overrides.title ?? "Salamu: greetings",
      createdAt: "2025-05-02T08:00:00.000Z", updatedAt: "2025-05-02T09:30:00.000Z", notes: overrides.notes ?? "", evalRuns: [],
      comparisons: (overrides.comparisons ?? [comparison()]).map(summarizeComparison),
    },
  });
}

export function agreementReport(overrides: Partial<AgreementReport> = {}): AgreementReport {
  return AgreementReportSchema.parse({ raters: [], agreement: { method: null, kappa: null, items: 0 }, conflicts: [], ...overrides });
}

export function modelMatch(overrides: Partial<ModelMatch> & { name: string }): ModelMatch {
  const { name, ...rest } = overrides;
  return ModelMatchSchema.parse({
    identity: { name, path: `/models/${name}.gguf`, sha256: null, quantization: "F32", architecture: "llama", parameterCount: 1_512_000 },
    panes: 1,
    match: null,
    ...rest,
  });
}

/**
 * A fake main holding one session: describe, comparison (with tokens), notes, agreement, model
 * matching and the leaderboard answer from it. `session.comparisons` is the held state, which a
 * test changes (and announces with events) as another rater would.
 */
export function sessionsMain(
  session: { comparisons: Comparison[]; notes?: string } = { comparisons: [comparison()] },
  options: { readOnly?: boolean; agreement?: AgreementReport; matches?: ModelMatch[] } = {},
): FakeMain {
  return fakeMain({ system: { readOnly: options.readOnly ?? false } })
    .handle("session.describe", () => currentSession({ comparisons: session.comparisons, notes: session.notes }))
    .handle("session.comparison", ({ id }) => session.comparisons.find((candidate) => candidate.id === id)!)
    .handle("session.setNotes", ({ comparisonId, notes }) => {
      if (comparisonId === null) session.notes = notes;
      else session.comparisons.find((candidate) => candidate.id === comparisonId)!.notes = notes;
      return {};
    })
    .handle("session.agreement", () => options.agreement ?? agreementReport())
    .handle("session.matchModels", () => options.matches ?? [])
    .handle("session.list", () => ({ current: SESSION_PATH, recent: [], workspace: [] }))
    .handle("compare.leaderboard", () => EMPTY_LEADERBOARD)
    .handle("eval.runs", () => []);
}
