import type { Locator, Page } from "@playwright/test";

export type LineSide = "left" | "right" | "both" | "neither";

/**
 * Which edge of the element's content box each line of its text is laid out against: "left" for a
 * line read left to right, "right" for one read right to left (lines must fit on one row, or they
 * touch both edges).
 */
export function lineSides(element: Locator): Promise<{ line: string; side: LineSide }[]> {
  return element.evaluate((root) => {
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const positions: { node: Text; offset: number }[] = [];
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let offset = 0; offset < node.data.length; offset++) positions.push({ node, offset });
    }
    const text = positions.map(({ node, offset }) => node.data[offset]).join("");

    const box = root.getBoundingClientRect();
    const style = getComputedStyle(root);
    const contentLeft = box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
    const contentRight = box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
    const touches = (a: number, b: number) => Math.abs(a - b) < 1.5;

    const sides: { line: string; side: "left" | "right" | "both" | "neither" }[] = [];
    let start = 0;
    for (const line of text.split("\n")) {
      const end = start + line.length;
      if (line.trim() !== "") {
        const range = root.ownerDocument.createRange();
        range.setStart(positions[start].node, positions[start].offset);
        range.setEnd(positions[end - 1].node, positions[end - 1].offset + 1);
        const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
        const left = touches(Math.min(...rects.map((rect) => rect.left)), contentLeft);
        const right = touches(Math.max(...rects.map((rect) => rect.right)), contentRight);
        sides.push({ line, side: left && right ? "both" : left ? "left" : right ? "right" : "neither" });
      }
      start = end + 1;
    }
    return sides;
  });
}

/**
 * The fonts the browser drew the text of the first element matching `selector` with (Chromium
 * only): each face's own name (a bundled variable face names its default instance: "Noto Sans JP
 * Thin"), and whether it is one of the app's bundled faces rather than an installed one.
 */
export async function renderedFonts(page: Page, selector: string): Promise<{ family: string; bundled: boolean }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send("DOM.getDocument");
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    await cdp.send("CSS.enable");
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    return fonts.map((font) => ({ family: font.familyName, bundled: font.isCustomFont }));
  } finally {
    await cdp.detach();
  }
}
