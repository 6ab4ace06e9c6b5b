import { describe, expect, it } from "vitest";
import { customVariables, fillForLanguage, fillTemplate, missingVariables, rowValues, templateVariables } from "./prompt-template";

describe("templateVariables", () => {
  it("lists each variable once, in order of first appearance", () => {
    expect(templateVariables("{{text}} in {{lang}} ({{lang_code}}), again: {{text}} {{lang}}")).toEqual(["text", "lang", "lang_code"]);
  });

  it("allows spaces, tabs and newlines inside the braces", () => {
    expect(templateVariables("{{ text }} {{\tlang}} {{\n  lang_code \n}} {{text}}")).toEqual(["text", "lang", "lang_code"]);
  });

  it("takes names in any script, and leaves malformed braces as text", () => {
    expect(templateVariables("{{ سؤال }} {{вопрос}} {{}} {{ }} {{two words}} {single} {{{x}}}")).toEqual(["سؤال", "вопрос", "x"]);
  });

  it("finds nothing in plain text", () => {
    expect(templateVariables("No variables here, just { braces }.")).toEqual([]);
    expect(customVariables("Answer in {{lang}} ({{ lang_code }}): {{ question }}")).toEqual(["question"]);
  });
});

describe("fillTemplate", () => {
  it("fills every occurrence, whatever the spacing inside the braces", () => {
    expect(fillTemplate("{{text}} / {{ text }} / {{  text}}", { text: "hi" })).toBe("hi / hi / hi");
  });

  it("puts non-Latin values in verbatim", () => {
    const template = "Translate into {{lang}}:\n{{ text }}";
    expect(fillTemplate(template, { lang: "Kazakh", text: "Қазақстанның астанасы қандай?" }))
      .toBe("Translate into Kazakh:\nҚазақстанның астанасы қандай?");
    expect(fillTemplate("{{q}}؟", { q: "ما هي عاصمة نيبال" })).toBe("ما هي عاصمة نيبال؟");
    expect(fillTemplate("[{{q}}]", { q: "नेपालको राजधानी कुन हो? 🇳🇵" })).toBe("[नेपालको राजधानी कुन हो? 🇳🇵]");
  });

  it("does not read replacement patterns or placeholders in values", () => {
    expect(fillTemplate("{{a}} {{b}}", { a: "$& $1 $$ $`", b: "{{a}}" })).toBe("$& $1 $$ $` {{a}}");
  });

  it("leaves a placeholder without a value as written", () => {
    expect(fillTemplate("{{ text }} in {{lang}}", { lang: "Nepali" })).toBe("{{ text }} in Nepali");
  });
});

describe("missingVariables", () => {
  it("reports unknown and blank variables in order", () => {
    expect(missingVariables("{{b}} {{a}} {{c}} {{ b }}", { a: "x", b: "", c: "  \n" })).toEqual(["b", "c"]);
    expect(missingVariables("{{a}}", { a: "x" })).toEqual([]);
  });
});

describe("fillForLanguage", () => {
  it("fills lang and lang_code from the language and the rest from its row of values", () => {
    expect(fillForLanguage("{{lang}} · {{ lang_code }}: {{text}}", "kaz_Cyrl", { text: "Сәлем", unused: "x" })).toEqual({
      text: "Kazakh · kaz_Cyrl: Сәлем",
      variables: { lang: "Kazakh", lang_code: "kaz_Cyrl", text: "Сәлем" },
      missing: [],
    });
  });

  it("keeps the built-in values over the table's, and reports what is empty", () => {
    expect(fillForLanguage("{{lang}}: {{text}} {{note}}", "npi_Deva", { lang: "Other", note: " " })).toEqual({
      text: "Nepali: {{text}} {{note}}",
      variables: { lang: "Nepali", lang_code: "npi_Deva" },
      missing: ["text", "note"],
    });
  });
});

describe("rowValues", () => {
  it("fills lang and lang_code from the row's lang_code, over a lang of its own, and drops blank values", () => {
    expect(rowValues({ lang_code: "swh_Latn", lang: "Other", text: "Habari", note: "  " })).toEqual({
      lang: "Swahili", lang_code: "swh_Latn", text: "Habari",
    });
  });

  it("keeps a row without lang_code as it is, so {{lang}} stays missing", () => {
    const values = rowValues({ text: "Hello" });
    expect(values).toEqual({ text: "Hello" });
    expect(missingVariables("{{lang}}: {{text}}", values)).toEqual(["lang"]);
  });
});
