/**
 * How a token's text is made visible, the same in the app and in the HTML report: control
 * characters as Unicode's control pictures, whitespace and empty tokens marked in lists.
 */

/**
 * Control characters (other than newline and tab) drawn as Unicode's control pictures (U+2400…),
 * so a model emitting them is seen, not hidden in a zero-width token.
 */
export function visibleControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, (c) => (c === "\u007F" ? "\u2421" : String.fromCharCode(0x2400 + c.charCodeAt(0))));
}

/** Whitespace and invisible text made visible (alternatives lists, tooltips). */
export function visibleToken(text: string): string {
  if (text === "") return "‹part of a character›";
  return text.replace(/ /g, "␣").replace(/\n/g, "↵").replace(/\t/g, "⇥").replace(/\p{Cc}/gu, (c) => `‹U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}›`);
}
