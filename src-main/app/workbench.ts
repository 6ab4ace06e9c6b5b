/**
 * The composition root: one workspace, its services, and the handlers that serve the contract.
 * Electron, server mode and the CLI all start the workbench here, so they run the same code.
 */
import os from "node:os";
import type { Handlers } from "../contract/api";
import { AppError } from "../contract/errors";
import type { SystemInfo } from "../contract/models";
import { describeRuntime } from "../llama/llama-runtime";
import { EventBus } from "../rpc/event-bus";
import { RpcServer } from "../rpc/rpc-server";
import { CompareService } from "../services/compare/compare-service";
import { EvalService } from "../services/eval/eval-service";
import { GenerationService } from "../services/generation/generation-service";
import { ModelsService } from "../services/models/models-service";
import { PromptsService } from "../services/prompts/prompts-service";
import { SessionsService } from "../services/sessions/sessions-service";
import { TokenizerPool } from "../services/tokenizers/tokenizer-pool";
import { TokenizerService } from "../services/tokenizers/tokenizer-service";
import { MetricsWorkerClient } from "../workers/metrics-worker-client";
import { openWorkspace } from "../workspace/default-workspace";
import { APP_VERSION } from "./app-version";

export interface WorkbenchOptions {
  workspaceDir: string;
  mode: SystemInfo["mode"];
  /** Create the demo models in a new workspace (default true). */
  demo?: boolean;
  /** Hash models in the background (default true; one-shot CLI commands turn it off). */
  hashModels?: boolean;
  /** The session comparisons are saved in (default: the workspace's own). */
  sessionFile?: string;
  /** The host's native file picker, where it has one (Electron). */
  pickFiles?: () => Promise<string[]>;
}

export interface Workbench {
  bus: EventBus;
  rpc: RpcServer;
  models: ModelsService;
  generation: GenerationService;
  compare: CompareService;
  eval: EvalService;
  sessions: SessionsService;
  tokenizers: TokenizerService;
  prompts: PromptsService;
  workspaceDir: string;
  dispose(): Promise<void>;
}

