import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { FLORES_LANGUAGES, isRtlScript, languageName } from "./languages";

const codes = FLORES_LANGUAGES.map((language) => language.code);

describe("FLORES_LANGUAGES", () => {
  it("holds the 204 FLORES-200 codes, each once, in ISO 639-3 + ISO 15924 form", () => {
    expect(new Set(codes).size).toBe(204);
    expect(codes).toHaveLength(204);
    for (const code of codes) expect(code).toMatch(/^[a-z]{3}_[A-Z][a-z]{3}$/);
  });

  it("is sorted by code", () => {
    for (let i = 1; i < codes.length; i++) expect(codes[i - 1] < codes[i], `${codes[i - 1]} before ${codes[i]}`).toBe(true);
    expect(codes[0]).toBe("ace_Arab");
    expect(codes.at(-1)).toBe("zul_Latn");
  });

  it("has a non-empty, trimmed English name for every code", () => {
    for (const { code, name } of FLORES_LANGUAGES) {
      expect(name.trim(), code).toBe(name);
      expect(name, code).not.toBe("");
    }
  });

  it("includes both script variants where FLORES-200 has two", () => {
    for (const code of ["ace_Arab", "ace_Latn", "arb_Arab", "arb_Latn", "min_Arab", "min_Latn", "taq_Latn", "taq_Tfng", "zho_Hans", "zho_Hant"]) {
      expect(codes).toContain(code);
    }
  });
});

describe("languageName", () => {
  it("names languages the way the FLORES-200 README does", () => {
    expect(languageName("swh_Latn")).toBe("Swahili");
    expect(languageName("kaz_Cyrl")).toBe("Kazakh");
    expect(languageName("npi_Deva")).toBe("Nepali");
    expect(languageName("zho_Hans")).toBe("Chinese (Simplified)");
    expect(languageName("zho_Hant")).toBe("Chinese (Traditional)");
    expect(languageName("arb_Arab")).toBe("Modern Standard Arabic");
    expect(languageName("eng_Latn")).toBe("English");
    expect(languageName("jpn_Jpan")).toBe("Japanese");
    expect(languageName("yue_Hant")).toBe("Yue Chinese");
    expect(languageName("nob_Latn")).toBe("Norwegian Bokmål");
  });

  it("falls back to the code itself for unknown codes", () => {
    expect(languageName("xxx_Latn")).toBe("xxx_Latn");
    expect(languageName("")).toBe("");
  });
});

describe("isRtlScript", () => {
  it("is true for Arabic, Hebrew, Thaana, Syriac and N'Ko scripts", () => {
    for (const code of ["arb_Arab", "urd_Arab", "pes_Arab", "heb_Hebr", "ydd_Hebr", "div_Thaa", "syc_Syrc", "nqo_Nkoo"]) {
      expect(isRtlScript(code), code).toBe(true);
    }
  });

  it("is false for left-to-right scripts, romanized Arabic and malformed codes", () => {
    for (const code of ["eng_Latn", "arb_Latn", "rus_Cyrl", "zho_Hans", "hin_Deva", "tha_Thai", "Arab", "", "ara"]) {
      expect(isRtlScript(code), code).toBe(false);
    }
  });

  it("marks exactly the Arabic- and Hebrew-script FLORES-200 codes as right to left", () => {
    const rtl = codes.filter(isRtlScript);
    expect(rtl.every((code) => code.endsWith("_Arab") || code.endsWith("_Hebr"))).toBe(true);
    expect(rtl).toHaveLength(codes.filter((code) => /_(Arab|Hebr)$/.test(code)).length);
    expect(rtl.length).toBeGreaterThan(20);
  });
});

describe("the repository's fixture corpora", () => {
  const dir = resolve(__dirname, "../../resources/fixture-corpora");
  it("are named by FLORES-200 codes", () => {
    const names = readdirSync(dir).filter((file) => file.endsWith(".txt")).map((file) => file.replace(/\.txt$/, ""));
    expect(names.length).toBeGreaterThan(0);
    for (const code of names) expect(codes, `${code}.txt`).toContain(code);
  });
});

// The FLORES-200 devtest files are shared data from ../shared (see ../shared/README.md); on a bare
// clone the check reports plainly that it did not run.
const devtestDir = resolve(__dirname, "../../../shared/data/flores200-devtest");
const haveDevtest = existsSync(devtestDir);
if (!haveDevtest) console.warn(`FLORES-200 devtest check not run: ${devtestDir} does not exist on this machine.`);

describe.runIf(haveDevtest)(`the FLORES-200 devtest files in ${devtestDir}`, () => {
  it("are all named by codes in the list", () => {
    const found = readdirSync(devtestDir).filter((file) => file.endsWith(".devtest")).map((file) => file.replace(/\.devtest$/, ""));
    expect(found.length).toBeGreaterThan(0);
    const missing = found.filter((code) => !codes.includes(code));
    expect(missing).toEqual([]);
  });
});
