/**
 * The typed client every caller uses (renderer, tests, benchmark): one `call` per procedure,
 * `on` per event topic. Results and events are parsed against the contract before use.
 */
import { events, procedures, type EventPayload, type Method, type Params, type Result, type Topic } from "./api";
import { AppError } from "./errors";
import { EventMessageSchema, ResponseMessageSchema, type MessagePort } from "./protocol";

interface Pending {
  method: Method;
  resolve: (value: unknown) => void;
  reject: (error: AppError) => void;
}

export class RpcClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly stopListening: () => void;
  private closed = false;

  constructor(private readonly port: MessagePort) {
    this.stopListening = port.onMessage((message) => this.receive(message));
    port.onClose?.(() => this.fail("The connection to the workbench closed."));
  }

  call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
    if (this.closed) return Promise.reject(new AppError({ code: "DISCONNECTED", message: "Not connected to the workbench." }));
    const id = this.nextId++;
    return new Promise<Result<M>>((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject });
      this.port.send({ kind: "request", id, method, params });
    });
  }

  on<T extends Topic>(topic: T, listener: (payload: EventPayload<T>) => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    return () => set.delete(untyped);
  }

  close(): void {
    this.stopListening();
    this.fail("The client was closed.");
    this.port.close?.();
  }

  private fail(message: string): void {
    this.closed = true;
    for (const { reject } of this.pending.values()) reject(new AppError({ code: "DISCONNECTED", message }));
    this.pending.clear();
  }

  private receive(message: unknown): void {
    const event = EventMessageSchema.safeParse(message);
    if (event.success) return this.dispatchEvent(event.data.topic, event.data.payload);
    const response = ResponseMessageSchema.safeParse(message);
    if (!response.success) return;
    const pending = this.pending.get(response.data.id);
    if (!pending) return;
    this.pending.delete(response.data.id);
    if (!response.data.ok) return pending.reject(new AppError(response.data.error));
    const parsed = procedures[pending.method].output.safeParse(response.data.result);
    if (parsed.success) pending.resolve(parsed.data);
    else pending.reject(new AppError({ code: "INTERNAL", message: `The workbench sent a malformed ${pending.method} result: ${parsed.error.message}` }));
  }

  private dispatchEvent(topic: string, payload: unknown): void {
    const set = this.listeners.get(topic);
    if (!set || !(topic in events)) return;
    const parsed = events[topic as Topic].safeParse(payload);
    if (!parsed.success) return;
    for (const listener of set) listener(parsed.data);
  }
}
