/**
 * What each token of a vocabulary stands for: its exact bytes (what llama.cpp's token_to_piece
 * gives, special tokens rendered), its kind, and a printable piece. Derived from the vocabulary
 * text by llama.cpp's own rules (llama-vocab.cpp), computed once per token and model.
 */
import type { LlamaModel, Token } from "node-llama-cpp";
import type { TokenKind } from "../contract/tokenize";
import { unicodeToByteTable } from "./gpt2-bytes";
import { vocabularyAddon } from "./vocabulary-addon";

export interface TokenFacts {
  kind: TokenKind;
  bytes: Uint8Array;
  /** `bytes` as text; bytes that are not part of a whole UTF-8 character are written `<0xE3>`. */
  piece: string;
}

export interface TokenPieces {
  info(id: Token): TokenFacts;
}

const byModel = new WeakMap<LlamaModel, TokenPieces>();

export function tokenPiecesOf(model: LlamaModel): TokenPieces {
  let pieces = byModel.get(model);
  if (!pieces) {
    pieces = cachedPieces(model);
    byModel.set(model, pieces);
  }
  return pieces;
}

function cachedPieces(model: LlamaModel): TokenPieces {
  const bytesOf = tokenBytesReader(model);
  const known: (TokenFacts | undefined)[] = []; // by id: faster than a Map over millions of lookups
  return {
    info(id) {
      return (known[id] ??= tokenFacts(model, id, bytesOf));
    },
  };
}

function tokenFacts(model: LlamaModel, id: Token, bytesOf: (id: Token, attributes: Attributes) => Uint8Array): TokenFacts {
  const attributes = model.getTokenAttributes(id);
  const bytes = bytesOf(id, attributes);
  return { kind: kindOf(attributes, bytes), bytes, piece: printable(bytes) };
}

type Attributes = ReturnType<LlamaModel["getTokenAttributes"]>;

function kindOf(attributes: Attributes, bytes: Uint8Array): TokenKind {
  if (attributes.control) return "control";
  if (attributes.userDefined) return "user-defined";
  if (attributes.unknown) return "unknown";
  if (attributes.byte) return "byte";
  // Unused and undefined tokens have no text (llama.cpp prints nothing for them), like control tokens.
  if (!attributes.normal) return "control";
  return isWholeUtf8(bytes) ? "normal" : "partial";
}

const encoder = new TextEncoder();
const SPACE_MARK = /\u2581/g; // SentencePiece's "▁", which stands for a space

/** token_to_piece(token, special = true, lstrip = 0) for the model's vocabulary type. */
function tokenBytesReader(model: LlamaModel): (id: Token, attributes: Attributes) => Uint8Array {
  const addon = vocabularyAddon(model);
  const textOf = (id: Token) => addon.getTokenString(id) ?? "";
  const asIs = (id: Token) => encoder.encode(textOf(id));
  const byteOf = (id: Token) => Uint8Array.of(parseInt(textOf(id).slice(3, 5), 16)); // "<0xE3>"
  const unescaped = (id: Token) => encoder.encode(textOf(id).replace(SPACE_MARK, " "));
  const type = model.vocabularyType as string;

  if (type === "spm" || type === "ugm" || type === "wpm" || type === "bpe") {
    const normal = type !== "bpe" || escapesWhitespace(model, textOf) ? unescaped : byteLevelDecoder(textOf);
    return (id, attributes) => {
      if (attributes.control || attributes.unknown || attributes.userDefined) return asIs(id);
      if (attributes.normal) return normal(id);
      if (attributes.byte && type !== "wpm") return byteOf(id);
      return new Uint8Array(0);
    };
  }
  if (type === "plamo2") {
    return (id, attributes) => (attributes.byte && /^<0x[0-9A-Fa-f]{2}>$/.test(textOf(id)) ? byteOf(id) : asIs(id));
  }
  // RWKV's escaped vocabulary and vocabulary-less models: the text as stored (not met in GGUFs we read).
  return asIs;
}

/**
 * Whether a BPE vocabulary writes spaces as "▁" (Gemma 4) rather than byte-level (GPT-2, Llama-3,
 * Qwen2): llama.cpp decides it from the pre-tokenizer's name; its tokenization of a space shows it.
 */
function escapesWhitespace(model: LlamaModel, textOf: (id: Token) => string): boolean {
  return model.tokenize(" ", false).some((id) => textOf(id).includes("\u2581") || model.getTokenAttributes(id).byte);
}

/** llama_decode_text: each character of a byte-level token stands for one byte (GPT-2's table). */
function byteLevelDecoder(textOf: (id: Token) => string): (id: Token) => Uint8Array {
  const byteOfChar = unicodeToByteTable();
  return (id) => {
    const text = textOf(id);
    const bytes: number[] = [];
    for (const char of text) {
      const byte = byteOfChar.get(char.codePointAt(0)!);
      if (byte !== undefined) bytes.push(byte);
      else bytes.push(...encoder.encode(`[UNK_BYTE_0x${hex(encoder.encode(char))}${text}]`)); // as llama.cpp writes it
    }
    return Uint8Array.from(bytes);
  };
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** How many bytes the UTF-8 character starting at `at` has, or 0 when no whole character starts there. */
export function utf8CharLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at];
  if (lead < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0; // no overlong forms
    if (lead === 0xed) high = 0x9f; // no surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f; // nothing above U+10FFFF
  } else return 0;
  if (at + length > bytes.length) return 0;
  if (bytes[at + 1] < low || bytes[at + 1] > high) return 0;
  for (let i = at + 2; i < at + length; i++) if (bytes[i] < 0x80 || bytes[i] > 0xbf) return 0;
  return length;
}

function isWholeUtf8(bytes: Uint8Array): boolean {
  for (let at = 0; at < bytes.length; ) {
    const length = utf8CharLength(bytes, at);
    if (length === 0) return false;
    at += length;
  }
  return true;
}

const decoder = new TextDecoder("utf-8", { ignoreBOM: true }); // a token may be a byte-order mark

function printable(bytes: Uint8Array): string {
  let text = "";
  let from = 0; // start of the run of whole characters not yet written
  for (let at = 0; at < bytes.length; ) {
    const length = utf8CharLength(bytes, at);
    if (length > 0) {
      at += length;
      continue;
    }
    text += decoder.decode(bytes.subarray(from, at)) + `<0x${bytes[at].toString(16).toUpperCase().padStart(2, "0")}>`;
    from = ++at;
  }
  return text + decoder.decode(bytes.subarray(from));
}
