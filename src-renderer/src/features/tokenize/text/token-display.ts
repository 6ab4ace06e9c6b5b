/** How a token is drawn as a chip: its kind's look and explanation, visible whitespace, lines, details. */
import type { TokenKind, TokenPiece } from "@contract/tokenize";
import { plural } from "../../../lib/plural";

/** Chips drawn at most per tokenizer: plenty for any paragraph; a book-length paste would stall the page (the figures count every token). */
export const MAX_CHIPS = 3000;

export interface KindInfo {
  label: string;
  description: string;
  /** A mark drawn on the chip besides its colour and border, so the kind does not rest on colour alone. */
  icon: string;
}

/** Every kind, in the legend's order; each has a colour and a border style of its own (see token-chip.css). */
export const KIND_INFO: Record<TokenKind, KindInfo> = {
  normal: { label: "Text", description: "Whole characters of the text.", icon: "" },
  byte: { label: "Byte fallback", description: "One byte of a character the vocabulary lacks, written <0xE3>; several make up the character.", icon: "#" },
  partial: { label: "Partial character", description: "Byte-level token holding only part of a character's UTF-8 bytes.", icon: "½" },
  control: { label: "Control / special", description: "Special token such as BOS, EOS or <|im_start|>; not text.", icon: "◆" },
  "user-defined": { label: "User-defined", description: "Token added to the vocabulary as text, matched before the tokenizer runs.", icon: "+" },
  unknown: { label: "Unknown", description: "The vocabulary's unknown token: the text it stands for is lost.", icon: "?" },
};

export const TOKEN_KINDS = Object.keys(KIND_INFO) as TokenKind[];

/** Whitespace and control characters drawn as marks: · space, ↵ newline, → tab; others as Unicode's control pictures. */
const VISIBLE: Record<string, string> = { " ": "·", "\n": "↵", "\t": "→", "\r": "␍", "\u00A0": "⍽" };

export interface PieceSegment {
  text: string;
  /** Drawn as a mark for whitespace or a control character, not as the character itself. */
  mark: boolean;
}

function visibleCharacter(character: string): string | null {
  if (character in VISIBLE) return VISIBLE[character];
  const code = character.codePointAt(0)!;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  return code === 0x7f ? "␡" : null;
}

/** A piece split into runs of text and runs of marks, so marks can be drawn apart (muted) from a real "·". */
export function pieceSegments(piece: string): PieceSegment[] {
  const segments: PieceSegment[] = [];
  for (const character of piece) {
    const shown = visibleCharacter(character);
    const mark = shown !== null;
    const last = segments.at(-1);
    if (last && last.mark === mark) last.text += shown ?? character;
    else segments.push({ text: shown ?? character, mark });
  }
  return segments;
}

/** The piece with its whitespace made visible, in one string (for labels and the details line). */
export function visiblePiece(piece: string): string {
  return pieceSegments(piece).map((segment) => segment.text).join("");
}

export interface IndexedToken {
  index: number;
  token: TokenPiece;
}

/** The tokens in lines as the text has them: a line ends after a token holding a newline. */
export function tokenLines(tokens: readonly TokenPiece[]): IndexedToken[][] {
  const lines: IndexedToken[][] = [[]];
  tokens.forEach((token, index) => {
    lines.at(-1)!.push({ index, token });
    if (token.piece.includes("\n")) lines.push([]);
  });
  if (lines.length > 1 && lines.at(-1)!.length === 0) lines.pop();
  return lines;
}

/** Letters of the scripts written right to left (their characters are bidi class R or AL). */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Samaritan}\p{Script=Mandaic}]/u;

/**
 * The direction of the text a line of chips stands for, by its first letter (as dir="auto" decides),
 * or null when its tokens have no place in the text or it has no letter. Taken from the input, not
 * the pieces: an Arabic line cut into byte tokens ("<0xD9>") still reads right to left.
 */
export function lineDirection(text: string, line: readonly IndexedToken[]): "ltr" | "rtl" | null {
  const placed = line.flatMap(({ token }) => (token.start === null || token.end === null ? [] : [token]));
  if (placed.length === 0) return null;
  const start = Math.min(...placed.map((token) => token.start!));
  const end = Math.max(...placed.map((token) => token.end!));
  const letter = text.slice(start, end).match(/\p{L}/u)?.[0];
  if (letter === undefined) return null;
  return RTL_LETTER.test(letter) ? "rtl" : "ltr";
}

/** Where a token is in the text: "characters 3–5" (UTF-16 offsets, end exclusive), or why it has no place. */
export function tokenPlace(token: Pick<TokenPiece, "start" | "end" | "kind">): string {
  if (token.start === null || token.end === null) return token.kind === "control" ? "added around the text" : "no place in the text (lossy)";
  return `offsets ${token.start}–${token.end}`;
}

/** Everything about a token in one line: what the chip's details and its accessible name say. */
export function describeToken(token: TokenPiece): string {
  return `id ${token.id} · “${visiblePiece(token.piece)}” · ${plural(token.bytes, "byte")} · ${KIND_INFO[token.kind].label} · ${tokenPlace(token)}`;
}
