/**
 * The whole report of a real session, read back with an HTML parser (happy-dom) as a browser
 * would: what it shows, that every text is text (never markup), and that it can load nothing.
 */
import { Window, type Document, type Element } from "happy-dom";
import { afterAll, describe, expect, it } from "vitest";
import { LeaderboardRequestSchema } from "../../../contract/compare";
import type { GeneratedToken } from "../../../contract/generation";
import { SessionFileSchema, summarizeComparison, type Comparison, type SessionFile, type Verdict } from "../../../contract/session";
import { makeComparison } from "../../../test-support/comparison-factory";
import { computeLeaderboard } from "../../compare/leaderboard/leaderboard";
import { REPORT_CSP, renderSessionReport } from "./html-report";

const HOSTILE_PROMPT = `Translate: <script>alert("prompt")</script> مرحبا`;
const HOSTILE_RATER = `<script>alert("rater")</script>`;
const PANES = [
  { name: "polyglot-base", sha256: "a".repeat(64) },
  { name: "polyglot-continued", sha256: "b".repeat(64) },
];

/** Tokens of "مر!" from a byte-level vocabulary: each Arabic letter is two tokens, the first adding "". */
const ARABIC_TOKENS: GeneratedToken[] = [
  { id: 0xd9, text: "", logprob: -0.1, top: [{ id: 0xd9, text: "", logprob: -0.1 }, { id: 0x20, text: " ", logprob: -2.3 }] },
  { id: 0x85, text: "م", logprob: -0.2 },
  { id: 0xd8, text: "", logprob: -0.05 },
  { id: 0xb1, text: "ر", logprob: -9 },
  { id: 0x21, text: "!", logprob: -0.5, top: [{ id: 0x21, text: "!", logprob: -0.5 }, { id: 0x0a, text: "\n", logprob: -1.2 }] },
];

