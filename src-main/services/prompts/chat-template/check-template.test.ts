import { describe, expect, it } from "vitest";
import { findTemplateSyntaxError } from "./check-template";
import { CHATML, GEMMA, GEMMA_PRETTY, LLAMA_3, QWEN_2, withLine } from "./real-templates.fixture";

describe("findTemplateSyntaxError", () => {
  it("accepts the chat templates models ship: ChatML, Llama 3, Qwen2, Gemma (one-line and pretty-printed)", () => {
    for (const template of [CHATML, LLAMA_3, QWEN_2, GEMMA, GEMMA_PRETTY]) expect(findTemplateSyntaxError(template)).toBeNull();
  });

  it("accepts delimiters inside strings, dict literals closing with `}}`, comments, {% generation %} and block set", () => {
    const template = [
      "{# a note with {{ braces }} #}",
      "{{ '{{ not a tag }}' }}{% set d = {'a': {'b': 1}} %}{{ {'x': {'y': 2}}['x']['y'] }}",
      "{% set intro %}Hello {{ name }}{% endset %}{% generation %}{{ intro }}{% endgeneration %}",
      "{% for m in messages %}{{ m.content }}{% else %}none{% endfor %}",
    ].join("\n");
    expect(findTemplateSyntaxError(template)).toBeNull();
  });

  it("points at an expression tag left open, at its opening", () => {
    const template = withLine(GEMMA_PRETTY, 14, "    {{- '<start_of_turn>' + role + '\\n' + message['content'] | trim");
    expect(findTemplateSyntaxError(template)).toEqual({
      line: 14, column: 5, message: "This `{{` is not closed: a new tag `{%` begins before its `}}`.",
    });
  });

  it("points at a string that never closes, at its quote", () => {
    const template = withLine(GEMMA_PRETTY, 17, "    {{- '<start_of_turn>model\\n }}");
    expect(findTemplateSyntaxError(template)).toEqual({ line: 17, column: 9, message: "This string is never closed: its ' has no partner." });
  });

  it("points at a statement or comment never closed at the end of the template", () => {
    expect(findTemplateSyntaxError("Hello\n  {% if add_generation_prompt ")).toEqual({
      line: 2, column: 3, message: "This `{%` is never closed: `%}` is missing.",
    });
    expect(findTemplateSyntaxError("{{ x }}\n{# note")).toMatchObject({ line: 2, column: 1, message: "This comment is never closed: `#}` is missing." });
  });

  it("names the block left open: a missing endif at its if, a missing endfor at its for", () => {
    expect(findTemplateSyntaxError(withLine(GEMMA_PRETTY, 18, ""))).toEqual({
      line: 16, column: 1, message: "`{% if %}` is never closed: `{% endif %}` is missing.",
    });
    expect(findTemplateSyntaxError(withLine(GEMMA_PRETTY, 8, ""))).toEqual({
      line: 6, column: 5, message: "`{% if %}` is not closed: `{% endfor %}` comes before its `{% endif %}`.",
    });
    expect(findTemplateSyntaxError(withLine(GEMMA_PRETTY, 15, ""))).toMatchObject({ line: 5, message: "`{% for %}` is never closed: `{% endfor %}` is missing." });
  });

  it("names an end tag with nothing to close and an else outside any if or for", () => {
    // Without its {% if %}, the {% else %} on line 11 belongs to the {% for %} (Jinja's for-else): the {% endif %} closes nothing.
    expect(findTemplateSyntaxError(withLine(GEMMA_PRETTY, 9, ""))).toEqual({
      line: 13, column: 5, message: "`{% endif %}` has no `{% if %}` to close.",
    });
    expect(findTemplateSyntaxError("{{ x }}\n\n  {% else %}")).toEqual({
      line: 3, column: 3, message: "`{% else %}` is outside any `{% if %}` or `{% for %}` block.",
    });
  });

  it("points at the tag the engine cannot parse, with the engine's reason in the symbols people type", () => {
    expect(findTemplateSyntaxError(withLine(GEMMA_PRETTY, 12, "        {%- set role = message['role' %}"))).toEqual({
      line: 12, column: 9, message: "`{%- set role = message['role' %}`: Unexpected token: `%}`.",
    });
    expect(findTemplateSyntaxError(withLine(GEMMA_PRETTY, 5, "{%- for in messages %}"))).toMatchObject({
      line: 5, message: "`{%- for in messages %}`: Expected `in` keyword following loop variable.",
    });
    expect(findTemplateSyntaxError("Résumé → {{ x | }}")).toEqual({ line: 1, column: 10, message: "`{{ x | }}`: Unexpected token: `}}`." });
  });

  it("reports the first problem in the template when there are several", () => {
    // An unknown statement on line 1 (its {% endfor %} then closes nothing) and a bad tag on line 3.
    const template = "{% foreach m in messages %}\n{{ m }}\n{{ 1 + }}\n{% endfor %}";
    expect(findTemplateSyntaxError(template)).toMatchObject({ line: 1, column: 1, message: "`{% foreach m in messages %}`: Unknown statement type: foreach." });
  });

  it("checks an {% elif %}, an {% else %} and end tags on their own too", () => {
    expect(findTemplateSyntaxError("{% if a %}x\n{% elif %}y{% endif %}")).toMatchObject({ line: 2, column: 1 });
    expect(findTemplateSyntaxError("{% if a %}x\n{% else b %}y{% endif %}")).toMatchObject({ line: 2, message: expect.stringContaining("Expected closing statement token") });
    expect(findTemplateSyntaxError("{% if a %}x\n\n{% endif b %}")).toMatchObject({ line: 3 });
  });
});
