import { ModelInfoSchema, SystemInfoSchema, type ModelInfo, type SystemInfo } from "@contract/models";

/** A system.info answer; parsed so a fixture that drifts from the contract fails loudly. */
export function systemInfo(overrides: Partial<SystemInfo> = {}): SystemInfo {
  return SystemInfoSchema.parse({
    appVersion: "0.1.0",
    mode: "server",
    workspaceDir: "/home/ana/workbench",
    backend: "cpu",
    gpuName: null,
    cpuThreads: 8,
    totalRamBytes: 16 * 1024 ** 3,
    freeRamBytes: 9 * 1024 ** 3,
    canPickFiles: false,
    readOnly: false,
    sessionFile: "/home/ana/workbench/sessions/default.polyglot-session.json",
    sessionError: null,
    ...overrides,
  });
}

type ModelOverrides = Omit<Partial<ModelInfo>, "metadata"> & { metadata?: Partial<NonNullable<ModelInfo["metadata"]>> | null };

export function model(overrides: ModelOverrides = {}): ModelInfo {
  const { metadata, ...rest } = overrides;
  return ModelInfoSchema.parse({
    id: "m-base",
    path: "/home/ana/workbench/models/polyglot-base.gguf",
    fileName: "polyglot-base.gguf",
    sizeBytes: 6_291_456,
    sha256: "3f2a9c0d1e4b5a6978877665544332211ffeeddccbbaa99887766554433221100",
    hashProgress: 1,
    status: "unloaded",
    memory: {
      backend: "cpu", gpuLayers: 0, totalLayers: 1, contextSize: 2048, sequences: 2,
      modelRamBytes: 6_000_000, modelVramBytes: 0, contextRamBytes: 2_000_000, contextVramBytes: 0,
      totalRamBytes: 8_000_000, totalVramBytes: 0, freeRamBytes: 4_000_000, fits: true,
    },
    error: null,
    contextSize: null,
    ...rest,
    metadata: metadata === null ? null : {
      name: "polyglot-base",
      architecture: "llama",
      parameterCount: 1_512_000,
      quantization: "F32",
      contextLength: 2048,
      embeddingLength: 264,
      blockCount: 1,
      chatTemplate: "{% for message in messages %}<|im_start|>{{ message['role'] }}{% endfor %}",
      tokenizerModel: "gpt2",
      vocabularySize: 260,
      languages: ["en", "fr", "sw"],
      description: "Byte bigram fixture",
      license: "Apache-2.0",
      ggufVersion: 3,
      tensorCount: 12,
      ...metadata,
    },
  });
}
