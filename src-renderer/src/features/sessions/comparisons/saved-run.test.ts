import { describe, expect, it } from "vitest";
import { blindPairs } from "../../../stores/voting";
import { comparison, vote } from "../session-fixtures";
import { latestVoteOn, rememberVotes, savedComparisonRun } from "./saved-run";

const threePanes = comparison({
  panes: [{ name: "base", text: "Hi" }, { name: "continued", text: "Habari" }, { name: "sw", text: "Jambo" }],
});

describe("saved-run", () => {
  it("shapes a saved comparison as a finished run whose panes hold the recorded output", () => {
    const run = savedComparisonRun(threePanes);
    expect(run.saved).toBe(threePanes);
    expect(run.status).toBe("finished");
    expect(run.panes.map((pane) => [pane.status, pane.done?.text, pane.tokens.map((token) => token.text).join("")])).toEqual([
      ["finished", "Hi", "Hi"], ["finished", "Habari", "Habari"], ["finished", "Jambo", "Jambo"],
    ]);
    expect(run.panes[1].done?.stats.stopReason).toBe("eos");
  });

  it("finds the rater's latest vote on a pair either way round", () => {
    const votes = [
      vote({ id: "old", rater: "amina", pair: [0, 2], winner: "a" }),
      vote({ id: "jonas", rater: "jonas", pair: [0, 2], winner: "b" }),
      vote({ id: "new", rater: "amina", pair: [2, 0], winner: "tie" }),
    ];
    expect(latestVoteOn(votes, "amina", [0, 2])?.id).toBe("new");
    expect(latestVoteOn(votes, " amina", [2, 0])?.id).toBe("new");
    expect(latestVoteOn(votes, "amina", [0, 1])).toBeNull();
  });

  it("closes the pairs the rater voted on, with the sides as voted, and leaves the others open", () => {
    // random() ≥ 0.5 puts the higher pane on side A: every pair shows as [j, i].
    const pairs = blindPairs(3, () => 0.9);
    expect(pairs.map((pair) => pair.shown).sort()).toEqual([[1, 0], [2, 0], [2, 1]]);
    const earlier = vote({ id: "earlier", rater: "amina", pair: [1, 2], winner: "a" });
    rememberVotes(pairs, [earlier, vote({ id: "other", rater: "jonas", pair: [0, 1], winner: "b" })], "amina");

    const closed = pairs.filter((pair) => pair.vote !== null);
    expect(closed.map((pair) => [pair.vote!.id, pair.shown])).toEqual([["earlier", [1, 2]]]);
    expect(pairs.filter((pair) => pair.vote === null).map((pair) => pair.shown).sort()).toEqual([[1, 0], [2, 0]]);
  });
});
