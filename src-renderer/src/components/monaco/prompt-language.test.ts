import * as monaco from "monaco-editor/editor/editor.api";
import { beforeAll, describe, expect, it } from "vitest";
import { PROMPT_LANGUAGE_ID, PROMPT_TOKENS, promptTemplateLanguage } from "./prompt-language";

/** The highlighted pieces of one line, as [text, token class], without the unstyled ones. */
function highlighted(line: string): [string, string][] {
  const tokens = monaco.editor.tokenize(line, PROMPT_LANGUAGE_ID)[0];
  return tokens.flatMap((token, index) => {
    const end = tokens[index + 1]?.offset ?? line.length;
    return token.type ? [[line.slice(token.offset, end), token.type] as [string, string]] : [];
  });
}

beforeAll(() => {
  monaco.languages.register({ id: PROMPT_LANGUAGE_ID });
  monaco.languages.setMonarchTokensProvider(PROMPT_LANGUAGE_ID, promptTemplateLanguage);
});

describe("prompt template highlighting", () => {
  it("marks {{variables}} with any spacing and names in any script", () => {
    expect(highlighted("Translate into {{lang}}: {{ text }} / {{سؤال}} {{}} {x}")).toEqual([
      ["{{lang}}", PROMPT_TOKENS.variable],
      ["{{ text }}", PROMPT_TOKENS.variable],
      ["{{سؤال}}", PROMPT_TOKENS.variable],
    ]);
  });

  it("marks text that looks like special tokens", () => {
    expect(highlighted("<|im_start|>user [INST] <<SYS>> <s>hi</s> <｜begin▁of▁sentence｜> <b> [NOTE]")).toEqual([
      ["<|im_start|>", PROMPT_TOKENS.special],
      ["[INST]", PROMPT_TOKENS.special],
      ["<<SYS>>", PROMPT_TOKENS.special],
      ["<s>", PROMPT_TOKENS.special],
      ["</s>", PROMPT_TOKENS.special],
      ["<｜begin▁of▁sentence｜>", PROMPT_TOKENS.special],
    ]);
  });
});
