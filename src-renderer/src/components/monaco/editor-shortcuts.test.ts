import { describe, expect, it } from "vitest";
import { shortcutKeysLabel, shortcutOf } from "./editor-shortcuts";

const press = (key: string, modifiers: KeyboardEventInit = {}) => new KeyboardEvent("keydown", { key, ...modifiers });

describe("editor shortcuts", () => {
  it("reads Ctrl or ⌘ alike, and needs the exact modifiers", () => {
    expect(shortcutOf(press("Enter", { ctrlKey: true }))).toBe("run");
    expect(shortcutOf(press("Enter", { metaKey: true }))).toBe("run");
    expect(shortcutOf(press("Enter"))).toBeNull();
    expect(shortcutOf(press("Enter", { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutOf(press("Escape"))).toBe("stop");
    expect(shortcutOf(press("ArrowUp", { altKey: true }))).toBe("historyPrevious");
    expect(shortcutOf(press("ArrowDown", { altKey: true }))).toBe("historyNext");
    expect(shortcutOf(press("ArrowUp"))).toBeNull();
    expect(shortcutOf(press("S", { ctrlKey: true }))).toBe("save");
    expect(shortcutOf(press("s"))).toBeNull();
  });

  it("writes the keys for the legend", () => {
    expect(shortcutKeysLabel("run")).toEqual(["Ctrl/⌘", "Enter"]);
    expect(shortcutKeysLabel("historyPrevious")).toEqual(["Alt", "↑"]);
    expect(shortcutKeysLabel("stop")).toEqual(["Esc"]);
  });
});
