import type { Leaderboard } from "@contract/compare";
import { AppError } from "@contract/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defineComponent } from "vue";
import { EMPTY_LEADERBOARD, leaderboard, ratedModel, votedEvent } from "../features/compare/leaderboard/leaderboard-fixtures";
import type { FakeMain } from "../test/fake-main";
import { fakeMain, mountConnected, settle, unmountAll } from "../test/mount";
import { useLeaderboardStore, VOTE_REFRESH_DELAY_MS } from "./leaderboard";

afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

const Host = defineComponent({
  setup() {
    useLeaderboardStore();
    return () => null;
  },
});

/** Connects a store to `main` (through a component, as stores need the provided bridge). */
async function connectedStore(main: FakeMain) {
  await mountConnected(Host, main);
  return useLeaderboardStore();
}

function leaderboardMain(answer: (language: string | null) => Leaderboard = () => leaderboard()): FakeMain {
  return fakeMain().handle("compare.leaderboard", ({ language }) => answer(language));
}

const waitForDebounce = () => new Promise((resolve) => setTimeout(resolve, VOTE_REFRESH_DELAY_MS + 50));

describe("useLeaderboardStore", () => {
  it("fetches the leaderboard of all votes, with bootstrap intervals, on connecting", async () => {
    const main = leaderboardMain();
    const store = await connectedStore(main);

    expect(main.callsOf("compare.leaderboard")).toEqual([{ language: null, bootstrapRounds: 1000 }]);
    expect(store.leaderboard).toEqual(leaderboard());
    expect(store.loading).toBe(false);
    expect(store.error).toBeNull();
  });

  it("asks again for the chosen language when the filter changes", async () => {
    const swahili = leaderboard({ language: "swh_Latn", votes: 2 });
    const main = leaderboardMain((language) => (language === "swh_Latn" ? swahili : leaderboard()));
    const store = await connectedStore(main);

    store.language = "swh_Latn";
    await settle();

    expect(main.callsOf("compare.leaderboard")).toEqual([
      { language: null, bootstrapRounds: 1000 },
      { language: "swh_Latn", bootstrapRounds: 1000 },
    ]);
    expect(store.leaderboard).toEqual(swahili);
  });

  it("re-fetches once, shortly after a burst of compare.voted events, so the board updates live", async () => {
    let answer = EMPTY_LEADERBOARD;
    const main = leaderboardMain(() => answer);
    const store = await connectedStore(main);
    expect(store.leaderboard?.votes).toBe(0);

    answer = leaderboard({ votes: 3 });
    main.emit("compare.voted", votedEvent());
    main.emit("compare.voted", votedEvent());
    main.emit("compare.voted", votedEvent());
    await settle();
    expect(main.callsOf("compare.leaderboard")).toHaveLength(1); // still waiting for the burst to end

    await waitForDebounce();
    await settle();
    expect(main.callsOf("compare.leaderboard")).toEqual([
      { language: null, bootstrapRounds: 1000 },
      { language: null, bootstrapRounds: 1000 },
    ]);
    expect(store.leaderboard?.votes).toBe(3);
  });

  it("re-fetches when another session is opened, not when notes change", async () => {
    let answer = EMPTY_LEADERBOARD;
    const main = leaderboardMain(() => answer);
    const store = await connectedStore(main);
    answer = leaderboard({ votes: 7 });
    main.emit("session.changed", { path: "/w/sessions/notes.polyglot-session.json", change: "notes" });
    await waitForDebounce();
    await settle();
    expect(main.callsOf("compare.leaderboard")).toHaveLength(1);
    main.emit("session.changed", { path: "/w/sessions/other.polyglot-session.json", change: "opened" });
    await waitForDebounce();
    await settle();
    expect(main.callsOf("compare.leaderboard")).toHaveLength(2);
    expect(store.leaderboard?.votes).toBe(7);
  });

  it("keeps the latest request's answer when an earlier one arrives after it", async () => {
    let releaseFirst: () => void = () => {};
    const slowAll = leaderboard({ models: [ratedModel({ name: "slow, all languages" })], winRate: [[null]], games: [[0]] });
    const main = fakeMain().handle("compare.leaderboard", async ({ language }) => {
      if (language === "fra_Latn") return leaderboard({ language: "fra_Latn", votes: 1 });
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      return slowAll;
    });
    const store = await connectedStore(main);

    store.language = "fra_Latn";
    await settle();
    releaseFirst();
    await settle();

    expect(store.leaderboard?.language).toBe("fra_Latn");
    expect(store.loading).toBe(false);
  });

  it("keeps the last leaderboard and reports the error when a refresh fails", async () => {
    let fail = false;
    const main = fakeMain().handle("compare.leaderboard", () => {
      if (fail) throw new AppError({ code: "INTERNAL", message: "The session could not be read." });
      return leaderboard();
    });
    const store = await connectedStore(main);

    fail = true;
    await store.refresh();
    await settle();

    expect(store.error).toMatchObject({ code: "INTERNAL", message: "The session could not be read." });
    expect(store.leaderboard).toEqual(leaderboard());
  });

  it("exports with the chosen format and ties, saves every file as a download and returns them", async () => {
    const files = [
      { name: "preferences.dpo.jsonl", mediaType: "application/jsonl", content: '{"prompt":"Habari"}\n', records: 1 },
      { name: "preferences.ties.jsonl", mediaType: "application/jsonl", content: "", records: 0 },
    ];
    const main = leaderboardMain().handle("compare.export", () => files);
    const store = await connectedStore(main);
    const blobs: Blob[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return `blob:test/${blobs.length}`;
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
    });

    const returned = await store.exportFiles("dpo", "separate");

    expect(main.callsOf("compare.export")).toEqual([{ format: "dpo", ties: "separate" }]);
    expect(returned).toEqual(files);
    expect(store.exported).toEqual(files);
    expect(clicked).toEqual([
      { href: "blob:test/1", download: "preferences.dpo.jsonl", attached: true },
      { href: "blob:test/2", download: "preferences.ties.jsonl", attached: true },
    ]);
    expect(blobs.map((blob) => blob.type)).toEqual(["application/jsonl", "application/jsonl"]);
    expect(await blobs[0].text()).toBe('{"prompt":"Habari"}\n');
    expect(document.querySelectorAll("a[download]")).toHaveLength(0);
  });

  it("reports a failed export without saving anything", async () => {
    const main = leaderboardMain().handle("compare.export", () => {
      throw new AppError({ code: "INTERNAL", message: "No session yet." });
    });
    const store = await connectedStore(main);
    const createObjectURL = vi.spyOn(URL, "createObjectURL");

    expect(await store.exportFiles("csv", "exclude")).toBeNull();
    expect(store.exportError).toMatchObject({ message: "No session yet." });
    expect(store.exporting).toBeNull();
    expect(createObjectURL).not.toHaveBeenCalled();
  });
});
