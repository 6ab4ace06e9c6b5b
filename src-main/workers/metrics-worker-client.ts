/**
 * Runs metrics tasks on a worker thread so the main process keeps streaming tokens and answering
 * calls while a leaderboard's bootstrap (a second or more for big vote sets) is computed.
 *
 * The worker is the built `out/main/metrics-worker.js`. Code running from source (Vitest) has no
 * built worker to start, so it runs the same task functions inline.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { AppError, type AppErrorData } from "../contract/errors";
import { projectRoot } from "../app/paths";
import { metricsTasks, type MetricsTask, type MetricsTasks } from "./metrics-tasks";

type Input<T extends MetricsTask> = Parameters<MetricsTasks[T]>[0];
type Output<T extends MetricsTask> = ReturnType<MetricsTasks[T]>;

interface Pending {
  resolve(value: unknown): void;
  reject(error: AppError): void;
}

export class MetricsWorkerClient {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly workerFile: string | null = builtWorkerFile()) {}

  get threaded(): boolean {
    return this.workerFile !== null;
  }

  run<T extends MetricsTask>(task: T, input: Input<T>): Promise<Output<T>> {
    if (!this.workerFile) return Promise.resolve().then(() => metricsTasks[task](input as never) as Output<T>);
    const worker = this.start(this.workerFile);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, task, input });
    });
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new AppError({ code: "CANCELLED", message: "The workbench is shutting down." }));
    await worker?.terminate();
  }

  private start(file: string): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(file);
    // An idle worker must not keep a CLI process alive.
    worker.unref();
    worker.on("message", ({ id, result, error }: { id: number; result?: unknown; error?: AppErrorData }) => {
      const pending = this.pending.get(id);
      this.pending.delete(id);
      if (error) pending?.reject(new AppError(error));
      else pending?.resolve(result);
    });
    worker.on("error", (error) => {
      this.worker = null;
      this.failAll(new AppError({ code: "INTERNAL", message: `The metrics worker failed: ${error.message}` }));
    });
    this.worker = worker;
    return worker;
  }

  private failAll(error: AppError): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

function builtWorkerFile(): string | null {
  if (!fileURLToPath(import.meta.url).includes(join("out", "main"))) return null;
  const file = join(projectRoot(), "out", "main", "metrics-worker.js");
  return existsSync(file) ? file : null;
}
