import type { GeneratedToken, TokenAlternative } from "@contract/generation";
import { mount, type VueWrapper } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import TokenView from "./TokenView.vue";

const mounted: VueWrapper[] = [];
afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount();
});

function render(tokens: GeneratedToken[], finalText: string | null = null): VueWrapper {
  const wrapper = mount(TokenView, { props: { tokens, finalText }, attachTo: document.body });
  mounted.push(wrapper);
  return wrapper;
}

/** The tokens a byte-level vocabulary streams for `text`: a character's leading bytes add "", its last byte the character. */
function byteTokens(text: string, logprob = -0.05): GeneratedToken[] {
  return [...text].flatMap((character) => {
    const bytes = [...new TextEncoder().encode(character)];
    return bytes.map((byte, index) => ({ id: byte, text: index === bytes.length - 1 ? character : "", logprob }));
  });
}

const alternative = (id: number, text: string, probability: number): TokenAlternative => ({ id, text, logprob: Math.log(probability) });

const chips = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="token"]');
const chipTexts = (wrapper: VueWrapper) => chips(wrapper).map((chip) => chip.element.textContent);
const popup = (wrapper: VueWrapper) => wrapper.find('[data-testid="token-alternatives"]');
const view = (wrapper: VueWrapper) => wrapper.get('[data-testid="token-view"]');

const RIVER: GeneratedToken[] = [
  {
    id: 101, text: "e", logprob: Math.log(0.9),
    top: [alternative(101, "e", 0.9), alternative(32, " ", 0.05), alternative(97, "a", 0.03), alternative(105, "i", 0.015), alternative(111, "o", 0.005)],
  },
  {
    id: 32, text: " ", logprob: Math.log(0.4),
    top: [alternative(115, "s", 0.45), alternative(32, " ", 0.4), alternative(10, "\n", 0.1), alternative(44, ",", 0.04), alternative(46, ".", 0.01)],
  },
  { id: 116, text: "the", logprob: Math.log(0.06) },
];

