/**
 * Opening a session written by an older version: `testdata/session-v1.polyglot-session.json` was
 * written by version 1's own writer (the commit before version 2), not by hand.
 */
import { copyFile, readFile, readdir, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../../test-support/temp-dir";
import { openSessionFile, readSessionFile } from "./session-file";
import { SessionStore } from "./session-store";

const tmp = useTempDir("session-migration");
const V1_FILE = new URL("./testdata/session-v1.polyglot-session.json", import.meta.url).pathname;

describe("a version-1 session", () => {
  it("opens migrated: every comparison, output, token and vote kept, log-probs to 5 decimals", async () => {
    const original = JSON.parse(await readFile(V1_FILE, "utf8"));
    const opened = await openSessionFile(V1_FILE);
    expect(opened!.migratedFrom).toBe(1);
    const { session } = opened!;
    expect(session).toMatchObject({ version: 2, id: "v1-fixture", title: "Swahili and Arabic greetings", notes: "", evalRuns: [] });
    expect(session.comparisons.map((comparison) => comparison.id)).toEqual(["c-swh", "c-arb"]);
    expect(session.comparisons.map((comparison) => comparison.notes)).toEqual(["", ""]);
    expect(session.comparisons[0].votes.map((vote) => [vote.rater, vote.winner])).toEqual([["amina", "b"], ["jonas", "a"]]);
    expect(session.comparisons[0].panes[0].output.tokens).toEqual([
      { id: 10, text: "Hab", logprob: -0.12346, top: [{ id: 10, text: "Hab", logprob: -0.12346 }, { id: 11, text: "Ha", logprob: -2.5 }] },
      { id: 12, text: "ari", logprob: -0.3, top: [{ id: 12, text: "ari", logprob: -0.3 }] },
    ]);
    // Tokens without alternatives stay without them.
    expect(session.comparisons[0].panes[1].output.tokens[2]).toEqual({ id: 13, text: " yako", logprob: -1.75 });
    expect(session.comparisons[1].panes[0].output.tokens).toEqual([{ id: 1, text: "", logprob: -0.5 }, { id: 3, text: "م", logprob: -0.25 }]);
    // Everything else as it was.
    for (const [index, comparison] of session.comparisons.entries()) {
      const before = original.comparisons[index];
      expect(comparison.prompt).toEqual(before.prompt);
      expect(comparison.panes.map((pane) => [pane.model, pane.params, pane.output.text])).toEqual(
        before.panes.map((pane: { model: unknown; params: unknown; output: { text: string } }) => [pane.model, pane.params, pane.output.text]),
      );
    }
  });

  it("is saved as version 2 on the first change, with the original kept beside it", async () => {
    const file = tmp.join("shared.polyglot-session.json");
    await copyFile(V1_FILE, file);
    const v1Text = await readFile(file, "utf8");
    const store = await SessionStore.open(file);
    expect(store.migratedFrom).toBe(1);
    expect(await readFile(file, "utf8")).toBe(v1Text); // opening alone writes nothing
    await store.setNotes(null, "Rated by the Nairobi team");
    await store.setNotes("c-arb", "check the Arabic diacritics");
    expect(await readFile(tmp.join("shared.polyglot-session.v1.json"), "utf8")).toBe(v1Text);
    const reopened = await openSessionFile(file);
    expect(reopened!.migratedFrom).toBeNull();
    expect(reopened!.session).toEqual(store.current);
    expect(reopened!.session.notes).toBe("Rated by the Nairobi team");
    expect(reopened!.session.comparisons[1].notes).toBe("check the Arabic diacritics");
    expect((await readFile(file, "utf8")).split("\n").slice(0, 3)).toEqual(["{", '  "format": "polyglot-session",', '  "version": 2,']);
    // The backup is a valid version-1 file: it opens (migrated) as the same session did.
    expect((await readSessionFile(tmp.join("shared.polyglot-session.v1.json")))!.comparisons).toHaveLength(2);
    expect((await readdir(tmp.path)).sort()).toEqual(["shared.polyglot-session.json", "shared.polyglot-session.v1.json"]);
  });

  it("a broken version-1 file is named with the field, and left untouched", async () => {
    const file = tmp.join("broken-v1.polyglot-session.json");
    const text = (await readFile(V1_FILE, "utf8")).replace('"rater": "jonas"', '"rater": ""');
    await writeFile(file, text);
    const error = await SessionStore.open(file).catch((caught) => caught);
    expect(error).toMatchObject({ code: "INVALID_INPUT", file, field: "comparisons.0.votes.1.rater" });
    expect(await readFile(file, "utf8")).toBe(text);
  });
});
