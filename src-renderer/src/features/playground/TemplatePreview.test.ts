import type { PromptPreview, PromptPreviewRequest } from "@contract/prompts";
import type { VueWrapper } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FakeMain } from "../../test/fake-main";
import { mountConnected, settle, unmountAll } from "../../test/mount";
import { button, editor, loadedBase, loadedContinued, playgroundMain } from "./playground-fixtures";
import PlaygroundView from "./PlaygroundView.vue";
import { STARTER_TEMPLATE } from "./template-choices";

// Monaco cannot run in happy-dom (no layout): a textarea stands in for the editor (see the stub).
vi.mock("../../components/monaco/MonacoEditor.vue", () => import("../../components/monaco/monaco-editor-stub"));

afterEach(unmountAll);

/** Longer than the preview's debounce (300 ms). */
async function afterDebounce(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 400));
  await settle();
}

const CHATML = "<|im_start|>user\nBonjour<|im_end|>\n<|im_start|>assistant\n";

function rendered(request: PromptPreviewRequest): PromptPreview {
  const broken = request.customTemplate?.includes("{% for") && !request.customTemplate.includes("{% endfor %}");
  if (broken) {
    return { text: "", specialRanges: [], tokenCount: 0, templateName: "custom Jinja", templateError: { message: "Expected '{% endfor %}'", line: 2, column: 5 } };
  }
  return {
    text: CHATML, specialRanges: [[0, 12], [24, 34], [35, 47]], tokenCount: 11,
    templateName: request.customTemplate ? "custom Jinja" : "ChatML", templateError: null,
  };
}

async function openPreview(main: FakeMain): Promise<VueWrapper> {
  const { wrapper } = await mountConnected(PlaygroundView, main);
  await wrapper.get('input[type="radio"][value="chat"]').setValue(true);
  await editor(wrapper, "Message 1").setValue("{{greeting}}");
  await wrapper.get('textarea[aria-label="{{greeting}} in row 1"]').setValue("Bonjour");
  const details = wrapper.get<HTMLDetailsElement>('[data-testid="template-preview"]');
  details.element.open = true;
  await details.trigger("toggle");
  return wrapper;
}

const preview = (wrapper: VueWrapper) => wrapper.get('[data-testid="template-preview"]');

describe("Template preview", () => {
  it("shows the exact prompt for the first chosen model and the first filled row, special tokens marked", async () => {
    const main = playgroundMain([loadedBase, loadedContinued]).handle("prompts.preview", rendered);
    const wrapper = await openPreview(main);
    await wrapper.get<HTMLSelectElement>('[data-testid="template-preview"] select').setValue("chatml");
    await afterDebounce();

    // One call for the settled request (the edits above came within the debounce).
    expect(main.callsOf("prompts.preview")).toEqual([{
      modelId: "m-base", mode: "chat", text: "", messages: [{ role: "user", content: "Bonjour" }], chatTemplate: "chatml", customTemplate: null,
    }]);
    expect(preview(wrapper).get('[data-testid="preview-summary"]').text()).toBe("ChatML · 11 tokens for polyglot-base");
    expect(preview(wrapper).get("pre").element.textContent).toBe(CHATML);
    expect(preview(wrapper).findAll('[data-testid="special-token"]').map((mark) => mark.text())).toEqual(["<|im_start|>", "<|im_end|>", "<|im_start|>"]);
  });

  it("points at the line of an error in a custom template, and renders once it is fixed", async () => {
    const main = playgroundMain().handle("prompts.preview", rendered);
    const wrapper = await openPreview(main);
    await wrapper.get<HTMLSelectElement>('[data-testid="template-preview"] select').setValue("custom");
    const custom = editor(wrapper, "Custom chat template");
    expect(custom.element.value).toBe(STARTER_TEMPLATE);
    expect(custom.element.closest("[data-language]")!.getAttribute("data-language")).toBe("twig");

    await custom.setValue("{% for message in messages %}\n{{ message.content }");
    await afterDebounce();
    expect(main.callsOf("prompts.preview").at(-1)).toMatchObject({ customTemplate: "{% for message in messages %}\n{{ message.content }" });
    expect(preview(wrapper).get('[data-testid="template-error"]').text()).toBe("line 2: Expected '{% endfor %}'");
    expect(preview(wrapper).get(".editor-marker").attributes("data-line")).toBe("2");
    expect(preview(wrapper).find("pre").exists()).toBe(false);

    await custom.setValue("{% for message in messages %}\n{{ message.content }}{% endfor %}");
    await afterDebounce();
    expect(preview(wrapper).find('[data-testid="template-error"]').exists()).toBe(false);
    expect(preview(wrapper).find(".editor-marker").exists()).toBe(false);
    expect(preview(wrapper).get('[data-testid="preview-summary"]').text()).toContain("custom Jinja");
    expect(preview(wrapper).findAll('[data-testid="special-token"]')).toHaveLength(3);
  });

  it("sends the custom template with the runs, and the chosen one again once another is picked", async () => {
    const main = playgroundMain().handle("prompts.preview", rendered).handle("generation.start", () => ({ runId: "run-1" }));
    const wrapper = await openPreview(main);
    const select = wrapper.get<HTMLSelectElement>('[data-testid="template-preview"] select');
    await select.setValue("custom");
    await button(wrapper, "Run").trigger("click");
    await settle();
    await select.setValue("gemma");
    await button(wrapper, "Stop").trigger("click");
    await settle();
    await button(wrapper, "Run").trigger("click");
    await settle();

    const [first, second] = main.callsOf("generation.start") as Record<string, unknown>[];
    expect(first).toMatchObject({ chatTemplate: "model", customTemplate: STARTER_TEMPLATE });
    expect(second).toMatchObject({ chatTemplate: "gemma" });
    expect(second).not.toHaveProperty("customTemplate");
  });

  it("asks nothing while closed", async () => {
    const main = playgroundMain().handle("prompts.preview", rendered);
    const { wrapper } = await mountConnected(PlaygroundView, main);
    await editor(wrapper, "Prompt").setValue("Hello");
    await afterDebounce();
    expect(main.callsOf("prompts.preview")).toEqual([]);
  });
});
