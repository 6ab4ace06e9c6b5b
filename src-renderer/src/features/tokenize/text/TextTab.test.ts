import type { TokenizeResult } from "@contract/tokenize";
import type { DOMWrapper, VueWrapper } from "@vue/test-utils";
import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it, vi } from "vitest";
import { spyOnDownloads } from "../../../test/downloads";
import type { FakeMain } from "../../../test/fake-main";
import { fakeMain, mountConnected, settle, unmountAll } from "../../../test/mount";
import { BROKEN_ERROR, LAB_MODELS, TEXT, TEXT_COUNTS, tokenizationFor } from "../tokenize-fixtures";
import TokenizeView from "../TokenizeView.vue";

afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

/** Main answering tokenize.text for the lab models from the fixtures. */
function labMain(): FakeMain {
  return fakeMain({ models: LAB_MODELS }).handle("tokenize.text", ({ modelIds, addSpecial }) => ({
    counts: TEXT_COUNTS, results: modelIds.map((id) => tokenizationFor(id, addSpecial)),
  }));
}

const card = (wrapper: VueWrapper, modelId: string) => wrapper.get(`[data-testid="tokenization"][data-model-id="${modelId}"]`);
/** Anything chips can be found in (a card as `get` returns it). */
type Scope = Pick<DOMWrapper<Element>, "findAll">;
const chips = (scope: Scope) => scope.findAll('[data-testid="token-chip"]');
const pieces = (scope: Scope) => chips(scope).map((chip) => chip.get(".piece").text());

const button = (wrapper: VueWrapper, name: string) => wrapper.findAll("button").find((b) => b.text() === name)!;

/** Types the text and presses Tokenize (typing alone tokenizes after a pause; see the test for that). */
async function tokenize(wrapper: VueWrapper, text = TEXT): Promise<void> {
  await wrapper.get('[data-testid="tokenize-text"]').setValue(text);
  await wrapper.get("form.text-form").trigger("submit");
  await settle();
}

