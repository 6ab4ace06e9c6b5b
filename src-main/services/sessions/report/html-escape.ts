/**
 * The report's one way to put text into HTML: every piece of session text (titles, prompts, model
 * outputs, rater names, notes) goes through `escapeHtml`, in element content and in attributes.
 */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text as HTML that shows exactly that text: markup characters become entities, and control
 * characters (other than tab, newline and carriage return) become Unicode's control pictures
 * (U+2400…), so a model that emits them is seen, and the page never holds characters HTML forbids.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (character) =>
    ENTITIES[character] ?? (character === "\u007F" ? "\u2421" : String.fromCharCode(0x2400 + character.charCodeAt(0))));
}
