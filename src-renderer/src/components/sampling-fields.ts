import { SamplingParamsSchema, type SamplingParams } from "@contract/generation";

type NumericParam = { [K in keyof SamplingParams]: SamplingParams[K] extends number ? K : never }[keyof SamplingParams];

export interface NumericField {
  key: NumericParam;
  label: string;
  step: number;
  min?: number;
  max?: number;
}

/** The contract's defaults: what the main process would use for a field left out. */
export function defaultSamplingParams(): SamplingParams {
  return SamplingParamsSchema.parse({});
}

/** A copy sharing nothing with `params` (its stop list too): plain data IPC can clone, which later edits do not reach. */
export function copySamplingParams(params: SamplingParams): SamplingParams {
  return { ...params, stop: [...params.stop] };
}

/** Bounds come from the contract's schema, so the form and the main process agree. */
function field(key: NumericParam, label: string, step: number): NumericField {
  const schema = SamplingParamsSchema.shape[key].unwrap();
  // An integer field without a bound reports the safe-integer limit; that is no bound for a form.
  const bounded = (value: number | null) => (value !== null && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : undefined);
  return { key, label, step, min: bounded(schema.minValue), max: bounded(schema.maxValue) };
}

export const samplingFields: NumericField[] = [
  field("temperature", "Temperature", 0.05),
  field("topK", "Top-k", 1),
  field("topP", "Top-p", 0.01),
  field("minP", "Min-p", 0.01),
  field("repeatPenalty", "Repeat penalty", 0.05),
  field("maxTokens", "Max tokens", 1),
  field("seed", "Seed", 1),
];

/** One stop string per line; "\n" and "\t" stand for a newline and a tab, "\\" for a backslash. */
export function parseStopStrings(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => line.replace(/\\(n|t|\\)/g, (_, code: string) => ({ n: "\n", t: "\t", "\\": "\\" })[code] ?? code));
}

export function formatStopStrings(stops: string[]): string {
  return stops.map((stop) => stop.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\t/g, "\\t")).join("\n");
}
