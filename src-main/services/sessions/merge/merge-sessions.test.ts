import { describe, expect, it } from "vitest";
import { SESSION_VERSION, SessionFileSchema, type Comparison, type SessionFile, type Verdict } from "../../../contract/session";
import { makeComparison } from "../../../test-support/comparison-factory";
import { mergeSessions } from "./merge-sessions";

const PANES = [{ name: "base", sha256: "aa" }, { name: "continued", sha256: "bb" }, { name: "instruct", sha256: "cc" }];

/** The same three comparisons in every rater's copy; `votes[i]` is the rater's verdict on comparison i (panes 0 and 1). */
function raterCopy(rater: string, verdicts: Verdict[], options: { swapPair?: boolean } = {}): SessionFile {
  const comparisons: Comparison[] = verdicts.map((winner, index) => makeComparison({
    id: `c${index + 1}`, createdAt: `2025-02-0${index + 1}T10:00:00.000Z`, panes: PANES,
    votes: [{ id: `${rater}-${index + 1}`, rater, winner, pair: options.swapPair ? [1, 0] : [0, 1], createdAt: `2025-02-0${index + 1}T11:00:00.000Z` }],
  }));
  return SessionFileSchema.parse({
    format: "polyglot-session", version: SESSION_VERSION, id: `session-${rater}`, title: "Swahili greetings",
    createdAt: "2025-02-01T09:00:00.000Z", updatedAt: "2025-02-03T12:00:00.000Z", comparisons,
  });
}

describe("mergeSessions", () => {
  it("pools two raters' votes on the same comparisons, lists their conflicts and gives Cohen's kappa", () => {
    // Amina: a, a, tie. Jonas saw the panes the other way round (B first): his "b" is Amina's "a".
    const amina = raterCopy("amina", ["a", "a", "tie"]);
    const jonas = raterCopy("jonas", ["b", "a", "tie"], { swapPair: true });
    const { session, report } = mergeSessions([{ file: "amina.json", session: amina }, { file: "jonas.json", session: jonas }]);

    expect(session.comparisons.map((comparison) => comparison.id)).toEqual(["c1", "c2", "c3"]);
    expect(session.comparisons[0].votes.map((vote) => vote.rater)).toEqual(["amina", "jonas"]);
    expect(SessionFileSchema.safeParse(session).success).toBe(true);
    expect(report).toMatchObject({ files: ["amina.json", "jonas.json"], comparisons: 3, votes: 6, raters: ["amina", "jonas"] });
    // In pane order: amina a, a, tie; jonas a, b, tie. They differ on c2 only.
    expect(report.conflicts).toEqual([{ comparisonId: "c2", pair: [0, 1], verdicts: { amina: "a", jonas: "b" } }]);
    // p_o = 2/3; amina a 2/3, tie 1/3; jonas a 1/3, b 1/3, tie 1/3: p_e = 2/9 + 1/9 = 1/3; κ = (2/3 − 1/3)/(2/3) = 0.5.
    expect(report.agreement.method).toBe("cohen");
    expect(report.agreement.items).toBe(3);
    expect(report.agreement.kappa).toBeCloseTo(0.5, 12);
  });

  it("uses Fleiss' kappa for three raters or more, on the items all of them judged", () => {
    const sources = [
      { file: "a.json", session: raterCopy("a", ["a", "b", "tie"]) },
      { file: "b.json", session: raterCopy("b", ["a", "b", "tie"]) },
      { file: "c.json", session: raterCopy("c", ["a", "b", "both-bad"]) },
    ];
    const { report } = mergeSessions(sources);
    // Items: {a:3}, {b:3}, {tie:2, both-bad:1}. P_i = 1, 1, 1/3 → P̄ = 7/9. Totals a 3, b 3, tie 2,
    // both-bad 1 of 9 → P̄e = (9 + 9 + 4 + 1)/81 = 23/81. κ = (7/9 − 23/81)/(1 − 23/81) = 40/58.
    expect(report.agreement).toEqual({ method: "fleiss", kappa: expect.closeTo(40 / 58, 12), items: 3 });
    expect(report.conflicts.map((item) => item.comparisonId)).toEqual(["c3"]);
  });

  it("keeps a vote that is in several copies once, and a rater's latest verdict for the agreement", () => {
    const amina = raterCopy("amina", ["a"]);
    const again = raterCopy("amina", ["a"]);
    again.comparisons[0].votes.push({ ...again.comparisons[0].votes[0], id: "amina-changed", winner: "b", createdAt: "2025-02-01T12:00:00.000Z" });
    const { report } = mergeSessions([{ file: "1.json", session: amina }, { file: "2.json", session: again }]);
    expect(report.votes).toBe(2);
    expect(report.raters).toEqual(["amina"]);
    expect(report.agreement).toEqual({ method: null, kappa: null, items: 0 });
  });

  it("refuses copies whose comparison with the same id holds other outputs, naming both files", () => {
    const first = raterCopy("amina", ["a"]);
    const second = raterCopy("jonas", ["a"]);
    second.comparisons[0].panes[1].output.text = "something else";
    expect(() => mergeSessions([{ file: "amina.json", session: first }, { file: "jonas.json", session: second }]))
      .toThrow(/Comparison c1 differs between amina\.json and jonas\.json/);
  });
});
