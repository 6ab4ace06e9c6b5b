import { summarizeComparison } from "@contract/session";
import { describe, expect, it } from "vitest";
import { comparison, vote } from "../session-fixtures";
import { filterComparisons, keepKnown, languagesOf, ratersOf } from "./session-comparisons";

const amina = vote({ id: "v-a", rater: "amina", winner: "a" });
const jonas = vote({ id: "v-j", rater: "jonas", winner: "b" });
const sw = summarizeComparison(comparison({ id: "sw", votes: [amina] }));
const ar = summarizeComparison(comparison({ id: "ar", language: "arb_Arab", votes: [jonas] }));
const none = summarizeComparison(comparison({ id: "none", language: null }));

describe("session-comparisons", () => {
  it("filters by prompt language and by the comparisons a rater (name trimmed) has cast no vote on", () => {
    const all = [sw, ar, none];
    expect(filterComparisons(all, { language: null, unratedBy: null }).map((c) => c.id)).toEqual(["sw", "ar", "none"]);
    expect(filterComparisons(all, { language: "arb_Arab", unratedBy: null }).map((c) => c.id)).toEqual(["ar"]);
    expect(filterComparisons(all, { language: null, unratedBy: " amina " }).map((c) => c.id)).toEqual(["ar", "none"]);
    expect(filterComparisons(all, { language: null, unratedBy: "  " }).map((c) => c.id)).toEqual(["sw", "ar", "none"]);
  });

  it("lists languages and raters each once, sorted", () => {
    expect(languagesOf([sw, ar, none, sw])).toEqual(["arb_Arab", "swh_Latn"]);
    expect(ratersOf([ar, sw, ar])).toEqual(["amina", "jonas"]);
  });

  it("keeps in main's answer the votes and comparisons heard of after it was made", () => {
    const fresh = [summarizeComparison(comparison({ id: "sw", votes: [amina] }))];
    const known = [
      summarizeComparison(comparison({ id: "sw", votes: [amina, jonas] })),
      summarizeComparison(comparison({ id: "new" })),
    ];
    keepKnown(fresh, known);
    expect(fresh.map((c) => [c.id, c.votes.map((v) => v.id)])).toEqual([["sw", ["v-a", "v-j"]], ["new", []]]);
  });
});
