/** The fixture tokenizers written to a test's temp folder and loaded vocab-only, and their token ids by text. */
import type { LlamaModel } from "node-llama-cpp";
import { bpeVocabulary, spmVocabulary, writeFixtureTokenizers } from "../fixtures/fixture-tokenizers";
import { byteToUnicodeTable } from "../llama/gpt2-bytes";
import { loadVocabulary } from "../llama/load-vocabulary";

export interface FixtureTokenizers {
  spm: LlamaModel;
  bpe: LlamaModel;
  paths: { spm: string; bpe: string };
  dispose(): Promise<void>;
}

export async function loadFixtureTokenizers(dir: string): Promise<FixtureTokenizers> {
  const [spmPath, bpePath] = await writeFixtureTokenizers(dir);
  const spm = await loadVocabulary(spmPath);
  const bpe = await loadVocabulary(bpePath);
  return {
    spm, bpe, paths: { spm: spmPath, bpe: bpePath },
    async dispose() {
      await spm.dispose();
      await bpe.dispose();
    },
  };
}

function idIn(texts: string[], text: string): number {
  const id = texts.indexOf(text);
  if (id < 0) throw new Error(`The fixture vocabulary has no token "${text}"`);
  return id;
}

const spmTexts = spmVocabulary().map((entry) => entry.text);
const bpeTexts = bpeVocabulary().entries.map((entry) => entry.text);
const byteTable = byteToUnicodeTable();

/** The SentencePiece fixture's id for a piece written with spaces ("▁" in the vocabulary), or for "<0xE0>", "<s>". */
export function spmId(text: string): number {
  return idIn(spmTexts, text.replaceAll(" ", "\u2581"));
}

/** The BPE fixture's id for a text (written byte-level in the vocabulary), or for a special token. */
export function bpeId(text: string): number {
  if (text.startsWith("<|")) return idIn(bpeTexts, text);
  return idIn(bpeTexts, [...Buffer.from(text, "utf8")].map((byte) => byteTable[byte]).join(""));
}
