import { describe, expect, it } from "vitest";
import { escapeHtml } from "./html-escape";

describe("escapeHtml", () => {
  it("turns every markup character into its entity", () => {
    expect(escapeHtml(`<script>alert("x & 'y'")</script>`)).toBe("&lt;script&gt;alert(&quot;x &amp; &#39;y&#39;&quot;)&lt;/script&gt;");
  });

  it("leaves other text, tabs and line breaks as they are, and any script", () => {
    expect(escapeHtml("مرحبا\tбаба\n日本語 🙂")).toBe("مرحبا\tбаба\n日本語 🙂");
  });

  it("shows control characters as Unicode's control pictures (HTML forbids NUL and friends)", () => {
    expect(escapeHtml("a\u0000b\u0007c\u001Bd\u007F")).toBe("a\u2400b\u2407c\u241Bd\u2421");
  });

  it("escapes an entity's text rather than letting it decode", () => {
    expect(escapeHtml("&lt;")).toBe("&amp;lt;");
  });
});