/** Two raters on three comparisons: Amina a, a, tie; the hostile name a, b, tie (as in merge's hand-worked case). */
function session(): SessionFile {
  const verdicts: [Verdict, Verdict][] = [["a", "a"], ["a", "b"], ["tie", "tie"]];
  const comparisons: Comparison[] = verdicts.map(([amina, other], index) => makeComparison({
    id: `c${index + 1}`,
    createdAt: `2025-02-0${index + 1}T10:00:00.000Z`,
    prompt: index === 0 ? HOSTILE_PROMPT : index === 1 ? { mode: "chat", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Habari?" }] } : "The river",
    language: index === 0 ? "arb_Arab" : null,
    panes: index === 0 ? [{ ...PANES[0], text: "مر!" }, { ...PANES[1], text: "Hello there" }] : PANES,
    votes: [
      { rater: "amina", winner: amina, createdAt: `2025-02-0${index + 1}T11:00:00.000Z`, note: index === 0 ? "fluent <b>really</b>" : "" },
      { rater: HOSTILE_RATER, winner: other, createdAt: `2025-02-0${index + 1}T12:00:00.000Z` },
    ],
  }));
  comparisons[0].panes[0].output.tokens = ARABIC_TOKENS;
  comparisons[0].panes[0].topAlternatives = 2;
  comparisons[0].notes = "Look at the second letter.";
  return SessionFileSchema.parse({
    format: "polyglot-session", version: 2, id: "session-1", title: "Greetings <i>across</i> languages",
    createdAt: "2025-02-01T09:00:00.000Z", updatedAt: "2025-02-03T12:30:00.000Z", notes: "Shared with the Nairobi team.",
    evalRuns: [{
      runId: "run-1", name: "XCOPA and FLORES", addedAt: "2025-02-04T08:00:00.000Z", tasks: ["xcopa", "flores"],
      models: ["polyglot-base", "polyglot-continued"],
      rows: [
        { task: "xcopa", lang: "swh_Latn", model: "polyglot-base", n: 100, metrics: { acc: { value: 0.55, ci: [0.45, 0.65] }, acc_norm: { value: 0.6, ci: null } } },
        { task: "xcopa", lang: "swh_Latn", model: "polyglot-continued", n: 100, metrics: { acc: { value: 0.72, ci: [0.63, 0.8] } } },
        { task: "xcopa", lang: "ita_Latn", model: "polyglot-base", n: 100, metrics: { acc: { value: 0.6, ci: [0.5, 0.7] } } },
        { task: "flores", lang: "fra_Latn", model: "polyglot-continued", n: 50, metrics: { chrf: { value: 48.3, ci: [45, 51.5] } } },
      ],
    }],
    comparisons,
  });
}

const windows: Window[] = [];
afterAll(() => windows.forEach((window) => window.close()));

function parse(html: string): Document {
  const window = new Window();
  windows.push(window);
  return new window.DOMParser().parseFromString(html, "text/html");
}

const text = (element: Element | null) => element?.textContent ?? null;
const cells = (row: Element) => [...row.querySelectorAll("td")].map((cell) => cell.textContent);

describe("renderSessionReport", () => {
  const html = renderSessionReport(session());
  const document = parse(html);

  it("forbids loading anything with its CSP and holds no script and no external address", () => {
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content")).toBe(REPORT_CSP);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(document.querySelectorAll("script, link, iframe, img, object, embed, base")).toHaveLength(0);
    expect(html).not.toMatch(/<script/i);
    expect(document.querySelectorAll("[src]")).toHaveLength(0);
    const hrefs = [...document.querySelectorAll("[href]")].map((element) => element.getAttribute("href")!);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((href) => !href.startsWith("#"))).toEqual([]);
    // Each in-page link has its target.
    for (const href of hrefs) expect(document.getElementById(href.slice(1)), href).not.toBeNull();
    expect(html).not.toMatch(/https?:|url\(|@import|@font-face/i);
  });

  it("shows the session's title, dates, counts and notes, and the models with what identifies them", () => {
    expect(document.title).toBe("Greetings <i>across</i> languages — Polyglot session report");
    expect(text(document.querySelector("h1"))).toBe("Greetings <i>across</i> languages");
    expect(text(document.querySelector("header .facts"))).toBe("3 comparisons · 6 votes by 2 raters · created 2025-02-01 09:00 UTC · updated 2025-02-03 12:30 UTC");
    expect(text(document.querySelector("header .notes"))).toBe("Shared with the Nairobi team.");
    const models = [...document.querySelectorAll("#models tbody tr")].map(cells);
    expect(models).toEqual([
      ["polyglot-base", "a".repeat(64), "Q4_K_M", "llama", "1.0 M", "3"],
      ["polyglot-continued", "b".repeat(64), "Q4_K_M", "llama", "1.0 M", "3"],
    ]);
  });

  it("shows a hostile prompt and rater name as text, never as markup", () => {
    const first = document.getElementById("comparison-1")!;
    expect(text(first.querySelector(".prompt .text"))).toBe(HOSTILE_PROMPT);
    const raters = [...first.querySelectorAll(".votes tbody tr")].map((row) => text(row.querySelector(".rater")));
    expect(raters).toEqual(["amina", HOSTILE_RATER]);
    expect(cells(first.querySelectorAll(".votes tbody tr")[0])).toEqual([
      "amina", "A better (1. polyglot-base)", "A 1. polyglot-base vs B 2. polyglot-continued", "fluent <b>really</b>", "", "2025-02-01 11:00 UTC",
    ]);
    expect(first.querySelectorAll("b, i")).toHaveLength(0);
  });

  it("shows the chat messages with their roles, and the comparison's language and notes", () => {
    const second = document.getElementById("comparison-2")!;
    expect([...second.querySelectorAll(".message")].map((message) => [text(message.querySelector(".role")), text(message.querySelector(".text"))]))
      .toEqual([["system", "Be brief."], ["user", "Habari?"]]);
    const first = document.getElementById("comparison-1")!;
    expect(text(first.querySelector(".facts"))).toContain("language: Modern Standard Arabic (arb_Arab)");
    expect(text(first.querySelector(".notes"))).toBe("Look at the second letter.");
  });

  it("colours each character by its probability, exp(logprob) as displayed, with its alternatives, never splitting a character", () => {
    const output = document.querySelector("#comparison-1 .pane .output")!;
    expect(output.textContent).toBe("مر!");
    expect(output.textContent).not.toContain("\uFFFD");
    const spans = [...output.querySelectorAll("span")];
    expect(spans.map((span) => [span.textContent, span.className])).toEqual([["م", "p7"], ["ر", "p0"], ["!", "p6"]]);
    // م: exp(-0.1 - 0.2) = 0.7408 → 74.1 %; its first byte 90.5 %, with " " at exp(-2.3) = 10.0 %.
    expect(spans[0].getAttribute("title")).toBe("م 74.1% (2 tokens)\n1: 90.5%; alternatives: ‹part of a character› 90.5% · ␣ 10.0%\n2: 81.9%");
    // ر: exp(-0.05 - 9) = 0.000117 → 0.012 %.
    expect(spans[1].getAttribute("title")).toBe("ر 0.012% (2 tokens)\n1: 95.1%\n2: 0.012%");
    expect(spans[2].getAttribute("title")).toBe("! 60.7%\nalternatives: ! 60.7% · ↵ 30.1%");
    // A pane without recorded tokens shows its text plain.
    const plain = document.querySelectorAll("#comparison-1 .pane .output")[1];
    expect(plain.textContent).toBe("Hello there");
    expect(plain.querySelectorAll("span")).toHaveLength(0);
  });

  it("shows each pane's model, parameters and stats", () => {
    const pane = document.querySelector("#comparison-1 .pane")!;
    expect(text(pane.querySelector("h4"))).toBe("1. polyglot-base");
    expect(text(pane.querySelector(".params"))).toBe("temperature 0.8 · top-k 40 · top-p 0.95 · min-p 0.05 · repeat penalty 1 (last 64) · max tokens 256 · seed 42 · top alternatives 2");
    expect(text(pane.querySelector(".stats"))).toBe("8 prompt tokens · 4 generated · first token 10 ms · 40.0 tokens/s · 110 ms total · stopped: eos");
    expect(text(pane.querySelector("details .rendered-prompt"))).toBe(HOSTILE_PROMPT);
  });

  it("writes every text element right to left when its text is (dir=auto)", () => {
    const textual = document.querySelectorAll("h1, .notes, .prompt .text, .message .text, .pane h4, .output, td, .rendered-prompt");
    expect(textual.length).toBeGreaterThan(20);
    for (const element of textual) expect(element.getAttribute("dir"), element.outerHTML.slice(0, 80)).toBe("auto");
  });

  it("ranks the models from the votes, with the app's leaderboard and a point per model on the chart", () => {
    const rows = [...document.querySelectorAll(".leaderboard-table tbody tr")].map(cells);
    // Base won three games (a, a, a), lost one (b) and tied two.
    expect(rows.map((row) => [row[1], ...row.slice(4)])).toEqual([["polyglot-base", "6", "3", "1", "2"], ["polyglot-continued", "6", "1", "3", "2"]]);
    const leaderboard = computeLeaderboard(session().comparisons.map(summarizeComparison), LeaderboardRequestSchema.parse({}));
    expect(rows.map((row) => row[2])).toEqual(leaderboard.models.map((model) => model.rating.toFixed(0)));
    expect(rows[0][3]).toBe(`${leaderboard.models[0].ciLow!.toFixed(0)} – ${leaderboard.models[0].ciHigh!.toFixed(0)}`);
    expect(document.querySelectorAll(".leaderboard-chart circle")).toHaveLength(2);
    expect(document.querySelectorAll(".leaderboard-chart .whisker")).toHaveLength(2);
    // Head to head: base won 3 + 2 × ½ of 6 games = 67 %.
    expect(cells(document.querySelectorAll(".head-to-head tbody tr")[0])).toEqual(["polyglot-base", "—", "67% of 6"]);
  });

  it("gives the raters' agreement and their conflicts, linked to the comparison", () => {
    // p_o = 2/3; p_e = 2/3·1/3 (a) + 0·1/3 (b) + 1/3·1/3 (tie) = 1/3 → κ = (2/3 − 1/3) / (1 − 1/3) = 0.5.
    expect(text(document.querySelector("#agreement .agreement"))).toBe("Cohen's kappa 0.500 on 3 items every rater judged.");
    expect([...document.querySelectorAll("#agreement .rater")].map((element) => element.textContent)).toEqual([HOSTILE_RATER, "amina"]);
    const conflicts = [...document.querySelectorAll(".conflicts tbody tr")];
    expect(conflicts.map(cells)).toEqual([[
      "Comparison 2", "1. polyglot-base vs 2. polyglot-continued",
      `${HOSTILE_RATER}: B better (2. polyglot-continued); amina: A better (1. polyglot-base)`,
    ]]);
    expect(conflicts[0].querySelector("a")!.getAttribute("href")).toBe("#comparison-2");
  });

  it("charts each eval task's headline metric by language and model, with a table of every metric", () => {
    const charts = [...document.querySelectorAll(".eval-chart")];
    expect(charts.map((chart) => chart.getAttribute("aria-label"))).toEqual([
      "xcopa: Accuracy by language and model", "flores: chrF by language and model",
    ]);
    // Accuracy from 0 to 100 % over 200 units: 0.6 → 120, 0.55 → 110, 0.72 → 144 (languages sorted: ita, swh).
    expect([...charts[0].querySelectorAll("rect")].map((bar) => bar.getAttribute("height"))).toEqual(["120", "110", "144"]);
    expect([...charts[0].querySelectorAll("rect")].map((bar) => bar.getAttribute("fill"))).toEqual(["#0072B2", "#0072B2", "#E69F00"]);
    expect(charts[0].querySelectorAll(".whisker")).toHaveLength(3);
    // chrF 48.3 on an axis to 60 (its interval reaches 51.5): 48.3 / 60 × 200 = 161; the bar takes the second model's colour.
    expect(charts[1].querySelector("rect")!.getAttribute("height")).toBe("161");
    expect(charts[1].querySelector("rect")!.getAttribute("fill")).toBe("#E69F00");
    expect(text(charts[1].querySelector("title"))).toBe("polyglot-continued, fra_Latn: chrF 48.300 [45.000, 51.500], n = 50");
    const rows = [...document.querySelectorAll(".eval-table tbody tr")].map(cells);
    expect([...document.querySelectorAll(".eval-table th")].map((header) => header.textContent))
      .toEqual(["Task", "Language", "Model", "n", "Accuracy", "Accuracy (length-normalised)", "chrF"]);
    expect(rows[0]).toEqual(["xcopa", "Swahili (swh_Latn)", "polyglot-base", "100", "55.0% [45.0%, 65.0%]", "60.0%", "—"]);
    expect([...document.querySelectorAll(".eval-run .legend li")].map((item) => item.textContent)).toEqual(["polyglot-base", "polyglot-continued"]);
  });
});

describe("renderSessionReport on sessions with little in them", () => {
  it("says there is nothing to rank or measure in a new session, and shows no chart", () => {
    const document = parse(renderSessionReport(SessionFileSchema.parse({
      format: "polyglot-session", version: 2, id: "empty", title: "", createdAt: "2025-01-01T00:00:00.000Z", updatedAt: "2025-01-01T00:00:00.000Z", comparisons: [],
    })));
    expect(text(document.querySelector("h1"))).toBe("Untitled session");
    expect(text(document.querySelector("#leaderboard > p"))).toBe("No votes between two different models yet.");
    expect(text(document.querySelector("#agreement .agreement"))).toBe("Agreement needs two raters or more.");
    expect(document.querySelectorAll("svg, #models, #eval-runs")).toHaveLength(0);
  });

  it("shows why the leaderboard cannot be computed when a vote names a pane that does not exist, and the rest", () => {
    const comparison = makeComparison({ id: "broken", panes: PANES, votes: [{ winner: "a", rater: "amina", pair: [0, 4] }] });
    const document = parse(renderSessionReport(SessionFileSchema.parse({
      format: "polyglot-session", version: 2, id: "s", title: "Hand-edited", createdAt: "2025-01-01T00:00:00.000Z", updatedAt: "2025-01-01T00:00:00.000Z",
      comparisons: [comparison],
    })));
    expect(text(document.querySelector("#leaderboard .error"))).toBe(
      "The leaderboard cannot be computed: Vote broken-vote-1 in comparison broken compares panes 0 and 4, but the comparison has 2.");
    expect(cells(document.querySelector("#comparison-1 .votes tbody tr")!).slice(0, 3)).toEqual(["amina", "A better (1. polyglot-base)", "A 1. polyglot-base vs B 5. (no such pane)"]);
  });
});
