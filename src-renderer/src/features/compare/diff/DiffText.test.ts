import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import DiffText from "./DiffText.vue";

const render = (text: string, reference: string | null) => mount(DiffText, { props: { text, reference } });
const marked = (wrapper: ReturnType<typeof render>) => wrapper.findAll("[data-testid=diff-added]").map((mark) => mark.element.textContent);
const root = (wrapper: ReturnType<typeof render>) => wrapper.get("[data-testid=diff-text]");
/** The text as shown, with each marked stretch in [brackets]. */
const shown = (wrapper: ReturnType<typeof render>) =>
  Array.from(root(wrapper).element.childNodes, (node) =>
    node instanceof HTMLElement && node.matches("mark.diff-added") ? `[${node.textContent}]` : node.nodeType === Node.TEXT_NODE ? node.textContent : "",
  ).join("");

describe("DiffText", () => {
  it("marks only the word that differs from the reference", () => {
    const wrapper = render("The dog sat on the mat.", "The cat sat on the mat.");
    expect(root(wrapper).element.textContent).toBe("The dog sat on the mat.");
    expect(marked(wrapper)).toEqual(["dog"]);
    expect(shown(wrapper)).toBe("The [dog] sat on the mat.");
    wrapper.unmount();
  });

  it("marks the Chinese character that differs", () => {
    const wrapper = render("今天天气不好。", "今天天气很好。");
    expect(root(wrapper).element.textContent).toBe("今天天气不好。");
    expect(marked(wrapper)).toEqual(["不"]);
    expect(shown(wrapper)).toBe("今天天气[不]好。");
    wrapper.unmount();
  });

  it("shows nothing of what only the reference has", () => {
    const wrapper = render("The cat sat.", "The big cat sat.");
    expect(shown(wrapper)).toBe("The cat sat.");
    expect(marked(wrapper)).toEqual([]);
    wrapper.unmount();
  });

  it("marks nothing when the text equals the reference", () => {
    const wrapper = render("ذهب الولد إلى المدرسة.", "ذهب الولد إلى المدرسة.");
    expect(root(wrapper).element.textContent).toBe("ذهب الولد إلى المدرسة.");
    expect(wrapper.find("mark").exists()).toBe(false);
    wrapper.unmount();
  });

  it("renders plain text without a reference", () => {
    const wrapper = render("Line one\nسطر ثان", null);
    expect(root(wrapper).element.textContent).toBe("Line one\nسطر ثان");
    expect(wrapper.find("mark").exists()).toBe(false);
    wrapper.unmount();
  });

  it("lets each paragraph take its own direction and keeps newlines", () => {
    const wrapper = render("Hello\n\nمرحبا", "Hello");
    const element = root(wrapper);
    expect(element.attributes("dir")).toBe("auto");
    expect(element.classes()).toContain("bidi-paragraphs");
    expect(element.element.textContent).toBe("Hello\n\nمرحبا");
    expect(shown(wrapper)).toBe("Hello[\n\nمرحبا]");
    wrapper.unmount();
  });

  it("follows changes to its text and reference", async () => {
    const wrapper = render("The dog sat.", "The cat sat.");
    await wrapper.setProps({ text: "The cat ran." });
    expect(marked(wrapper)).toEqual(["ran"]);
    await wrapper.setProps({ reference: null });
    expect(marked(wrapper)).toEqual([]);
    expect(root(wrapper).element.textContent).toBe("The cat ran.");
    wrapper.unmount();
  });
});