export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const bus = new EventBus();
  const workspace = await openWorkspace(options.workspaceDir, { demo: options.demo ?? true });
  const models = new ModelsService(workspace, bus, { hashInBackground: options.hashModels ?? true });
  const generation = new GenerationService(models, bus);
  const metrics = new MetricsWorkerClient();
  const evaluation = new EvalService(models, bus, metrics, { runsDir: workspace.evalRunsDir, workspaceDir: workspace.dir });
  const sessions = await SessionsService.start(workspace, { bus, models, generation, evaluation, metrics }, options.sessionFile);
  const compare = new CompareService(models, generation, bus, sessions, metrics, { waitForHashes: options.hashModels ?? true });
  const tokenizerPool = new TokenizerPool(models);
  const tokenizers = new TokenizerService(models, tokenizerPool, bus, metrics);
  const prompts = new PromptsService(workspace.dir, tokenizerPool);
  await models.start();

  const handlers: Handlers = {
    "system.info": async (_params, context) => {
      const runtime = await describeRuntime();
      return {
        appVersion: APP_VERSION, mode: options.mode, workspaceDir: workspace.dir, ...runtime,
        totalRamBytes: os.totalmem(), freeRamBytes: os.freemem(),
        canPickFiles: options.pickFiles !== undefined, readOnly: context.readOnly,
        sessionFile: sessions.store.path, sessionError: sessions.store.openError?.toData() ?? null,
      };
    },
    "system.pickModelFiles": async () => {
      if (!options.pickFiles) {
        throw new AppError({ code: "NOT_SUPPORTED", message: "This host has no file picker; type the path of a .gguf file or folder instead." });
      }
      return options.pickFiles();
    },
    "models.list": async () => models.list(),
    "models.add": async ({ paths }) => models.add(paths),
    "models.remove": async ({ id }) => {
      await models.remove(id);
      return {};
    },
    "models.load": async ({ id, contextSize, sequences }) => models.load(id, contextSize, sequences),
    "models.unload": async ({ id }) => models.unload(id),
    "generation.start": async (request, context) => ({ runId: generation.start(request, context.connectionId).runId }),
    "generation.cancel": async ({ runId }) => ({ cancelled: generation.cancel(runId) }),
    "compare.start": async (request, context) => {
      const { comparisonId, panes } = await compare.start(request, context.connectionId);
      return { comparisonId, panes };
    },
    "compare.cancel": async ({ comparisonId }) => ({ cancelled: compare.cancel(comparisonId) }),
    "compare.vote": async (request) => compare.vote(request),
    "compare.leaderboard": async (request) => compare.leaderboard(request),
    "compare.export": async (request) => compare.export(request),
    "session.current": async () => ({ path: sessions.store.path, session: sessions.store.current }),
    "session.describe": async () => sessions.describe(),
    "session.comparison": async ({ id }) => sessions.comparison(id),
    "session.list": async () => sessions.list(),
    "session.open": async ({ path }) => sessions.open(path),
    "session.create": async ({ title }) => sessions.create(title),
    "session.setNotes": async ({ comparisonId, notes }) => {
      await sessions.setNotes(comparisonId, notes);
      return {};
    },
    "session.linkEvalRun": async ({ runId }) => sessions.linkEvalRun(runId),
    "session.unlinkEvalRun": async ({ runId }) => {
      await sessions.unlinkEvalRun(runId);
      return {};
    },
    "session.agreement": async () => sessions.agreement(),
    "session.matchModels": async () => sessions.matchModels(),
    "session.replay": async (request, context) => sessions.replay(request, context.connectionId),
    "session.cancelReplay": async ({ jobId }) => ({ cancelled: sessions.cancelReplay(jobId) }),
    "session.merge": async ({ paths, out, force, open }) => sessions.merge(paths, out, force, open),
    "session.exportHtml": async () => sessions.exportHtml(),
    "eval.inspectData": async ({ task, data }) => evaluation.inspectData(task, data),
    "eval.start": async (request) => evaluation.start(request),
    "eval.cancel": async ({ runId }) => ({ cancelled: evaluation.cancel(runId) }),
    "eval.resume": async ({ runId }) => evaluation.resume(runId),
    "eval.runs": async () => evaluation.runs(),
    "eval.run": async ({ runId }) => evaluation.run(runId),
    "eval.items": async (request) => evaluation.items(request),
    "eval.delta": async (request) => evaluation.delta(request),
    "eval.importLmEval": async ({ paths }) => evaluation.importLmEval(paths),
    "eval.export": async (request) => evaluation.export(request),
    "eval.tiers": async () => evaluation.getTiers(),
    "eval.setTiers": async (tiers) => evaluation.setTiers(tiers),
    "prompts.library": async () => prompts.library(),
    "prompts.save": async (request) => prompts.save(request),
    "prompts.delete": async ({ id }) => {
      await prompts.delete(id);
      return {};
    },
    "prompts.savePreset": async (preset) => prompts.savePreset(preset),
    "prompts.deletePreset": async ({ name }) => prompts.deletePreset(name),
    "prompts.history": async ({ limit }) => prompts.history(limit),
    "prompts.addHistory": async (entry) => prompts.addHistory(entry),
    "prompts.clearHistory": async () => {
      await prompts.clearHistory();
      return {};
    },
    "prompts.datasetRows": async ({ path, offset, limit }) => prompts.datasetRows(path, offset, limit),
    "prompts.preview": async (request) => prompts.preview(request),
    "tokenize.text": async (request) => tokenizers.tokenize(request),
    "tokenize.inspectCorpus": async ({ dir }) => tokenizers.inspectCorpus(dir),
    "tokenize.corpus": async (request, context) => tokenizers.corpus(request, context.connectionId),
    "tokenize.cancelCorpus": async ({ jobId }) => ({ cancelled: tokenizers.cancelCorpus(jobId) }),
  };

  return {
    bus, models, generation, compare, eval: evaluation, sessions, tokenizers, prompts, workspaceDir: workspace.dir,
    rpc: new RpcServer(handlers, bus, (connectionId) => {
      generation.cancelRunsOfConnection(connectionId);
      tokenizers.cancelCorpusOfConnection(connectionId);
      sessions.cancelReplaysOfConnection(connectionId);
    }),
    async dispose() {
      await compare.dispose();
      await sessions.dispose();
      await evaluation.dispose();
      await tokenizers.dispose();
      await tokenizerPool.dispose();
      await metrics.dispose();
      await generation.dispose();
      await models.dispose();
    },
  };
}
