import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_CHECKPOINTS } from "../fixtures/fixture-checkpoints";
import { BPE_TOKENIZER_NAME, SPM_TOKENIZER_NAME } from "../fixtures/fixture-tokenizers";
import { useTempDir } from "../test-support/temp-dir";
import { inspectTask } from "../services/eval/tasks/load-task";
import { demoDatasetDir, openWorkspace } from "./default-workspace";

const tmp = useTempDir("default-workspace");

describe("openWorkspace", () => {
  it("fills a new workspace with the fixture checkpoints, then the fixture tokenizers, stored relative to it", async () => {
    const dir = tmp.join("demo");
    const workspace = await openWorkspace(dir);
    const names = [...FIXTURE_CHECKPOINTS.map((spec) => spec.name), SPM_TOKENIZER_NAME, BPE_TOKENIZER_NAME];
    const expected = names.map((name) => join(dir, "models", `${name}.gguf`));
    expect(workspace.modelPaths()).toEqual(expected);
    for (const path of expected) expect((await stat(path)).size).toBeGreaterThan(0);
    const file = JSON.parse(await readFile(join(dir, "workspace.json"), "utf8"));
    expect(file.models).toEqual(names.map((name) => ({ path: join("models", `${name}.gguf`) })));
  });

  it("gives a new workspace XCOPA-format data for a first Eval run", async () => {
    const dir = tmp.join("demo-data");
    await openWorkspace(dir);
    expect(await inspectTask("xcopa", demoDatasetDir(dir))).toEqual([{ lang: "ita_Latn", items: 6 }, { lang: "swh_Latn", items: 6 }]);
  });

  it("does not bring back models the user removed from an existing workspace", async () => {
    const dir = tmp.join("existing");
    const workspace = await openWorkspace(dir);
    await workspace.setModelPaths([]);
    expect((await openWorkspace(dir)).modelPaths()).toEqual([]);
  });

  it("leaves a new workspace empty when asked for no demo", async () => {
    expect((await openWorkspace(tmp.join("plain"), { demo: false })).modelPaths()).toEqual([]);
  });
});
