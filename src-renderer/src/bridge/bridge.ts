import { events, type EventPayload, type Method, type Params, type Result, type Topic } from "@contract/api";
import { AppError } from "@contract/errors";
import type { MessagePort } from "@contract/protocol";
import { RpcClient } from "@contract/rpc-client";
import { reconnectDelayMs } from "./backoff";

export type ConnectionStatus = "connecting" | "connected" | "disconnected";

/** Opens a fresh port to the main process; rejects when it cannot. */
export type PortOpener = () => Promise<MessagePort>;

type Listener = (payload: unknown) => void;

/**
 * The renderer's one way to the main process. An RpcClient lives as long as its port, so the bridge
 * builds a new one on every (re)connection; event subscriptions and "connected" hooks outlive them.
 */
export class Bridge {
  private status: ConnectionStatus = "connecting";
  private client: RpcClient | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private readonly eventListeners = new Map<Topic, Set<Listener>>();
  private readonly connectedListeners = new Set<() => void>();
  private readonly disconnectedListeners = new Set<() => void>();
  private readonly statusListeners = new Set<(status: ConnectionStatus) => void>();

  constructor(
    private readonly open: PortOpener,
    private readonly delayMs: (attempt: number) => number = reconnectDelayMs,
  ) {}

  start(): void {
    void this.connect();
  }

  call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
    if (!this.client) {
      return Promise.reject(new AppError({ code: "DISCONNECTED", message: "Not connected to the workbench; retrying." }));
    }
    return this.client.call(method, params);
  }

  on<T extends Topic>(topic: T, listener: (payload: EventPayload<T>) => void): () => void {
    return addTo(this.eventListeners, topic, listener as Listener);
  }

  /** Runs on every (re)connection, and at once if connected now: where state is (re)fetched. */
  onConnected(listener: () => void): () => void {
    this.connectedListeners.add(listener);
    if (this.status === "connected") listener();
    return () => this.connectedListeners.delete(listener);
  }

  /** Runs when an established connection is lost (events may have been missed). */
  onDisconnected(listener: () => void): () => void {
    this.disconnectedListeners.add(listener);
    return () => this.disconnectedListeners.delete(listener);
  }

  /** Runs with the current status now and on every change. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retryTimer);
    this.client?.close();
    this.client = null;
  }

  private async connect(): Promise<void> {
    let port: MessagePort;
    try {
      port = await this.open();
    } catch {
      this.setStatus("disconnected");
      this.scheduleRetry();
      return;
    }
    if (this.disposed) return;
    const client = new RpcClient(port);
    for (const topic of Object.keys(events) as Topic[]) {
      client.on(topic, (payload) => this.dispatch(topic, payload));
    }
    port.onClose?.(() => this.lose(client));
    this.client = client;
    this.attempt = 0;
    this.setStatus("connected");
    for (const listener of this.connectedListeners) listener();
  }

  private lose(client: RpcClient): void {
    if (this.client !== client || this.disposed) return;
    this.client = null;
    this.setStatus("disconnected");
    for (const listener of this.disconnectedListeners) listener();
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.disposed) return;
    this.retryTimer = setTimeout(() => void this.connect(), this.delayMs(this.attempt++));
  }

  private dispatch(topic: Topic, payload: unknown): void {
    for (const listener of this.eventListeners.get(topic) ?? []) listener(payload);
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }
}

function addTo<K>(map: Map<K, Set<Listener>>, key: K, listener: Listener): () => void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}
