/**
 * A pane's output as HTML: each token a span coloured by its probability, with a title (the
 * browser's own tooltip, no script) giving the token, its probability and its top alternatives.
 */
import type { GeneratedToken } from "../../../contract/generation";
import type { PaneOutput } from "../../../contract/session";
import { escapeHtml } from "./html-escape";
import { visibleToken } from "../../../contract/token-text";
import { formatProbability } from "./report-format";

/** Colour classes p0…p9: p0 under 10 %, p9 from 90 % (their colours are in page-style.ts). */
export const PROBABILITY_CLASSES = 10;

export function probabilityClass(probability: number): string {
  const bucket = Math.floor(probability * PROBABILITY_CLASSES);
  return `p${Math.min(PROBABILITY_CLASSES - 1, Math.max(0, bucket))}`;
}

/**
 * What is shown as one unit: a token, or the tokens that together make one character. Byte-level
 * vocabularies split most non-Latin characters into several tokens; the first ones add "" to the
 * text and the last adds the whole character (the same for text held back for a stop string).
 */
export interface TokenChip {
  tokens: GeneratedToken[];
  text: string;
  /** The product of its tokens' probabilities. */
  probability: number;
}

/**
 * The chips of an output, and the text after the last one (text the generator flushed at the end,
 * with the tokens still waiting for it). Null when the tokens do not spell the start of the text
 * (no tokens recorded, or a hand-edited file): the text is then shown plain.
 */
export function tokenChips(tokens: readonly GeneratedToken[], text: string): { chips: TokenChip[]; rest: string } | null {
  if (tokens.length === 0) return null;
  const chips: TokenChip[] = [];
  let waiting: GeneratedToken[] = [];
  let length = 0;
  for (const token of tokens) {
    waiting.push(token);
    if (token.text === "") continue;
    chips.push(chip(waiting, token.text));
    length += token.text.length;
    waiting = [];
  }
  if (!text.startsWith(tokens.map((token) => token.text).join(""))) return null;
  const rest = text.slice(length);
  // Tokens still waiting at the end made the flushed text; without any, the rest stays plain.
  if (waiting.length > 0 && rest !== "") return { chips: [...chips, chip(waiting, rest)], rest: "" };
  return { chips, rest };
}

function chip(tokens: GeneratedToken[], text: string): TokenChip {
  const logprob = tokens.reduce((sum, token) => sum + token.logprob, 0);
  return { tokens, text, probability: Math.exp(logprob) };
}

/** The tooltip: the chip and its probability, then each token's alternatives, best first. */
export function chipTitle({ tokens, text, probability }: TokenChip): string {
  const lines = [`${visibleToken(text)} ${formatProbability(probability)}${tokens.length > 1 ? ` (${tokens.length} tokens)` : ""}`];
  tokens.forEach((token, index) => {
    const prefix = tokens.length > 1 ? `${index + 1}: ${formatProbability(Math.exp(token.logprob))}; ` : "";
    if (token.top && token.top.length > 0) {
      lines.push(`${prefix}alternatives: ${token.top.map((alternative) => `${visibleToken(alternative.text)} ${formatProbability(Math.exp(alternative.logprob))}`).join(" · ")}`);
    } else if (prefix) {
      lines.push(prefix.slice(0, -2));
    }
  });
  return lines.join("\n");
}

/** The output text as HTML: token spans where tokens were recorded, the plain text otherwise. */
export function renderOutputText(output: Pick<PaneOutput, "text" | "tokens">): string {
  const split = tokenChips(output.tokens, output.text);
  if (!split) return escapeHtml(output.text);
  const parts = split.chips.map((item) =>
    `<span class="${probabilityClass(item.probability)}" title="${escapeHtml(chipTitle(item))}">${escapeHtml(item.text)}</span>`);
  parts.push(escapeHtml(split.rest));
  return parts.join("");
}
