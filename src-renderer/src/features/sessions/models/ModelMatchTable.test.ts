import { mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { mountConnected, unmountAll } from "../../../test/mount";
import { comparison, modelMatch, sessionsMain } from "../session-fixtures";
import ModelMatchTable from "./ModelMatchTable.vue";
import ModelsPanel from "./ModelsPanel.vue";

afterEach(unmountAll);

const SHA = "3f2a9c0d1e4b5a6978877665544332211ffeeddccbbaa99887766554433221100";
const local = (name: string, path = `/home/ana/models/${name}.gguf`) => ({ modelId: `m-${name}`, name, path });

const matches = [
  modelMatch({ name: "polyglot-base", identity: { ...modelMatch({ name: "polyglot-base" }).identity, sha256: SHA }, panes: 3, match: { ...local("polyglot-base"), by: "sha256", sameFile: true } }),
  modelMatch({ name: "polyglot-continued", match: { ...local("polyglot-continued"), by: "name", sameFile: false } }),
  modelMatch({ name: "mistral-sw", match: { ...local("mistral-sw"), by: "name", sameFile: null } }),
  modelMatch({ name: "مترجم", identity: { ...modelMatch({ name: "مترجم" }).identity, path: "D:\\models\\mutarjim.gguf", quantization: null, parameterCount: null } }),
];

describe("ModelMatchTable", () => {
  it("shows each session model's identity and how it was found: same file, by name (another file or not compared), or missing with its original path", () => {
    const wrapper = mount(ModelMatchTable, { props: { matches } });
    const rows = wrapper.findAll('[data-testid="model-match"]');

    expect(rows.map((row) => [row.attributes("data-model-name"), row.attributes("data-status")])).toEqual([
      ["polyglot-base", "sha256"], ["polyglot-continued", "name"], ["mistral-sw", "name"], ["مترجم", "missing"],
    ]);
    expect(rows.map((row) => row.findAll("th, td").map((cell) => cell.text()))).toEqual([
      ["polyglot-base", "3f2a9c0d1e4b", "F32", "llama", "1.51M", "3", "same file (sha256) ✓", "/home/ana/models/polyglot-base.gguf"],
      ["polyglot-continued", "—", "F32", "llama", "1.51M", "1", "by name ⚠ another file", "/home/ana/models/polyglot-continued.gguf"],
      ["mistral-sw", "—", "F32", "llama", "1.51M", "1", "by name ⚠ (file not compared)", "/home/ana/models/mistral-sw.gguf"],
      ["مترجم", "—", "—", "llama", "—", "1", "missing", "was D:\\models\\mutarjim.gguf"],
    ]);
    expect(rows[0].get("code").attributes("title")).toBe(SHA);
    expect(rows[3].get("th").attributes("dir")).toBe("auto");
  });
});

describe("ModelsPanel", () => {
  it("lists what main matched and says how to find the missing ones", async () => {
    const { wrapper } = await mountConnected(ModelsPanel, sessionsMain({ comparisons: [comparison()] }, { matches }));

    expect(wrapper.findAll('[data-testid="model-match"]')).toHaveLength(4);
    expect(wrapper.get('[data-testid="missing-models-hint"]').text()).toMatch(/^1 model is missing: add the file in Models/);
  });
});
