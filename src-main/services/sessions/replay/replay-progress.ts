/** Progress of a replay, as `session.replayProgress` events: one after each pane. */
import type { ReplayRow } from "../../../contract/sessions";
import type { EventBus } from "../../../rpc/event-bus";

export class ReplayProgress {
  private done = 0;
  private readonly started = performance.now();

  constructor(private readonly bus: EventBus, private readonly jobId: string, private readonly total: number) {}

  /**
   * The rate is over the whole job: panes take about as long as each other's outputs are long, and
   * a replay has at most a few thousand of them.
   */
  paneDone(row: ReplayRow): void {
    this.done++;
    const seconds = (performance.now() - this.started) / 1000;
    const panesPerSecond = seconds > 0 ? this.done / seconds : 0;
    const remaining = this.total - this.done;
    const etaSeconds = remaining === 0 ? 0 : panesPerSecond > 0 ? remaining / panesPerSecond : null;
    this.bus.emit("session.replayProgress", { jobId: this.jobId, done: this.done, total: this.total, panesPerSecond, etaSeconds, row });
  }
}
