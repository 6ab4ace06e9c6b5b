/**
 * Runs tasks one at a time, in the order asked: each read-change-write of a file sees the previous
 * one's result, so two saves at once never lose one of them.
 */
export class SerialQueue {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.last.then(task);
    this.last = next.catch(() => {});
    return next;
  }
}