describe("TokenView", () => {
  it("renders one chip per token with its text and its probability (what its colour follows)", () => {
    const wrapper = render(RIVER);
    expect(chipTexts(wrapper)).toEqual(["e", " ", "the"]);
    expect(view(wrapper).element.textContent).toBe("e the");
    expect(chips(wrapper).map((chip) => chip.attributes("data-probability"))).toEqual(["0.9000", "0.4000", "0.0600"]);
    expect(chips(wrapper).map((chip) => chip.attributes("aria-label"))).toEqual(["e 90.0%", "  40.0%", "the 6.0%"]);
    expect(chips(wrapper).every((chip) => chip.attributes("tabindex") === "0")).toBe(true);

    // (The colour itself, probabilityColor of data-probability, is checked in Chromium by the E2E spec:
    // happy-dom drops `background` values in the slash syntax.)
  });

  it.each([
    ["Cyrillic", "Привет, мир"],
    ["Arabic", "مرحبا بالعالم"],
    ["Chinese", "你好，世界"],
    ["emoji", "ok 👍🏽"],
  ])("shows %s text that arrives as byte tokens whole, one chip per character", (_, text) => {
    const tokens = byteTokens(text);
    expect(tokens.length).toBeGreaterThan([...text].length);
    const wrapper = render(tokens);
    expect(chipTexts(wrapper)).toEqual([...text]);
    expect(view(wrapper).element.textContent).toBe(text);
    expect(view(wrapper).element.textContent).not.toContain("\uFFFD");
  });

  it("gives a character's chip the product of its byte tokens' probabilities", () => {
    const wrapper = render([{ id: 208, text: "", logprob: Math.log(0.5) }, { id: 191, text: "П", logprob: Math.log(0.8) }]);
    expect(chips(wrapper)).toHaveLength(1);
    expect(chips(wrapper)[0].attributes("data-probability")).toBe("0.4000");
  });

  it("follows the tokens as they stream, then shows the rest of the final text after done", async () => {
    const wrapper = render(RIVER.slice(0, 1));
    expect(chipTexts(wrapper)).toEqual(["e"]);
    await wrapper.setProps({ tokens: RIVER });
    expect(chipTexts(wrapper)).toEqual(["e", " ", "the"]);
    expect(wrapper.find(".ending").exists()).toBe(false);

    // Text held back as the possible start of a stop string arrives only in the final text.
    await wrapper.setProps({ finalText: "e the end" });
    expect(chipTexts(wrapper)).toEqual(["e", " ", "the"]);
    expect(wrapper.get(".ending").text()).toBe("end");
    expect(view(wrapper).element.textContent).toBe("e the end");
  });

  it("shows a new run's tokens when it replaces one of the same length", async () => {
    const wrapper = render(byteTokens("мир"));
    expect(chipTexts(wrapper)).toEqual(["м", "и", "р"]);
    await wrapper.setProps({ tokens: byteTokens("сон") });
    expect(chipTexts(wrapper)).toEqual(["с", "о", "н"]);
    await wrapper.setProps({ tokens: byteTokens("сон и мир") });
    expect(view(wrapper).element.textContent).toBe("сон и мир");
  });

  it("shows a token's alternatives on hover, best first with percentages, the chosen one marked", async () => {
    const wrapper = render(RIVER);
    expect(popup(wrapper).exists()).toBe(false);

    await chips(wrapper)[1].trigger("mouseover");
    const alternatives = popup(wrapper);
    expect(alternatives.attributes("role")).toBe("tooltip");
    expect(alternatives.get(".chosen").text()).toMatch(/^␣\s*#32 · 40\.0% · logprob -0\.916$/);
    const rows = alternatives.findAll('[data-testid="alternative"]');
    expect(rows.map((row) => [row.get(".piece").text(), row.get(".probability").text()])).toEqual([
      ["s", "45.0%"], ["␣", "40.0%"], ["↵", "10.0%"], [",", "4.0%"], [".", "1.0%"],
    ]);
    expect(rows.map((row) => row.classes("picked"))).toEqual([false, true, false, false, false]);

    // Another chip replaces it.
    await chips(wrapper)[0].trigger("mouseover");
    expect(popup(wrapper).findAll('[data-testid="alternative"]').map((row) => row.get(".piece").text())).toEqual(["e", "␣", "a", "i", "o"]);
    expect(popup(wrapper).get(".picked .piece").text()).toBe("e");

    await wrapper.get(".token-view-frame").trigger("mouseleave");
    expect(popup(wrapper).exists()).toBe(false);
  });

  it("says when a token has no alternatives", async () => {
    const wrapper = render(RIVER);
    await chips(wrapper)[2].trigger("mouseover");
    expect(popup(wrapper).findAll('[data-testid="alternative"]')).toHaveLength(0);
    expect(popup(wrapper).text()).toContain("No alternatives were asked for in this run.");
  });

  it("shows the alternatives of every byte of a character's chip", async () => {
    const tokens: GeneratedToken[] = [
      { id: 208, text: "", logprob: Math.log(0.6), top: [alternative(208, "", 0.6), alternative(209, "", 0.3)] },
      { id: 190, text: "о", logprob: Math.log(0.9), top: [alternative(190, "о", 0.9), alternative(176, "а", 0.1)] },
    ];
    const wrapper = render(tokens);
    await chips(wrapper)[0].trigger("mouseover");
    const sections = popup(wrapper).findAll("section");
    expect(sections).toHaveLength(2);
    expect(sections[0].get(".chosen .piece").text()).toBe("‹part of a character›");
    expect(sections[1].get(".chosen .piece").text()).toBe("о");
    expect(sections[1].findAll(".probability").map((cell) => cell.text())).toEqual(["90.0%", "10.0%"]);
  });

  it("shows a focused chip's alternatives, and hides them on Esc or when focus leaves", async () => {
    const wrapper = render(RIVER);
    const [first, second] = chips(wrapper);

    await first.trigger("focusin");
    expect(popup(wrapper).get(".picked .piece").text()).toBe("e");
    await first.trigger("keydown", { key: "Escape" });
    expect(popup(wrapper).exists()).toBe(false);

    // Focus moving to the next chip keeps the popup, now for that chip.
    (first.element as HTMLElement).focus();
    await first.trigger("focusin");
    await first.trigger("focusout", { relatedTarget: second.element });
    expect(popup(wrapper).exists()).toBe(true);
    await second.trigger("focusin");
    expect(popup(wrapper).get(".picked .piece").text()).toBe("␣");

    const outside = document.createElement("button");
    document.body.append(outside);
    await second.trigger("focusout", { relatedTarget: outside });
    expect(popup(wrapper).exists()).toBe(false);
    outside.remove();
  });

  it("shows closed groups as blocks of their own and keeps the open one flowing; the text reads the same", async () => {
    const line: GeneratedToken[] = Array.from({ length: 20 }, (_, index) => ({ id: index, text: index === 19 ? "end.\n" : "the ", logprob: -0.1 }));
    const wrapper = render([...line, { id: 99, text: "next", logprob: -0.2 }]);
    const groups = wrapper.findAll(".token-group");
    expect(groups.map((group) => group.classes().includes("closed"))).toEqual([true, false]);
    expect(view(wrapper).element.textContent).toBe(`${"the ".repeat(19)}end.\nnext`);
  });
});
