import { AppError } from "@contract/errors";
import type { RunInfo } from "@contract/eval";
import type { DOMWrapper, VueWrapper } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import type { FakeMain } from "../../../test/fake-main";
import { fakeMain, mountConnected, settle, unmountAll } from "../../../test/mount";
import { progress, runInfo } from "./eval-run-fixtures";
import RunList from "./RunList.vue";

afterEach(unmountAll);

const running = runInfo();
const older = runInfo({
  id: "run-0", name: "", status: "done", createdAt: "2025-02-27T09:00:00.000Z", tasks: ["belebele", "flores"], models: ["polyglot-base", "polyglot-continued"],
  langs: ["swh_Latn"], progress: progress({ done: 40, total: 40, itemsPerSecond: 0, etaSeconds: null, rows: [] }),
});

/** A fake main whose eval.runs answers `state.runs` as it is at the time of the call. */
function evalMain(state: { runs: RunInfo[] }): FakeMain {
  return fakeMain().handle("eval.runs", () => state.runs);
}

/** An element found with `get` or `findAll`. */
type Scope = Omit<DOMWrapper<Element>, "exists">;

const runRows = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="eval-run"]');
const runRow = (wrapper: VueWrapper, id: string) => wrapper.get(`[data-testid="eval-run"][data-run-id="${id}"]`);
const button = (scope: Scope, name: string) => scope.findAll("button").find((b) => b.text() === name);
const bar = (scope: Scope, label: string) => scope.findAll('[role="progressbar"]').find((b) => b.attributes("aria-label") === label)!;
const barValues = (scope: Scope, label: string) => {
  const found = bar(scope, label);
  return [found.attributes("aria-valuenow"), found.attributes("aria-valuemax")];
};

