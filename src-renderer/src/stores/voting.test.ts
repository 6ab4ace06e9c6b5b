import { afterEach, describe, expect, it } from "vitest";
import { defineComponent } from "vue";
import { savedComparisonRun } from "../features/sessions/comparisons/saved-run";
import { comparison } from "../features/sessions/session-fixtures";
import { fakeMain, mountConnected, unmountAll } from "../test/mount";
import { useVotingStore } from "./voting";

afterEach(() => unmountAll());

const Host = defineComponent({
  setup() {
    useVotingStore();
    return () => null;
  },
});

describe("voting store", () => {
  it("keeps the pair shown per comparison: moving on in one (Sessions) leaves another (Compare) where it was", async () => {
    await mountConnected(Host, fakeMain());
    const voting = useVotingStore();
    const threePanes = comparison({ panes: [{ name: "polyglot-base", text: "Hello" }, { name: "polyglot-continued", text: "Habari" }, { name: "polyglot-base", text: "Hi" }] });
    const inCompare = savedComparisonRun(threePanes);
    const inSessions = savedComparisonRun(threePanes);
    expect(voting.pairs(inCompare)).toHaveLength(3);
    voting.showPair(inCompare, 2);
    voting.pairs(inSessions);
    voting.showPair(inSessions, 1);
    expect([voting.pairIndex(inCompare), voting.pairIndex(inSessions)]).toEqual([2, 1]);
  });
});
