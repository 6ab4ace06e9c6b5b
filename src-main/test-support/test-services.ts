/**
 * The main-process services as the workbench wires them (a real Workspace folder, an EventBus,
 * ModelsService, GenerationService), with every bus event recorded and runs collected to the end.
 */
import { afterAll, beforeAll } from "vitest";
import { z } from "zod";
import { events } from "../contract/api";
import {
  GenerationDoneEventSchema, GenerationRequestSchema, GenerationTokensEventSchema,
  type GeneratedToken, type GenerationDoneEvent, type GenerationRequest, type GenerationRequestInput,
} from "../contract/generation";
import type { ModelInfo } from "../contract/models";
import { EventBus } from "../rpc/event-bus";
import { CompareService } from "../services/compare/compare-service";
import { EvalService } from "../services/eval/eval-service";
import { GenerationService } from "../services/generation/generation-service";
import { ModelsService } from "../services/models/models-service";
import { SessionStore } from "../services/sessions/session-store";
import { MetricsWorkerClient } from "../workers/metrics-worker-client";
import { Workspace } from "../workspace/workspace";
import type { FixtureName } from "./bigram-oracle";
import { writeFixtures, type FixturePaths } from "./fixture-files";
import { useTempDir } from "./temp-dir";

export interface TestServices {
  workspace: Workspace;
  bus: EventBus;
  models: ModelsService;
  generation: GenerationService;
  compare: CompareService;
  eval: EvalService;
  /** The session comparisons are saved in: the workspace's default session file. */
  session: SessionStore;
  /** Every `models.changed` payload so far, each checked against the contract. */
  snapshots: ModelInfo[][];
  dispose(): Promise<void>;
}

export async function startServices(workspaceDir: string): Promise<TestServices> {
  const { workspace } = await Workspace.open(workspaceDir);
  const bus = new EventBus();
  const snapshots: ModelInfo[][] = [];
  bus.on("models.changed", (models) => snapshots.push(events["models.changed"].parse(models)));
  const models = new ModelsService(workspace, bus);
  const generation = new GenerationService(models, bus);
  const session = await SessionStore.open(workspace.defaultSessionFile);
  // From source there is no built worker: the metrics run inline (see MetricsWorkerClient).
  const metrics = new MetricsWorkerClient();
  const compare = new CompareService(models, generation, bus, { store: session }, metrics);
  const evaluation = new EvalService(models, bus, metrics, { runsDir: workspace.evalRunsDir, workspaceDir: workspace.dir });
  await models.start();
  return {
    workspace, bus, models, generation, compare, eval: evaluation, session, snapshots,
    async dispose() {
      await evaluation.dispose();
      await compare.dispose();
      await generation.dispose();
      // Let background hashes finish so the test's hash assertions see settled caches.
      await Promise.allSettled(models.list().map((model) => models.hashOf(model.id)));
      await models.dispose();
    },
  };
}

/** Adds one model file and loads it; returns its id. */
export async function addAndLoad(services: TestServices, path: string, contextSize?: number): Promise<string> {
  const { added } = await services.models.add([path]);
  const id = added[0]?.id ?? services.models.list().find((model) => model.path === path)?.id;
  if (!id) throw new Error(`${path} was not added`);
  await services.models.load(id, contextSize);
  return id;
}

/** The first `models.changed` snapshot (from now on) that satisfies `predicate`. */
export function nextSnapshot(bus: EventBus, predicate: (models: ModelInfo[]) => boolean): Promise<ModelInfo[]> {
  return new Promise((resolve) => {
    const stop = bus.on("models.changed", (models) => {
      if (!predicate(models)) return;
      stop();
      resolve(models);
    });
  });
}

export interface RunResult {
  /** What `start(...).finished` resolved to. */
  done: GenerationDoneEvent;
  /** The `generation.done` event the bus carried for this run. */
  doneEvent: GenerationDoneEvent | null;
  /** The streamed tokens of this run, in order, from `generation.tokens` events. */
  tokens: GeneratedToken[];
  batches: number;
}

export interface StartedRun {
  runId: string;
  /** Resolves when the run's first tokens arrive (or when it ends without any). */
  firstTokens: Promise<void>;
  result: Promise<RunResult>;
}

/** A request with its defaults filled in, as the RPC layer hands it to the service. */
export function parseRequest(request: GenerationRequestInput): GenerationRequest {
  return GenerationRequestSchema.parse(request);
}

/** Starts a generation with the request parsed as the RPC layer would, collecting its events. */
export function startRun(services: Pick<TestServices, "bus" | "generation">, request: GenerationRequestInput, connectionId: string | null = null): StartedRun {
  const tokenEvents: Array<z.infer<typeof GenerationTokensEventSchema>> = [];
  const doneEvents: GenerationDoneEvent[] = [];
  let sawTokens: () => void = () => {};
  const firstTokens = new Promise<void>((resolve) => (sawTokens = resolve));
  let runId = ""; // events come asynchronously, after start() has returned the id
  const stopTokens = services.bus.on("generation.tokens", (event) => {
    tokenEvents.push(GenerationTokensEventSchema.parse(event));
    if (event.runId === runId) sawTokens();
  });
  const stopDone = services.bus.on("generation.done", (event) => doneEvents.push(GenerationDoneEventSchema.parse(event)));
  const started = services.generation.start(parseRequest(request), connectionId);
  runId = started.runId;
  const finished = started.finished;
  const result = finished.then((done) => {
    stopTokens();
    stopDone();
    sawTokens();
    const mine = tokenEvents.filter((event) => event.runId === runId);
    return {
      done,
      doneEvent: doneEvents.find((event) => event.runId === runId) ?? null,
      tokens: mine.flatMap((event) => event.tokens),
      batches: mine.length,
    };
  });
  return { runId, firstTokens, result };
}

export function runToEnd(services: Pick<TestServices, "bus" | "generation">, request: GenerationRequestInput): Promise<RunResult> {
  return startRun(services, request).result;
}

export interface LoadedFixtures {
  readonly services: TestServices;
  readonly paths: FixturePaths;
  /** The id of a loaded fixture checkpoint. */
  id(name: FixtureName): string;
}

/**
 * For a test file: the fixture checkpoints in a fresh temp folder, services on a workspace there,
 * both checkpoints loaded before the tests and everything disposed after.
 */
export function useLoadedFixtures(label: string): LoadedFixtures {
  const tmp = useTempDir(label);
  let services: TestServices | null = null;
  let paths: FixturePaths | null = null;
  const ids = new Map<FixtureName, string>();
  beforeAll(async () => {
    paths = await writeFixtures(tmp.join("models"));
    services = await startServices(tmp.join("workspace"));
    ids.set("polyglot-base", await addAndLoad(services, paths.base));
    ids.set("polyglot-continued", await addAndLoad(services, paths.continued));
  });
  afterAll(async () => {
    await services?.dispose();
  });
  const ready = <T>(value: T | null): T => {
    if (value === null) throw new Error("useLoadedFixtures: available only inside tests and hooks");
    return value;
  };
  return {
    get services() { return ready(services); },
    get paths() { return ready(paths); },
    id: (name) => ready(ids.get(name) ?? null),
  };
}