describe("RunList", () => {
  it("lists runs newest first with name, source, status, counts, and shows the newest in Results", async () => {
    const { wrapper } = await mountConnected(RunList, evalMain({ runs: [older, running] }));

    expect(runRows(wrapper).map((row) => row.attributes("data-run-id"))).toEqual(["run-1", "run-0"]);
    const [first, second] = runRows(wrapper);
    expect(first.get(".title").text()).toBe("Swahili check");
    expect(first.get(".title").attributes("dir")).toBe("auto");
    expect(first.get(".source").text()).toBe("local");
    expect(first.get('[data-testid="eval-run-status"]').text()).toBe("Running");
    expect(first.get('[data-testid="eval-run-counts"]').text()).toBe("1 task · 1 model · 2 languages");
    expect(first.get("time").attributes("datetime")).toBe("2025-03-01T10:00:00.000Z");
    // A run without a name goes by its id; a finished one says how far it got.
    expect(second.get(".title").text()).toBe("run-0");
    expect(second.get('[data-testid="eval-run-counts"]').text()).toBe("2 tasks · 2 models · 1 language");
    expect(second.get('[data-testid="eval-run-done"]').text()).toBe("40 / 40 items scored");
    expect(second.find('[role="progressbar"]').exists()).toBe(false);

    const shown = (row: Scope) => (row.get('input[type="checkbox"]').element as HTMLInputElement).checked;
    expect([shown(first), shown(second)]).toEqual([true, false]);
    expect(first.get('input[type="checkbox"]').attributes("aria-label")).toBe("Show Swahili check in results");
  });

  it("updates the bars, the rate and the ETA as progress arrives", async () => {
    const main = evalMain({ runs: [running] });
    const { wrapper } = await mountConnected(RunList, main);
    const row = runRow(wrapper, "run-1");
    expect(barValues(row, "Progress of Swahili check")).toEqual(["120", "400"]);
    expect(row.get('[data-testid="eval-progress-eta"]').text()).toBe("ETA 1 min 10 s");

    main.emit("eval.progress", {
      runId: "run-1",
      progress: progress({
        done: 300, itemsPerSecond: 0.5, etaSeconds: 200,
        rows: [
          { task: "xcopa", lang: "swh_Latn", model: "polyglot-base", done: 200, total: 200, itemsPerSecond: 0, etaSeconds: 0 },
          { task: "xcopa", lang: "tha_Thai", model: "polyglot-base", done: 100, total: 200, itemsPerSecond: 0.5, etaSeconds: 200 },
        ],
      }),
    });
    await settle();

    expect(barValues(row, "Progress of Swahili check")).toEqual(["300", "400"]);
    expect(row.get('[data-testid="progress-count"]').text()).toBe("300 / 400");
    expect(row.get('[data-testid="eval-progress-rate"]').text()).toBe("0.5 items/s");
    expect(row.get('[data-testid="eval-progress-eta"]').text()).toBe("ETA 3 min 20 s");
    // The row being scored shows its own rate and ETA; a finished one does not.
    expect(row.findAll('[data-testid="eval-progress-row"]').map((r) => r.get(".row-label").text().replace(/\s+/g, " "))).toEqual([
      "XCOPA · Swahili (swh_Latn) · polyglot-base",
      "XCOPA · Thai (tha_Thai) · polyglot-base · 0.5 items/s · ETA 3 min 20 s",
    ]);
    expect(barValues(row, "XCOPA · Swahili (swh_Latn) · polyglot-base")).toEqual(["200", "200"]);
    expect(barValues(row, "XCOPA · Thai (tha_Thai) · polyglot-base")).toEqual(["100", "200"]);
    expect((bar(row, "XCOPA · Thai (tha_Thai) · polyglot-base").get(".fill").element as HTMLElement).style.inlineSize).toBe("50%");
    expect(main.callsOf("eval.runs")).toHaveLength(1); // a known run's progress needs no new list
  });

  it("folds the per-language rows when there are many, until asked", async () => {
    const rows = ["swh_Latn", "tha_Thai", "est_Latn", "hat_Latn", "ind_Latn", "ita_Latn", "quy_Latn", "tam_Taml", "tur_Latn", "vie_Latn"]
      .map((lang, index) => ({ task: "xcopa", lang, model: "polyglot-base", done: index < 3 ? 100 : 10, total: 100, itemsPerSecond: 0, etaSeconds: null }));
    const { wrapper } = await mountConnected(RunList, evalMain({ runs: [runInfo({ progress: progress({ rows }) })] }));
    const row = runRow(wrapper, "run-1");

    const fold = button(row, "Show per-language progress (3 of 10 finished)")!;
    expect(fold.attributes("aria-expanded")).toBe("false");
    expect(row.findAll('[data-testid="eval-progress-row"]')).toHaveLength(0);
    await fold.trigger("click");
    expect(row.findAll('[data-testid="eval-progress-row"]')).toHaveLength(10);
    expect(button(row, "Hide per-language progress (3 of 10 finished)")!.attributes("aria-expanded")).toBe("true");
  });

  it("cancels a running run, then offers to resume it once main says it stopped", async () => {
    const state = { runs: [running] };
    const main = evalMain(state)
      .handle("eval.cancel", () => ({ cancelled: true }))
      .handle("eval.resume", ({ runId }) => {
        state.runs = [runInfo({ id: runId, status: "running" })];
        return state.runs[0];
      });
    const { wrapper } = await mountConnected(RunList, main);
    const row = runRow(wrapper, "run-1");
    expect(button(row, "Resume")).toBeUndefined();

    await button(row, "Cancel")!.trigger("click");
    await settle();
    expect(main.callsOf("eval.cancel")).toEqual([{ runId: "run-1" }]);
    expect(row.get('[data-testid="eval-run-status"]').text()).toBe("Cancelling…");
    expect(button(row, "Cancel")!.attributes("disabled")).toBeDefined();

    const cancelled = runInfo({ status: "cancelled", progress: progress({ done: 130, itemsPerSecond: 0, etaSeconds: null }) });
    state.runs = [cancelled];
    main.emit("eval.finished", { run: cancelled });
    await settle();
    expect(main.callsOf("eval.runs")).toHaveLength(2); // the list is fetched again when a run ends
    expect(row.get('[data-testid="eval-run-status"]').text()).toBe("Cancelled");
    expect(row.get('[data-testid="eval-run-done"]').text()).toBe("130 / 400 items scored");
    expect(button(row, "Cancel")).toBeUndefined();

    await button(row, "Resume")!.trigger("click");
    await settle();
    expect(main.callsOf("eval.resume")).toEqual([{ runId: "run-1" }]);
    expect(row.get('[data-testid="eval-run-status"]').text()).toBe("Running");
    expect(button(row, "Cancel")).toBeDefined();
  });

  it("shows why a run failed and offers to resume it; an imported run cannot be resumed", async () => {
    const failed = runInfo({
      id: "run-2", status: "failed",
      error: { code: "IO_ERROR", message: "Cannot read /data/xcopa/data/th/test.th.jsonl: permission denied.", file: "/data/xcopa/data/th/test.th.jsonl" },
    });
    const imported = runInfo({ id: "run-3", name: "cluster 7B", source: "lm-eval", status: "interrupted", createdAt: "2025-01-01T00:00:00.000Z" });
    const main = evalMain({ runs: [failed, imported] }).handle("eval.resume", () => {
      throw new AppError({ code: "NOT_FOUND", message: "The model /models/base.gguf is gone.", file: "/models/base.gguf" });
    });
    const { wrapper } = await mountConnected(RunList, main);

    const failedRow = runRow(wrapper, "run-2");
    expect(failedRow.get('[role="alert"]').text()).toContain("permission denied");
    expect(failedRow.get(".error-file").text()).toBe("File: /data/xcopa/data/th/test.th.jsonl");
    const importedRow = runRow(wrapper, "run-3");
    expect(importedRow.get(".source").text()).toBe("lm-eval");
    expect(button(importedRow, "Resume")).toBeUndefined();

    await button(failedRow, "Resume")!.trigger("click");
    await settle();
    expect(main.callsOf("eval.resume")).toEqual([{ runId: "run-2" }]);
    expect(failedRow.findAll('[role="alert"]').map((alert) => alert.get(".error-message").text())).toEqual([
      "Cannot read /data/xcopa/data/th/test.th.jsonl: permission denied.",
      "The model /models/base.gguf is gone.",
    ]);
  });

  it("fetches the list when progress arrives for a run it does not know (started elsewhere)", async () => {
    const state = { runs: [] as RunInfo[] };
    const main = evalMain(state);
    const { wrapper } = await mountConnected(RunList, main);
    expect(wrapper.text()).toContain("No runs yet");

    state.runs = [running];
    main.emit("eval.progress", { runId: "run-1", progress: progress({ done: 250 }) });
    await settle();
    expect(main.callsOf("eval.runs")).toHaveLength(2);
    // The live figures win over the listed ones while it runs.
    expect(barValues(runRow(wrapper, "run-1"), "Progress of Swahili check")).toEqual(["250", "400"]);
  });
});
