import type { ModelInfo } from "@contract/models";
import { formatBytes, formatNumber, formatParameterCount, formatPercent } from "../../lib/format";

export interface Fact {
  label: string;
  value: string;
  /** "auto" for text the model's authors wrote (any script), "ltr" for paths and hashes. */
  dir?: "auto" | "ltr";
}

const NOT_DECLARED = "not declared";

/** "3f2a9c0d1e4b", or "hashing… 42%" until the background hash is done. */
export function shortHash(model: ModelInfo): string {
  return model.sha256 ? model.sha256.slice(0, 12) : `hashing… ${formatPercent(model.hashProgress)}`;
}

function orNotDeclared<T>(value: T | null, format: (value: T) => string): string {
  return value === null ? NOT_DECLARED : format(value);
}

/** The facts shown in a model's row. */
export function summaryFacts(model: ModelInfo): Fact[] {
  const meta = model.metadata;
  return [
    { label: "Architecture", value: meta?.architecture ?? "unknown" },
    { label: "Parameters", value: meta ? formatParameterCount(meta.parameterCount) : "unknown" },
    { label: "Quantization", value: meta?.quantization ?? "unknown" },
    { label: "Size", value: formatBytes(model.sizeBytes) },
    { label: "Context length", value: meta ? orNotDeclared(meta.contextLength, formatNumber) : "unknown" },
    { label: "SHA-256", value: shortHash(model), dir: "ltr" },
  ];
}

/** Every field the workspace knows about a model, for its details panel (chat template aside). */
export function detailFacts(model: ModelInfo): Fact[] {
  const facts: Fact[] = [
    { label: "File", value: model.path, dir: "ltr" },
    { label: "Size", value: `${formatBytes(model.sizeBytes)} (${formatNumber(model.sizeBytes)} bytes)` },
    { label: "SHA-256", value: model.sha256 ?? shortHash(model), dir: "ltr" },
    { label: "Loaded context size", value: orNotDeclared(model.contextSize, (size) => `${formatNumber(size)} tokens`) },
  ];
  const meta = model.metadata;
  if (!meta) return facts;
  return [
    ...facts,
    { label: "GGUF name", value: meta.name ?? NOT_DECLARED, dir: "auto" },
    { label: "Architecture", value: meta.architecture },
    { label: "Parameters", value: `${formatParameterCount(meta.parameterCount)} (${formatNumber(meta.parameterCount)})` },
    { label: "Quantization", value: meta.quantization },
    { label: "Context length", value: orNotDeclared(meta.contextLength, (length) => `${formatNumber(length)} tokens`) },
    { label: "Embedding length", value: orNotDeclared(meta.embeddingLength, formatNumber) },
    { label: "Layers (blocks)", value: orNotDeclared(meta.blockCount, formatNumber) },
    { label: "Tokenizer model", value: meta.tokenizerModel ?? NOT_DECLARED },
    { label: "Vocabulary size", value: orNotDeclared(meta.vocabularySize, formatNumber) },
    { label: "Languages declared", value: meta.languages.length ? meta.languages.join(", ") : "none", dir: "auto" },
    { label: "Description", value: meta.description ?? NOT_DECLARED, dir: "auto" },
    { label: "License", value: meta.license ?? NOT_DECLARED, dir: "auto" },
    { label: "Tensor count", value: formatNumber(meta.tensorCount) },
    { label: "GGUF version", value: String(meta.ggufVersion) },
  ];
}
