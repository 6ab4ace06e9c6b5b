import { afterEach, describe, expect, it } from "vitest";
import { defineComponent } from "vue";
import { model } from "../test/fixtures";
import { fakeMain, mountConnected, unmountAll } from "../test/mount";
import { isTokenizerOnly, useModelsStore } from "./models";

afterEach(unmountAll);

const Host = defineComponent({
  setup() {
    useModelsStore();
    return () => null;
  },
});

const checkpoint = model({ id: "m-base" });
const tokenizer = model({ id: "m-spm", fileName: "fixture-spm-tokenizer.gguf", metadata: { name: "fixture-spm-tokenizer", tensorCount: 0 } });
const corrupt = model({ id: "m-bad", fileName: "bad.gguf", status: "error", metadata: null, memory: null });
const failedLoad = model({ id: "m-oom", status: "error", error: { code: "INSUFFICIENT_MEMORY", message: "Not enough RAM." } });

describe("useModelsStore", () => {
  it("tells models that generate text from those usable as tokenizers", async () => {
    await mountConnected(Host, fakeMain({ models: [checkpoint, tokenizer, corrupt, failedLoad] }));
    const store = useModelsStore();

    expect(store.generativeModels.map((entry) => entry.id)).toEqual(["m-base", "m-oom"]);
    // A failed load leaves the header (and so the vocabulary) readable; a corrupt header does not.
    expect(store.tokenizerModels.map((entry) => entry.id)).toEqual(["m-base", "m-spm", "m-oom"]);
  });

  it("calls a file tokenizer-only when its header is read and holds no tensors", () => {
    expect(isTokenizerOnly(tokenizer)).toBe(true);
    expect(isTokenizerOnly(checkpoint)).toBe(false);
    expect(isTokenizerOnly(corrupt)).toBe(false); // unknown until the header is read
  });
});
