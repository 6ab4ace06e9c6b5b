/**
 * Chat templates as models ship them (written here from their well-known public forms), for tests:
 * the one-line forms found in GGUF files and a pretty-printed Gemma one whose lines tests count.
 */
import { CHATML_TEMPLATE } from "../../../fixtures/byte-vocabulary";

export const CHATML = CHATML_TEMPLATE;

export const LLAMA_3 =
  "{% set loop_messages = messages %}{% for message in loop_messages %}" +
  "{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' %}" +
  "{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}";

export const QWEN_2 =
  "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}" +
  "{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif %}" +
  "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

export const GEMMA =
  "{{ bos_token }}{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}" +
  "{% for message in messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}" +
  "{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}" +
  "{% if (message['role'] == 'assistant') %}{% set role = 'model' %}{% else %}{% set role = message['role'] %}{% endif %}" +
  "{{ '<start_of_turn>' + role + '\\n' + message['content'] | trim + '<end_of_turn>\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{'<start_of_turn>model\\n'}}{% endif %}";

/** Gemma's template laid out one tag a line, with whitespace control, as people edit templates. */
export const GEMMA_PRETTY = [
  /* 1 */ "{{- bos_token }}",
  /* 2 */ "{%- if messages[0]['role'] == 'system' %}",
  /* 3 */ "    {{- raise_exception('System role not supported') }}",
  /* 4 */ "{%- endif %}",
  /* 5 */ "{%- for message in messages %}",
  /* 6 */ "    {%- if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}",
  /* 7 */ "        {{- raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}",
  /* 8 */ "    {%- endif %}",
  /* 9 */ "    {%- if message['role'] == 'assistant' %}",
  /* 10 */ "        {%- set role = 'model' %}",
  /* 11 */ "    {%- else %}",
  /* 12 */ "        {%- set role = message['role'] %}",
  /* 13 */ "    {%- endif %}",
  /* 14 */ "    {{- '<start_of_turn>' + role + '\\n' + message['content'] | trim + '<end_of_turn>\\n' }}",
  /* 15 */ "{%- endfor %}",
  /* 16 */ "{%- if add_generation_prompt %}",
  /* 17 */ "    {{- '<start_of_turn>model\\n' }}",
  /* 18 */ "{%- endif %}",
].join("\n");

/** A template with `line` replaced: a broken variant whose error line the test knows. */
export function withLine(template: string, line: number, text: string): string {
  const lines = template.split("\n");
  lines[line - 1] = text;
  return lines.join("\n");
}
