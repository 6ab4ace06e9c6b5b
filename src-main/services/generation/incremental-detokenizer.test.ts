import type { LlamaModel } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOS_ID } from "../../fixtures/byte-vocabulary";
import { asTokens, textToIds } from "../../test-support/bigram-oracle";
import { writeFixtures } from "../../test-support/fixture-files";
import { loadLlamaModel } from "../../test-support/fixture-llama";
import { useTempDir } from "../../test-support/temp-dir";
import { IncrementalDetokenizer } from "./incremental-detokenizer";

const tmp = useTempDir("detokenizer");
let model: LlamaModel;

beforeAll(async () => {
  const { continued } = await writeFixtures(tmp.path);
  model = await loadLlamaModel(continued);
});
afterAll(async () => {
  await model?.dispose();
});

/** Streams `ids` through a fresh detokenizer: the piece each token yields, then what flush gives. */
function stream(ids: number[]): { pieces: string[]; flushed: string } {
  const detokenizer = new IncrementalDetokenizer(model, asTokens([BOS_ID]));
  const pieces = asTokens(ids).map((id) => detokenizer.push(id));
  return { pieces, flushed: detokenizer.flush() };
}

describe("IncrementalDetokenizer on a byte-level vocabulary", () => {
  const texts = {
    Cyrillic: "Река течёт мимо старой мельницы.",
    Arabic: "يمر النهر بجانب الطاحونة القديمة.",
    CJK: "河流经过旧磨坊。",
    Devanagari: "नदी पुरानी चक्की के पास से बहती है।",
    emoji: "River 🌊 mill 🏚️!",
  };

  it.each(Object.entries(texts))("streams %s text with whole characters only: each completes on its last byte", (_script, text) => {
    const { pieces, flushed } = stream(textToIds(text));
    expect(pieces.join("")).toBe(text);
    expect(flushed).toBe("");
    expect(pieces.some((piece) => piece.includes("\uFFFD"))).toBe(false);
    // A character of n bytes gives n-1 empty pieces, then the character itself.
    const expected = [...text].flatMap((char) => [...Array<string>(Buffer.byteLength(char) - 1).fill(""), char]);
    expect(pieces).toEqual(expected);
  });

  it("yields nothing for the first byte of a 2-byte character and the whole character on the second", () => {
    const [first, second] = asTokens(textToIds("ж"));
    const detokenizer = new IncrementalDetokenizer(model, asTokens([BOS_ID]));
    expect(detokenizer.push(first)).toBe("");
    expect(detokenizer.push(second)).toBe("ж");
  });

  it("flushes an incomplete character at the end as a replacement character", () => {
    const ids = textToIds("да");
    const { pieces, flushed } = stream([...ids, ids[0]]);
    expect(pieces.join("")).toBe("да");
    expect(flushed).toBe("\uFFFD");
  });

  it("passes invalid bytes on as the replacement characters a UTF-8 decoder gives", () => {
    const sequences = [[0xff, 0x61], [0xff, 0xff, 0xff, 0xff, 0xff, 0x62], [0xe4, 0xbd, 0x61], [0x61, 0xd0, 0xd0, 0xb6]];
    for (const ids of sequences) {
      const { pieces, flushed } = stream(ids);
      expect(pieces.join("") + flushed, JSON.stringify(ids)).toBe(Buffer.from(ids).toString("utf8"));
    }
  });
});
