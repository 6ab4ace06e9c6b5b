import type { PromptDraft } from "@contract/prompts";
import { SamplingParamsSchema } from "@contract/generation";
import { describe, expect, it } from "vitest";
import { buildRequest } from "./build-request";
import { checkRows, draftVariables, fillDraft, variableColumns } from "./draft-template";

function draft(overrides: Partial<PromptDraft>): PromptDraft {
  return { mode: "completion", text: "", messages: [{ role: "user", content: "" }], chatTemplate: "model", customTemplate: null, variables: [], ...overrides };
}

const chat = draft({
  mode: "chat",
  text: "{{ignored}}",
  messages: [
    { role: "system", content: "Answer in {{lang}}." },
    { role: "user", content: "{{ question }} ({{lang_code}}) {{question}}" },
  ],
});

describe("draftVariables", () => {
  it("reads the prompt in completion mode and every message in chat mode, each variable once", () => {
    expect(draftVariables(draft({ text: "{{text}} → {{lang}}", messages: [{ role: "user", content: "{{other}}" }] }))).toEqual(["text", "lang"]);
    expect(draftVariables(chat)).toEqual(["lang", "question", "lang_code"]);
    expect(variableColumns(draftVariables(chat))).toEqual({ language: true, custom: ["question"] });
    expect(variableColumns(["text"])).toEqual({ language: false, custom: ["text"] });
  });
});

describe("checkRows", () => {
  it("runs once without variables, whatever the table holds", () => {
    expect(checkRows(draft({ text: "Hello", variables: [{ text: "x" }, {}] }))).toEqual({ runnable: [0], incomplete: [] });
  });

  it("runs the complete rows, lists the partly filled ones and skips empty ones", () => {
    const rows = checkRows({
      ...chat,
      variables: [
        { lang_code: "fra_Latn", question: "Quelle heure est-il ?" },
        { lang_code: "swh_Latn", question: "  " },
        {},
        { question: "Where?" },
        { lang_code: "npi_Deva", question: "कति बज्यो?" },
      ],
    });
    expect(rows).toEqual({
      runnable: [0, 4],
      incomplete: [{ row: 1, missing: ["question"] }, { row: 3, missing: ["lang", "lang_code"] }],
    });
  });
});

describe("fillDraft", () => {
  it("fills the prompt and every message from one row, lang from lang_code", () => {
    const filled = fillDraft(chat, { lang_code: "kaz_Cyrl", question: "Сағат неше?" });
    expect(filled.messages).toEqual([
      { role: "system", content: "Answer in Kazakh." },
      { role: "user", content: "Сағат неше? (kaz_Cyrl) Сағат неше?" },
    ]);
    expect(filled.text).toBe("{{ignored}}");
    expect(chat.messages[0].content).toBe("Answer in {{lang}}."); // the draft itself is left as it was
  });
});

describe("buildRequest", () => {
  const params = SamplingParamsSchema.parse({ stop: ["\n"] });

  it("sends a completion's prompt, and a chat's messages with its template", () => {
    expect(buildRequest("m-1", draft({ text: "Bonjour" }), params)).toEqual({ mode: "completion", modelId: "m-1", prompt: "Bonjour", params });
    expect(buildRequest("m-1", { ...chat, chatTemplate: "gemma" }, params)).toEqual({
      mode: "chat", modelId: "m-1", messages: chat.messages, chatTemplate: "gemma", params,
    });
  });

  it("sends a custom Jinja template instead when there is one", () => {
    const custom = "{% for m in messages %}{{ m.content }}{% endfor %}";
    expect(buildRequest("m-1", { ...chat, customTemplate: custom }, params)).toMatchObject({ mode: "chat", customTemplate: custom });
    expect(buildRequest("m-1", { ...chat, customTemplate: "" }, params)).not.toHaveProperty("customTemplate");
  });
});