describe("Tokenizers view, text mode", () => {
  it("offers every model whose header was read, all ticked, and tokenizes after a pause in typing", async () => {
    const main = labMain();
    const { wrapper } = await mountConnected(TokenizeView, main);

    const picker = wrapper.get('[data-testid="tokenizer-picker"]');
    expect(picker.findAll("label").map((label) => label.text())).toEqual(["fixture-spm-tokenizer", "fixture-bpe-tokenizer", "lossy-wpm", "broken"]);
    expect(picker.findAll<HTMLInputElement>("input").every((input) => input.element.checked)).toBe(true);
    expect(picker.text()).toContain("llama · tokenizer only");

    await wrapper.get('[data-testid="tokenize-text"]').setValue("Hi");
    await wrapper.get('[data-testid="tokenize-text"]').setValue(TEXT);
    await settle();
    expect(main.callsOf("tokenize.text")).toEqual([]); // still typing

    await new Promise((resolve) => setTimeout(resolve, 400));
    await settle();
    expect(main.callsOf("tokenize.text")).toEqual([{ text: TEXT, modelIds: ["m-spm", "m-bpe", "m-wpm", "m-broken"], addSpecial: false, parseSpecial: false }]);
    expect(wrapper.findAll('[data-testid="tokenization"]')).toHaveLength(4);
  });

  it("sends the ticked tokenizers and the special-token options", async () => {
    const main = labMain();
    const { wrapper } = await mountConnected(TokenizeView, main);
    const picker = wrapper.get('[data-testid="tokenizer-picker"]');
    await picker.findAll("input")[2].setValue(false);
    await picker.findAll("input")[3].setValue(false);
    const option = (text: string) => wrapper.findAll("label").find((label) => label.text() === text)!.get("input");
    await option("Add special tokens (BOS/EOS)").setValue(true);
    await option("Parse special-token text").setValue(true);
    await tokenize(wrapper);

    expect(main.callsOf("tokenize.text").at(-1)).toEqual({ text: TEXT, modelIds: ["m-spm", "m-bpe"], addSpecial: true, parseSpecial: true });
    // With add special, the SPM tokenizer's BOS leads, marked as a control token.
    const first = chips(card(wrapper, "m-spm"))[0];
    expect(first.attributes("data-kind")).toBe("control");
    expect(first.attributes("data-icon")).toBe("◆");
  });

  it("shows each token as a chip with its kind marked by class and icon, whitespace made visible", async () => {
    const { wrapper } = await mountConnected(TokenizeView, labMain());
    await tokenize(wrapper);

    const spm = card(wrapper, "m-spm");
    expect(pieces(spm)).toEqual(["Hi", "·", "<0xE0>", "<0xB8>", "<0x81>"]);
    expect(chips(spm).map((chip) => [chip.attributes("data-id"), chip.attributes("data-kind"), chip.classes()])).toEqual([
      ["412", "normal", ["token-chip", "kind-normal"]],
      ["35", "normal", ["token-chip", "kind-normal"]],
      ["227", "byte", ["token-chip", "kind-byte"]],
      ["187", "byte", ["token-chip", "kind-byte"]],
      ["132", "byte", ["token-chip", "kind-byte"]],
    ]);
    expect(chips(spm).map((chip) => chip.attributes("data-icon"))).toEqual(["", "", "#", "#", "#"]);
    expect(chips(spm)[1].get(".mark").text()).toBe("·"); // the space, drawn muted as a mark
    expect(card(wrapper, "m-spm").get('[data-testid="token-count"]').text()).toBe("5 tokens");

    const bpe = card(wrapper, "m-bpe");
    expect(pieces(bpe)).toEqual(["Hi", "·", "<0xE0><0xB8>", "<0x81>"]);
    expect(chips(bpe).map((chip) => chip.attributes("data-kind"))).toEqual(["normal", "normal", "partial", "partial"]);
    expect(chips(bpe).map((chip) => chip.attributes("data-icon"))).toEqual(["", "", "½", "½"]);
    expect(chips(card(wrapper, "m-wpm")).map((chip) => chip.attributes("data-kind"))).toEqual(["normal", "unknown"]);
  });

  it("says when main described only the first tokens of a long text, and counts them all", async () => {
    const main = fakeMain({ models: LAB_MODELS }).handle("tokenize.text", ({ modelIds, addSpecial }) => ({
      counts: TEXT_COUNTS,
      results: modelIds.map((id) => {
        const result = tokenizationFor(id, addSpecial);
        // As main answers a text of 6,001 tokens: every id, the first ones described.
        return { ...result, ids: Array.from({ length: 6001 }, (_, index) => index), cost: { ...result.cost, tokens: 6001 } };
      }),
    }));
    const { wrapper } = await mountConnected(TokenizeView, main);
    await tokenize(wrapper);
    const spm = card(wrapper, "m-spm");
    expect(chips(spm)).toHaveLength(5);
    expect(spm.get(".clipped").text()).toBe("Showing the first 5 tokens of 6,001; the figures count them all.");
    expect(spm.get('[data-testid="token-count"]').attributes("data-count")).toBe("6001");
  });

  it("switches the chips between pieces and ids", async () => {
    const { wrapper } = await mountConnected(TokenizeView, labMain());
    await tokenize(wrapper);
    const spm = card(wrapper, "m-spm");
    expect(spm.get(".token-chips").classes()).toContain("show-pieces");
    expect(chips(spm).map((chip) => chip.get(".id").text())).toEqual(["412", "35", "227", "187", "132"]);

    await wrapper.findAll("label").find((label) => label.text() === "ids")!.get("input").setValue(true);
    expect(spm.get(".token-chips").classes()).toContain("show-ids");
  });

  it("lays each line of chips out in its text's direction, automatic where tokens have no place in the text", async () => {
    const { wrapper } = await mountConnected(TokenizeView, labMain());
    await tokenize(wrapper);
    expect(card(wrapper, "m-spm").findAll(".chip-line").map((line) => line.attributes("dir"))).toEqual(["ltr"]);
    expect(card(wrapper, "m-wpm").findAll(".chip-line").map((line) => line.attributes("dir"))).toEqual(["auto"]);
    expect(wrapper.get('[data-testid="tokenize-text"]').attributes("dir")).toBe("auto");
  });

  it("explains every kind in a legend, each with the look its chips have", async () => {
    const { wrapper } = await mountConnected(TokenizeView, labMain());
    await tokenize(wrapper);
    const entries = wrapper.get('[data-testid="kind-legend"]').findAll(".entry");
    expect(entries.map((entry) => entry.get("dt").text())).toEqual([
      "ab Text", "ab Byte fallback", "ab Partial character", "ab Control / special", "ab User-defined", "ab Unknown", "·↵→ Whitespace",
    ]);
    const byte = entries[1];
    expect(byte.get(".token-chip").classes()).toContain("kind-byte");
    expect(byte.get(".token-chip").attributes("data-icon")).toBe("#");
    expect(byte.get("dd").text()).toContain("<0xE3>");
  });

  it("shows a token's id, piece, bytes, kind and offsets when it is pointed at or focused", async () => {
    const { wrapper } = await mountConnected(TokenizeView, labMain());
    await tokenize(wrapper);
    const spm = card(wrapper, "m-spm");
    expect(spm.get('[data-testid="token-details"]').text()).toContain("Point at or focus a token");

    await chips(spm)[2].trigger("focusin");
    expect(spm.get('[data-testid="token-details"]').text()).toBe("Token 3: id 227 · “<0xE0>” · 1 byte · Byte fallback · offsets 3–4");
    await chips(spm)[1].trigger("mouseover");
    expect(spm.get('[data-testid="token-details"]').text()).toBe("Token 2: id 35 · “·” · 1 byte · Text · offsets 2–3");
    expect(chips(spm)[0].attributes("aria-label")).toBe("id 412 · “Hi” · 2 bytes · Text · offsets 0–2");
    expect(chips(spm)[0].attributes("tabindex")).toBe("0");
  });

  it("checks the round trip: ✓ when the tokens detokenize to the input, else ✗ with the first differing character", async () => {
    const { wrapper } = await mountConnected(TokenizeView, labMain());
    await tokenize(wrapper);

    const ok = card(wrapper, "m-spm").get('[data-testid="round-trip"]');
    expect(ok.attributes("data-round-trips")).toBe("true");
    expect(ok.text()).toBe("✓ Round-trips: the tokens detokenize to the input exactly.");

    // "Hi ก" came back as "hi [UNK]": the first character differs.
    const lossy = card(wrapper, "m-wpm").get('[data-testid="round-trip"]');
    expect(lossy.attributes("data-round-trips")).toBe("false");
    expect(lossy.attributes("data-position")).toBe("1");
    expect(lossy.get("p").text()).toContain("differs from the input at character 1.");
    expect(lossy.findAll("mark").map((mark) => mark.text())).toEqual(["H", "h"]);
    expect(lossy.findAll("dd").map((dd) => dd.text())).toEqual(["Hi ก", "hi [UNK]"]);
    expect(lossy.get('[data-testid="detokenized"]').text()).toBe("hi [UNK]");
  });

  it("tables each tokenizer's cost on the text, and the text's own counts", async () => {
    const { wrapper } = await mountConnected(TokenizeView, labMain());
    await tokenize(wrapper);

    expect(wrapper.get('[data-testid="text-counts"]').text()).toBe("The text: 2 words · 4 characters · 6 bytes (UTF-8)");
    const row = (modelId: string) => wrapper.get(`[data-testid="text-metrics-row"][data-model-id="${modelId}"]`);
    const cells = (modelId: string) => row(modelId).findAll("td").map((cell) => cell.text().replace(/\s+/g, " "));
    // SPM: 5 tokens / 2 words, / 4 characters; 6 bytes / 5 tokens; 3 byte tokens of 5.
    expect(cells("m-spm")).toEqual(["5", "2.50", "1.25", "1.20", "60.0% (3)"]);
    // BPE: 4 tokens; 2 partial tokens of 4.
    expect(cells("m-bpe")).toEqual(["4", "2.00", "1.00", "1.50", "50.0% (2)"]);
    expect(cells("m-broken")).toEqual(["could not tokenize (see below)"]);
  });

  it("shows a tokenizer's error in its place while the others show their tokens", async () => {
    const { wrapper } = await mountConnected(TokenizeView, labMain());
    await tokenize(wrapper);

    const broken = card(wrapper, "m-broken");
    expect(broken.get('[role="alert"]').text()).toBe(`${BROKEN_ERROR.message}File: ${BROKEN_ERROR.file}`);
    expect(broken.find('[data-testid="token-chip"]').exists()).toBe(false);
    expect(broken.find('[data-testid="token-count"]').exists()).toBe(false);
    expect(chips(card(wrapper, "m-spm"))).toHaveLength(5);
  });

  it("shows the latest request's answer when answers arrive out of order", async () => {
    const pending: { text: string; resolve: (result: TokenizeResult) => void }[] = [];
    const main = fakeMain({ models: LAB_MODELS }).handle("tokenize.text", ({ text }) =>
      new Promise<TokenizeResult>((resolve) => pending.push({ text, resolve })));
    const { wrapper } = await mountConnected(TokenizeView, main);
    const answer = (text: string, modelId: string) => ({ counts: TEXT_COUNTS, results: [{ ...tokenizationFor(modelId, false), detokenized: text }] });

    await tokenize(wrapper, "first");
    await tokenize(wrapper, "second");
    expect(pending.map((request) => request.text)).toEqual(["first", "second"]);
    pending[1].resolve(answer("second", "m-bpe"));
    await settle();
    pending[0].resolve(answer("first", "m-spm"));
    await settle();

    expect(wrapper.findAll('[data-testid="tokenization"]').map((entry) => entry.attributes("data-model-id"))).toEqual(["m-bpe"]);
    expect(wrapper.find('[role="status"]').exists()).toBe(false); // no "Tokenizing…" left behind
  });

  it("exports the metrics table and the described tokens as CSV, row for row as main answered, and says what it saved", async () => {
    const saved = spyOnDownloads();
    const main = labMain();
    const { wrapper } = await mountConnected(TokenizeView, main);
    await tokenize(wrapper);
    const answered = (main.callsOf("tokenize.text").at(-1) as { modelIds: string[] }).modelIds.map((id) => tokenizationFor(id, false));

    await button(wrapper, "Export CSV").trigger("click");
    await settle();
    expect(wrapper.get('[data-testid="text-export-result"]').text()).toBe("Saved text-metrics.csv (4 records)");
    await button(wrapper, "Export tokens CSV").trigger("click");
    await settle();
    expect(wrapper.get('[data-testid="text-export-result"]').text()).toBe("Saved text-tokens.csv (11 records)");
    expect(saved.map((file) => [file.name, file.type])).toEqual([["text-metrics.csv", "text/csv"], ["text-tokens.csv", "text/csv"]]);

    const metrics: Record<string, string>[] = parse(await saved[0].text, { columns: true });
    expect(metrics.map((row) => [row.model_id, row.tokenizer, row.vocabulary_type, row.tokens, row.byte_fallback_tokens, row.round_trips])).toEqual(
      answered.map(({ tokenizer, cost, roundTrips, error }) => error
        ? [tokenizer.modelId, tokenizer.name, tokenizer.vocabularyType, "", "", ""]
        : [tokenizer.modelId, tokenizer.name, tokenizer.vocabularyType, String(cost.tokens), String(cost.byteFallbackTokens), roundTrips ? "yes" : "no"]),
    );
    // The SPM row as the table shows it (2.50, 1.25, 1.20, 60.0%), unrounded for a spreadsheet; the text's own counts on every row.
    expect(metrics[0]).toMatchObject({ words: "2", characters: "4", bytes: "6", tokens_per_word: "2.5", tokens_per_character: "1.25", bytes_per_token: "1.2", byte_fallback_share: "0.6", error: "" });
    expect(metrics[3].error).toBe(BROKEN_ERROR.message);

    const tokens: Record<string, string>[] = parse(await saved[1].text, { columns: true });
    expect(tokens.map((row) => [row.model_id, row.index, row.id, row.piece, row.kind, row.bytes, row.start, row.end])).toEqual(
      answered.flatMap(({ tokenizer, tokens: described }) => described.map((token, index) => [
        tokenizer.modelId, String(index), String(token.id), token.piece, token.kind, String(token.bytes), String(token.start ?? ""), String(token.end ?? ""),
      ])),
    );
    expect(tokens[1]).toMatchObject({ tokenizer: "fixture-spm-tokenizer", piece: " ", start: "2", end: "3" }); // the space survives
  });
});
