/**
 * The prompt editor's shortcuts, in one table: the editor binds them inside Monaco, views handle the
 * same keys elsewhere on the page (`shortcutOf`), and the legend lists them (`shortcutKeysLabel`).
 */
import type { Monaco } from "./monaco-runtime";

export type EditorShortcut = "run" | "stop" | "historyPrevious" | "historyNext" | "save";

interface ShortcutKeys {
  /** `KeyboardEvent.key`, lower case for letters. */
  key: "Enter" | "Escape" | "ArrowUp" | "ArrowDown" | "s";
  /** Ctrl, or ⌘ on a Mac. */
  ctrlOrCmd?: boolean;
  alt?: boolean;
}

export const EDITOR_SHORTCUTS: Record<EditorShortcut, ShortcutKeys & { label: string }> = {
  run: { key: "Enter", ctrlOrCmd: true, label: "run" },
  stop: { key: "Escape", label: "stop" },
  historyPrevious: { key: "ArrowUp", alt: true, label: "previous history entry" },
  historyNext: { key: "ArrowDown", alt: true, label: "next history entry" },
  save: { key: "s", ctrlOrCmd: true, label: "save to the library" },
};

export const EDITOR_SHORTCUT_NAMES = Object.keys(EDITOR_SHORTCUTS) as EditorShortcut[];

const KEY_NAMES: Record<ShortcutKeys["key"], string> = { Enter: "Enter", Escape: "Esc", ArrowUp: "↑", ArrowDown: "↓", s: "S" };

/** How the legend writes a shortcut's keys, e.g. ["Ctrl/⌘", "Enter"]. */
export function shortcutKeysLabel(shortcut: EditorShortcut): string[] {
  const keys = EDITOR_SHORTCUTS[shortcut];
  return [...(keys.ctrlOrCmd ? ["Ctrl/⌘"] : []), ...(keys.alt ? ["Alt"] : []), KEY_NAMES[keys.key]];
}

/** The shortcut a key press means, or null. */
export function shortcutOf(event: KeyboardEvent): EditorShortcut | null {
  const ctrlOrCmd = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return EDITOR_SHORTCUT_NAMES.find((name) => {
    const keys = EDITOR_SHORTCUTS[name];
    return keys.key === key && !!keys.ctrlOrCmd === ctrlOrCmd && !!keys.alt === event.altKey && !event.shiftKey;
  }) ?? null;
}

/** The shortcut as a Monaco keybinding. */
export function monacoKeybinding(monaco: Monaco, shortcut: EditorShortcut): number {
  const { KeyCode, KeyMod } = monaco;
  const keys = EDITOR_SHORTCUTS[shortcut];
  const codes: Record<ShortcutKeys["key"], number> = {
    Enter: KeyCode.Enter, Escape: KeyCode.Escape, ArrowUp: KeyCode.UpArrow, ArrowDown: KeyCode.DownArrow, s: KeyCode.KeyS,
  };
  return codes[keys.key] | (keys.ctrlOrCmd ? KeyMod.CtrlCmd : 0) | (keys.alt ? KeyMod.Alt : 0);
}
