/**
 * The parameter presets every workspace has. They cannot be changed or deleted, so "Greedy" means
 * the same thing in every workspace and in every saved history entry.
 */
import { SamplingParamsSchema, type SamplingParams } from "../../contract/generation";
import type { ParamPreset } from "../../contract/prompts";

const defaults: SamplingParams = SamplingParamsSchema.parse({});

export const BUILT_IN_PRESETS: readonly ParamPreset[] = [
  // Always the most likely token: the same output on every run and every machine, which is what
  // comparing checkpoints and reproducing an eval needs.
  { name: "Greedy", builtIn: true, params: { ...defaults, temperature: 0 } },
  // The contract's defaults, which are llama.cpp's own (temperature 0.8, top-k 40, top-p 0.95,
  // min-p 0.05): what people who use llama.cpp elsewhere will compare against.
  { name: "Balanced", builtIn: true, params: defaults },
  // The model's own distribution (temperature 1) without a top-k cap, with top-p and min-p still
  // cutting the unlikely tail that makes high-temperature text incoherent. No repeat penalty in
  // any preset: in scripts a vocabulary covers with byte tokens, the same byte tokens recur in
  // correct text, and penalising them breaks characters.
  { name: "Creative", builtIn: true, params: { ...defaults, temperature: 1, topK: 0, topP: 0.95, minP: 0.05 } },
];

/** Preset names are compared ignoring case: "greedy" is the built-in "Greedy". */
export function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

export function builtInPreset(name: string): ParamPreset | undefined {
  return BUILT_IN_PRESETS.find((preset) => sameName(preset.name, name));
}
