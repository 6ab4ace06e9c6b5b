import { AppError } from "@contract/errors";
import { afterEach, describe, expect, it } from "vitest";
import { model } from "../../test/fixtures";
import { fakeMain, mountConnected, settle, unmountAll } from "../../test/mount";
import ModelsView from "./ModelsView.vue";

afterEach(unmountAll);

describe("ModelsView", () => {
  it("lists each model with its metadata in human units", async () => {
    const { wrapper } = await mountConnected(ModelsView, fakeMain());
    const row = wrapper.get('[data-testid="model-row"]');

    expect(row.attributes("data-model-name")).toBe("polyglot-base");
    expect(row.get("h3").text()).toBe("polyglot-base");
    const summary = row.text();
    expect(summary).toContain("polyglot-base.gguf");
    expect(summary).toContain("llama");
    expect(summary).toContain("1.51M");
    expect(summary).toContain("F32");
    expect(summary).toContain("6.00 MiB");
    expect(summary).toContain("2,048");
    expect(summary).toContain("3f2a9c0d1e4b");
    expect(row.get('[data-testid="model-status"]').text()).toBe("unloaded");
  });

  it("shows hashing progress until the hash is known", async () => {
    const { wrapper } = await mountConnected(ModelsView, fakeMain({ models: [model({ sha256: null, hashProgress: 0.42 })] }));
    expect(wrapper.get('[data-testid="model-row"]').text()).toContain("hashing… 42%");
  });

  it("shows load progress, and offers to cancel a load under way", async () => {
    const main = fakeMain({ models: [model({ status: "loading", loadProgress: 0.37 })] });
    const { wrapper } = await mountConnected(ModelsView, main);
    const row = wrapper.get('[data-testid="model-row"]');
    expect(row.get('[data-testid="model-status"]').text()).toBe("loading 37%");
    const cancel = row.findAll("button").find((button) => button.text() === "Cancel load")!;
    await cancel.trigger("click");
    await settle();
    expect(main.callsOf("models.unload")).toEqual([{ id: "m-base" }]);
  });

  it("shows every metadata field and the memory estimate in the details panel", async () => {
    const estimate = { ...model().memory!, fits: false, gpuLayers: 0, totalLayers: 1 };
    const { wrapper } = await mountConnected(ModelsView, fakeMain({ models: [model({ memory: estimate })] }));
    const details = wrapper.get("details");

    expect(details.get("summary").text()).toBe("Details");
    expect(details.get("pre.chat-template").text()).toContain("<|im_start|>");
    const text = details.text();
    for (const expected of [
      "Languages declared", "en, fr, sw", "Tokenizer model", "gpt2", "Vocabulary size", "260",
      "Description", "Byte bigram fixture", "License", "Apache-2.0", "Tensor count", "12", "GGUF version", "3",
      "GPU layers", "0 / 1", "RAM for the model", "RAM for the context", "Free RAM",
    ]) expect(text).toContain(expected);
    expect(details.get('[data-testid="memory-verdict"]').text()).toContain("Does not fit");
  });

  it("shows a model's error inline in its row, naming the file", async () => {
    const broken = model({
      id: "m-corrupt", fileName: "corrupt.gguf", path: "/w/corrupt.gguf", status: "error", metadata: null, memory: null,
      error: { code: "CORRUPT_GGUF", message: "This is not a valid GGUF file: bad magic.", file: "/w/corrupt.gguf" },
    });
    const { wrapper } = await mountConnected(ModelsView, fakeMain({ models: [model(), broken] }));
    const rows = wrapper.findAll('[data-testid="model-row"]');

    expect(rows[0].find('[role="alert"]').exists()).toBe(false);
    const alert = rows[1].get('[role="alert"]');
    expect(alert.text()).toContain("This is not a valid GGUF file: bad magic.");
    expect(alert.text()).toContain("/w/corrupt.gguf");
  });

  it("shows an add error under the path field, naming the file", async () => {
    const main = fakeMain().handle("models.add", () => {
      throw new AppError({ code: "TRUNCATED_GGUF", message: "The file ends before its tensor data.", file: "/data/half.gguf" });
    });
    const { wrapper } = await mountConnected(ModelsView, main);

    await wrapper.get("input#add-model-path").setValue("/data/half.gguf");
    await wrapper.get("form").trigger("submit");
    await settle();

    expect(main.callsOf("models.add")).toEqual([{ paths: ["/data/half.gguf"] }]);
    const alert = wrapper.get("form #add-model-error");
    expect(alert.attributes("role")).toBe("alert");
    expect(alert.text()).toContain("The file ends before its tensor data.");
    expect(alert.text()).toContain("/data/half.gguf");
    expect(wrapper.get("input#add-model-path").attributes("aria-invalid")).toBe("true");
  });

  it("mirrors models.changed snapshots and disables Load while loading", async () => {
    const main = fakeMain().handle("models.load", ({ id }) => {
      main.emit("models.changed", [model({ id, status: "loading" })]);
      return new Promise(() => {}); // still loading
    });
    const { wrapper } = await mountConnected(ModelsView, main);
    const button = (name: string) => wrapper.findAll("button").find((b) => b.text() === name)!;

    expect(button("Load").attributes("disabled")).toBeUndefined();
    await button("Load").trigger("click");
    await settle();

    expect(main.callsOf("models.load")).toEqual([{ id: "m-base" }]);
    expect(wrapper.get('[data-testid="model-status"]').text()).toBe("loading 0%");
    expect(button("Load").attributes("disabled")).toBeDefined();
    expect(button("Unload")).toBeUndefined(); // replaced by "Cancel load" while loading

    main.emit("models.changed", [model({ status: "loaded", contextSize: 2048 })]);
    await settle();
    expect(wrapper.get('[data-testid="model-status"]').text()).toBe("loaded");
  });

  it("offers Browse… only where the host has a file picker, and adds what was picked", async () => {
    const withoutPicker = await mountConnected(ModelsView, fakeMain());
    expect(withoutPicker.wrapper.text()).not.toContain("Browse…");

    const main = fakeMain({ system: { canPickFiles: true } })
      .handle("system.pickModelFiles", () => ["/picked/a.gguf"])
      .handle("models.add", () => ({ added: [model({ id: "m-a", fileName: "a.gguf" })], skipped: [] }));
    const { wrapper } = await mountConnected(ModelsView, main);
    await wrapper.findAll("button").find((b) => b.text() === "Browse…")!.trigger("click");
    await settle();

    expect(main.callsOf("models.add")).toEqual([{ paths: ["/picked/a.gguf"] }]);
    expect(wrapper.get('[role="status"]').text()).toContain("Added 1 model.");
  });

  it("marks model-written text for automatic direction", async () => {
    const arabic = model({ metadata: { name: "نموذج متعدد اللغات", description: "نموذج تجريبي" } });
    const { wrapper } = await mountConnected(ModelsView, fakeMain({ models: [arabic] }));

    const heading = wrapper.get('[data-testid="model-row"] h3');
    expect(heading.text()).toBe("نموذج متعدد اللغات");
    expect(heading.attributes("dir")).toBe("auto");
    const description = wrapper.findAll("dd").find((dd) => dd.text() === "نموذج تجريبي")!;
    expect(description.attributes("dir")).toBe("auto");
  });
  it("marks a tokenizer-only file (no tensors) and offers no Load or Unload for it", async () => {
    const tokenizer = model({ id: "m-spm", fileName: "fixture-spm-tokenizer.gguf", metadata: { name: "fixture-spm-tokenizer", tensorCount: 0 } });
    const { wrapper } = await mountConnected(ModelsView, fakeMain({ models: [model(), tokenizer] }));
    const [checkpoint, vocabulary] = wrapper.findAll('[data-testid="model-row"]');
    const buttons = (row: typeof checkpoint) => row.findAll("button").map((button) => button.text());

    expect(vocabulary.get('[data-testid="tokenizer-only"]').text()).toBe("tokenizer only");
    expect(buttons(vocabulary)).toEqual(["Remove"]);
    expect(checkpoint.find('[data-testid="tokenizer-only"]').exists()).toBe(false);
    expect(buttons(checkpoint)).toEqual(["Load", "Unload", "Remove"]);
  });
});
