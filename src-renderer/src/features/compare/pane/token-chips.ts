import type { GeneratedToken } from "@contract/generation";

/**
 * What the token view shows as one unit: a token, or the tokens that together make one
 * character (byte-level and byte-fallback vocabularies split most non-Latin characters into
 * several tokens; only the last one carries the character's text).
 */
export interface TokenChip {
  /** Index of the chip's first token and one past its last. */
  start: number;
  end: number;
  text: string;
  /** Probability of the whole chip: the product of its tokens' probabilities. */
  probability: number;
}

/**
 * Chips come in groups: a closed group never changes, so only the open one renders again, and the
 * page lays out and paints closed groups (blocks, skipped when scrolled out of view) no more. A
 * group closes where a line ends (a newline) once it has GROUP_MIN_AT_NEWLINE chips, else after a
 * space once it has CHIPS_PER_GROUP chips — so in a long paragraph a line may end early there —
 * and at the latest at GROUP_MAX chips (scripts written without spaces).
 */
export const CHIPS_PER_GROUP = 128;
export const GROUP_MIN_AT_NEWLINE = 16;
export const GROUP_MAX = 4 * CHIPS_PER_GROUP;

function closesGroup(size: number, chip: TokenChip): boolean {
  if (size >= GROUP_MAX) return true;
  if (size >= GROUP_MIN_AT_NEWLINE && chip.text.endsWith("\n")) return true;
  return size >= CHIPS_PER_GROUP && /\s$/u.test(chip.text);
}

/** The chips so far: closed groups (each array final), then the open one. */
export interface ChipGroups {
  groups: TokenChip[][];
  /** How many of `groups` are closed (all but maybe the last). */
  closed: number;
}

/**
 * Builds chips incrementally as tokens stream: `update` takes the whole token list each time and
 * returns the groups, reusing every group (same array) that did not change.
 */
export class ChipBuilder {
  private closed: TokenChip[][] = [];
  private open: TokenChip[] = [];
  private result: ChipGroups = { groups: [], closed: 0 };
  private consumed = 0;
  /** Start of tokens still waiting for the rest of their character. */
  private openStart: number | null = null;
  /** The last token consumed: another one there means another run's tokens (a pane reused for another). */
  private lastToken: GeneratedToken | undefined;

  update(tokens: readonly GeneratedToken[]): ChipGroups {
    if (tokens.length < this.consumed || (this.consumed > 0 && tokens[this.consumed - 1] !== this.lastToken)) this.reset();
    if (tokens.length === this.consumed) return this.result;
    const added: TokenChip[] = [];
    for (let index = this.consumed; index < tokens.length; index++) {
      if (tokens[index].text === "") {
        this.openStart ??= index;
        continue;
      }
      const start = this.openStart ?? index;
      this.openStart = null;
      let logprob = 0;
      for (let part = start; part <= index; part++) logprob += tokens[part].logprob;
      added.push({ start, end: index + 1, text: tokens[index].text, probability: Math.exp(logprob) });
    }
    this.consumed = tokens.length;
    this.lastToken = tokens[tokens.length - 1];
    if (added.length > 0) this.append(added);
    return this.result;
  }

  private append(chips: TokenChip[]): void {
    // The open group is copied, never changed in place: its component sees a new array and renders.
    let open = this.open.slice();
    let closedAny = false;
    for (const chip of chips) {
      open.push(chip);
      if (closesGroup(open.length, chip)) {
        this.closed.push(open);
        open = [];
        closedAny = true;
      }
    }
    this.open = open;
    if (closedAny) this.closed = this.closed.slice();
    this.result = { groups: open.length > 0 ? [...this.closed, open] : this.closed, closed: this.closed.length };
  }

  private reset(): void {
    this.closed = [];
    this.open = [];
    this.result = { groups: [], closed: 0 };
    this.consumed = 0;
    this.openStart = null;
    this.lastToken = undefined;
  }
}

export { visibleControls, visibleToken } from "@contract/token-text";

/** A background colour for a probability: red for unlikely through amber to green for likely. */
export function probabilityColor(probability: number): string {
  const hue = Math.round(Math.max(0, Math.min(1, probability)) * 120);
  return `hsl(${hue} 85% 50% / 0.28)`;
}
