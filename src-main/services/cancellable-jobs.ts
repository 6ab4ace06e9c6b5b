/**
 * Long jobs by id (a corpus measurement, a replay), each cancellable on its own or together with
 * the connection that started it (nobody is left to receive its result), and all on dispose.
 */
import { AppError } from "../contract/errors";

interface Job<T> {
  controller: AbortController;
  connectionId: string | null;
  finished: Promise<T>;
}

export class CancellableJobs<T> {
  private readonly jobs = new Map<string, Job<T>>();

  constructor(
    /** What jobs are called in messages ("corpus job", "replay"). */
    private readonly noun: string,
    /** The abort reason a cancel gives the job's signal (undefined: the platform's AbortError). */
    private readonly cancelReason: () => unknown = () => undefined,
  ) {}

  /** Runs `work` as job `jobId`; refuses an id already running. */
  start(jobId: string, connectionId: string | null, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.jobs.has(jobId)) {
      return Promise.reject(new AppError({ code: "INVALID_INPUT", field: "jobId", message: `A ${this.noun} with id "${jobId}" is already running.` }));
    }
    const controller = new AbortController();
    const finished = work(controller.signal).finally(() => this.jobs.delete(jobId));
    this.jobs.set(jobId, { controller, connectionId, finished });
    return finished;
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    job?.controller.abort(this.cancelReason());
    return job !== undefined;
  }

  cancelOfConnection(connectionId: string): void {
    for (const [jobId, job] of this.jobs) if (job.connectionId === connectionId) this.cancel(jobId);
  }

  /** Cancels every job and waits for each to end. */
  async dispose(): Promise<void> {
    const running = [...this.jobs];
    for (const [jobId] of running) this.cancel(jobId);
    await Promise.allSettled(running.map(([, job]) => job.finished));
  }
}
