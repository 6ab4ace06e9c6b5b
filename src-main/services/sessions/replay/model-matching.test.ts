import { createHash } from "node:crypto";
import { copyFile, readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModelIdentity, SessionFile } from "../../../contract/session";
import { FIXTURE_CHECKPOINTS, writeFixtureModel } from "../../../fixtures/fixture-checkpoints";
import { SPM_TOKENIZER_NAME, writeFixtureTokenizers } from "../../../fixtures/fixture-tokenizers";
import { makeComparison, type PaneFixture } from "../../../test-support/comparison-factory";
import { writeFixtures } from "../../../test-support/fixture-files";
import { useTempDir } from "../../../test-support/temp-dir";
import { startServices, type TestServices } from "../../../test-support/test-services";
import { newSession } from "../session-file";
import { identityKey, matchModels, sessionModels } from "./model-matching";

const tmp = useTempDir("model-matching");
let services: TestServices;
/** The local files: the base checkpoint under another file name, a different file named polyglot-base, the continued one, a tokenizer. */
const local = { renamedBase: "", otherBase: "", continued: "", tokenizer: "" };
const sha256 = async (path: string) => createHash("sha256").update(await readFile(path)).digest("hex");

beforeAll(async () => {
  const fixtures = await writeFixtures(tmp.join("fixtures"));
  // Named polyglot-base inside, trained as the continued checkpoint: another version of "the same" model.
  local.otherBase = await writeFixtureModel(tmp.join("local"), { ...FIXTURE_CHECKPOINTS[1], name: "polyglot-base" }, undefined, "polyglot-base-v2.gguf");
  local.renamedBase = tmp.join("local", "my-base-checkpoint.gguf");
  await copyFile(fixtures.base, local.renamedBase);
  local.continued = await writeFixtureModel(tmp.join("local"), FIXTURE_CHECKPOINTS[1]);
  [local.tokenizer] = await writeFixtureTokenizers(tmp.join("local"));
  services = await startServices(tmp.join("workspace"));
  await services.models.add(Object.values(local));
});
afterAll(async () => services?.dispose());

function identity(fields: Partial<ModelIdentity> & { name: string }): PaneFixture {
  return { path: `/home/amina/models/${fields.name}.gguf`, sha256: null, ...fields };
}

function sessionWith(...panes: PaneFixture[]): SessionFile {
  return { ...newSession("shared"), comparisons: [makeComparison({ panes })] };
}

async function matchOf(pane: PaneFixture) {
  const [match] = await matchModels(sessionWith(pane), services.models);
  return match.match;
}

describe("matchModels", () => {
  it("finds the same file by sha256 whatever it is called here", async () => {
    const base = await sha256(local.renamedBase);
    expect(await matchOf(identity({ name: "base-q8", path: "D:\\checkpoints\\base-q8.gguf", sha256: base }))).toEqual({
      modelId: expect.any(String), name: "polyglot-base", path: local.renamedBase, by: "sha256", sameFile: true,
    });
  });

  it("prefers the hash to the name: another file called polyglot-base is not the one", async () => {
    const base = await sha256(local.renamedBase);
    expect(await matchOf(identity({ name: "polyglot-base", sha256: base }))).toMatchObject({ path: local.renamedBase, by: "sha256" });
    expect(await matchOf(identity({ name: "polyglot-base", sha256: await sha256(local.otherBase) }))).toMatchObject({ path: local.otherBase, by: "sha256" });
  });

  it("falls back to the name when no file has the hash (sameFile false) or the hash is unknown (null)", async () => {
    expect(await matchOf(identity({ name: "polyglot-continued", sha256: "cd".repeat(32) }))).toMatchObject({
      name: "polyglot-continued", path: local.continued, by: "name", sameFile: false,
    });
    expect(await matchOf(identity({ name: "polyglot-continued", sha256: null }))).toMatchObject({ path: local.continued, by: "name", sameFile: null });
  });

  it("falls back to the file name, from a POSIX or a Windows path", async () => {
    expect(await matchOf(identity({ name: "unnamed", path: "/srv/models/polyglot-base-v2.gguf" }))).toMatchObject({ path: local.otherBase, by: "name" });
    expect(await matchOf(identity({ name: "unnamed", path: "C:\\Users\\amina\\models\\polyglot-base-v2.gguf" }))).toMatchObject({ path: local.otherBase, by: "name" });
  });

  it("never matches a tokenizer-only file, by hash or by name", async () => {
    expect(await matchOf(identity({ name: SPM_TOKENIZER_NAME, path: local.tokenizer, sha256: await sha256(local.tokenizer) }))).toBeNull();
    expect(await matchOf(identity({ name: "polyglot-large", sha256: "ef".repeat(32) }))).toBeNull();
  });

  it("answers for each model of the session once, with the panes that used it and its recorded identity", async () => {
    const base = await sha256(local.renamedBase);
    const session: SessionFile = {
      ...newSession("shared"),
      comparisons: [
        makeComparison({ panes: [identity({ name: "polyglot-base", sha256: base }), identity({ name: "polyglot-large", sha256: "ef".repeat(32) })] }),
        makeComparison({ panes: [identity({ name: "renamed", sha256: base }), identity({ name: "polyglot-continued" })] }),
      ],
    };
    const matches = await matchModels(session, services.models);
    expect(matches.map(({ identity: recorded, panes, match }) => [recorded.name, panes, match?.by ?? null])).toEqual([
      ["polyglot-base", 2, "sha256"], ["polyglot-large", 1, null], ["polyglot-continued", 1, "name"],
    ]);
    // The missing model keeps everything the session knows about it, for the user to find it.
    expect(matches[1].identity).toEqual({
      name: "polyglot-large", path: "/home/amina/models/polyglot-large.gguf", sha256: "ef".repeat(32), quantization: "Q4_K_M", architecture: "llama", parameterCount: 1_000_000,
    });
  });
});

describe("sessionModels and identityKey", () => {
  it("keys a model by its sha256, or by its name when it has none; counts panes in order of first use", () => {
    const session = sessionWith(identity({ name: "b" }), identity({ name: "a", sha256: "11".repeat(32) }), identity({ name: "a-renamed", sha256: "11".repeat(32) }), identity({ name: "b" }));
    expect(sessionModels(session).map(({ identity: model, panes }) => [identityKey(model), model.name, panes])).toEqual([
      ["name:b", "b", 2], ["11".repeat(32), "a", 2],
    ]);
  });
});
