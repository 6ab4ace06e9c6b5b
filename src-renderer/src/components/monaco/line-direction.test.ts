import { describe, expect, it } from "vitest";
import { isRtlLine, rtlLineNumbers } from "./line-direction";

describe("line direction", () => {
  it("follows the first letter, past digits, punctuation and placeholders' braces", () => {
    expect(isRtlLine("مرحبا Hello")).toBe(true);
    expect(isRtlLine("Hello مرحبا")).toBe(false);
    expect(isRtlLine("12. «שלום» world")).toBe(true);
    expect(isRtlLine("{{ سؤال }}")).toBe(true);
    expect(isRtlLine("ދިވެހި")).toBe(true); // Thaana
    expect(isRtlLine("Здравствуйте")).toBe(false);
    expect(isRtlLine("  123 !? ")).toBe(false);
  });

  it("numbers the right-to-left lines from 1", () => {
    expect(rtlLineNumbers(["Translate:", "مرحبا", "", "שלום", "ok"])).toEqual([2, 4]);
  });
});
