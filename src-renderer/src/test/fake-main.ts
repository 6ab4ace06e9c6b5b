/**
 * A fake main process for component tests. It stands in for the real main process (which the E2E
 * specs exercise for real) at the lowest level the renderer knows: a MessagePort speaking the wire
 * protocol. Components therefore run through the real Bridge, RpcClient and contract schemas.
 */
import { procedures, type EventPayload, type Method, type ParsedParams, type Topic } from "@contract/api";
import { AppError } from "@contract/errors";
import { RequestMessageSchema, type MessagePort, type WireMessage } from "@contract/protocol";

interface Connection {
  listeners: Set<(message: unknown) => void>;
  closeListeners: Set<() => void>;
}

type Handler<M extends Method> = (params: ParsedParams<M>) => unknown;

export class FakeMain {
  /** Every request the renderer made, in order. */
  readonly calls: { method: string; params: unknown }[] = [];
  private readonly handlers = new Map<string, (params: unknown) => unknown>();
  private connection: Connection | null = null;
  private down = false;

  /** Opens a new connection and returns the renderer's end of it (what a PortOpener resolves with). */
  connect(): MessagePort {
    if (this.down) throw new Error("The fake main is down.");
    const connection: Connection = { listeners: new Set(), closeListeners: new Set() };
    this.connection = connection;
    return {
      send: (message) => this.receive(message),
      onMessage: (listener) => {
        connection.listeners.add(listener);
        return () => connection.listeners.delete(listener);
      },
      onClose: (listener) => {
        connection.closeListeners.add(listener);
        return () => connection.closeListeners.delete(listener);
      },
    };
  }

  /** Drops the connection and refuses new ones until `comeBack`, as when the server restarts. */
  goDown(): void {
    this.down = true;
    const connection = this.connection;
    this.connection = null;
    for (const listener of connection?.closeListeners ?? []) listener();
  }

  comeBack(): void {
    this.down = false;
  }

  handle<M extends Method>(method: M, handler: Handler<M>): this {
    this.handlers.set(method, handler as (params: unknown) => unknown);
    return this;
  }

  /**
   * Answers compare.start as main does, without models: the n-th comparison (from 1) is `cmp-<n>`
   * and its pane i runs as `cmp-<n>-pane-<i>`; a test then streams with `emit("generation.tokens", …)`,
   * `emit("generation.done", …)` and `emit("compare.finished", …)`. compare.cancel answers
   * `{ cancelled: true }` and sends nothing: the test sends the runs' ends.
   */
  handleCompare(): this {
    let comparisons = 0;
    return this
      .handle("compare.start", (request) => {
        const comparisonId = `cmp-${++comparisons}`;
        return { comparisonId, panes: request.panes.map((_, index) => ({ runId: `${comparisonId}-pane-${index}`, error: null })) };
      })
      .handle("compare.cancel", () => ({ cancelled: true }));
  }

  emit<T extends Topic>(topic: T, payload: EventPayload<T>): void {
    this.deliver({ kind: "event", topic, payload });
  }

  callsOf(method: Method): unknown[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.params);
  }

  /** Like the real main: each message arrives in its own task, as over IPC or a socket. */
  private deliver(message: WireMessage): void {
    const connection = this.connection;
    setTimeout(() => {
      if (connection !== this.connection) return; // sent on a connection that has since closed
      for (const listener of connection?.listeners ?? []) listener(structuredClone(message));
    });
  }

  private receive(message: WireMessage): void {
    const request = RequestMessageSchema.parse(structuredClone(message));
    this.calls.push({ method: request.method, params: request.params });
    void this.answer(request.id, request.method, request.params);
  }

  private async answer(id: number, method: string, params: unknown): Promise<void> {
    try {
      const handler = this.handlers.get(method);
      if (!handler || !(method in procedures)) {
        throw new AppError({ code: "UNKNOWN_METHOD", message: `The fake main has no handler for ${method}.` });
      }
      const input = procedures[method as Method].input.safeParse(params);
      if (!input.success) throw new AppError({ code: "INVALID_INPUT", message: input.error.message });
      const result = await handler(input.data);
      this.deliver({ kind: "response", id, ok: true, result });
    } catch (error) {
      this.deliver({ kind: "response", id, ok: false, error: AppError.from(error).toData() });
    }
  }
}
