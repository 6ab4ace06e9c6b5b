import type { ChatTemplateChoice } from "@contract/generation";

/** What the template select offers: the contract's choices, and a custom Jinja template. */
export type TemplateSelection = ChatTemplateChoice | "custom";

export const TEMPLATE_OPTIONS: { value: TemplateSelection; label: string }[] = [
  { value: "model", label: "The model's own (from its GGUF)" },
  { value: "chatml", label: "ChatML" },
  { value: "llama3", label: "Llama 3" },
  { value: "qwen", label: "Qwen2" },
  { value: "gemma", label: "Gemma" },
  { value: "mistral", label: "Mistral" },
  { value: "llama2", label: "Llama 2" },
  { value: "general", label: "General" },
  { value: "custom", label: "Custom Jinja" },
];

/** A template to start a custom one from (ChatML, in Hugging Face's Jinja). */
export const STARTER_TEMPLATE = `{% for message in messages %}<|im_start|>{{ message.role }}
{{ message.content }}<|im_end|>
{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant
{% endif %}`;
