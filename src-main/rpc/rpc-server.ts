/**
 * Serves the contract's procedures over any number of connections (one per renderer window or
 * WebSocket). Inputs are validated before a handler runs; errors go back as AppError data.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { procedures, type CallContext, type Handlers, type Method } from "../contract/api";
import { AppError } from "../contract/errors";
import { RequestMessageSchema, type EventMessage, type MessagePort } from "../contract/protocol";
import type { EventBus } from "./event-bus";

export interface ConnectionOptions {
  /** A read-only connection may look (READ_ONLY_METHODS) but not change anything. */
  readOnly?: boolean;
}

const READ_ONLY_METHODS = new Set<Method>([
  "system.info", "models.list", "compare.leaderboard", "compare.export",
  "session.current", "session.describe", "session.comparison", "session.list", "session.agreement", "session.matchModels", "session.exportHtml",
  "eval.inspectData", "eval.runs", "eval.run", "eval.items", "eval.delta", "eval.export", "eval.tiers",
  "prompts.library", "prompts.history", "prompts.preview",
  "tokenize.text", "tokenize.inspectCorpus",
]);

export class RpcServer {
  constructor(
    private readonly handlers: Handlers,
    private readonly bus: EventBus,
    /** Called when a connection ends, so services can stop work it started. */
    private readonly onDisconnect: (connectionId: string) => void = () => {},
  ) {}

  /** Serves one connection until it closes; returns a function that ends it early. */
  connect(port: MessagePort, options: ConnectionOptions = {}): () => void {
    const context: CallContext = { connectionId: randomUUID(), readOnly: options.readOnly ?? false };
    const unsubscribe = this.bus.subscribe((event: EventMessage) => port.send(event));
    const stopListening = port.onMessage((message) => void this.handle(port, context, message));
    const disconnect = () => {
      unsubscribe();
      stopListening();
      this.onDisconnect(context.connectionId);
    };
    port.onClose?.(disconnect);
    return disconnect;
  }

  /** Calls a procedure in-process, with the same validation as a remote call (used by the CLI). */
  async invoke<M extends Method>(method: M, params: unknown, context: CallContext): Promise<z.output<(typeof procedures)[M]["output"]>> {
    const spec = procedures[method];
    if (context.readOnly && !READ_ONLY_METHODS.has(method)) {
      throw new AppError({ code: "NOT_SUPPORTED", message: `This link is read-only: ${method} is not allowed.` });
    }
    const input = spec.input.safeParse(params ?? {});
    if (!input.success) throw invalidInput(method, input.error);
    const handler = this.handlers[method] as (params: unknown, context: CallContext) => Promise<unknown>;
    return (await handler(input.data, context)) as z.output<(typeof procedures)[M]["output"]>;
  }

  private async handle(port: MessagePort, context: CallContext, message: unknown): Promise<void> {
    const request = RequestMessageSchema.safeParse(message);
    if (!request.success) {
      // Answer what can be answered, so a caller with a bad message does not wait forever.
      const id = (message as { id?: unknown } | null)?.id;
      if (typeof id === "number" && Number.isInteger(id)) {
        port.send({ kind: "response", id, ok: false, error: { code: "INVALID_INPUT", message: "Malformed request: it needs kind \"request\", a method name and params." } });
      }
      return;
    }
    const { id, method, params } = request.data;
    try {
      if (!Object.hasOwn(procedures, method)) {
        throw new AppError({ code: "UNKNOWN_METHOD", message: `The workbench has no procedure named "${method}".` });
      }
      const result = await this.invoke(method as Method, params, context);
      port.send({ kind: "response", id, ok: true, result });
    } catch (error) {
      port.send({ kind: "response", id, ok: false, error: AppError.from(error).toData() });
    }
  }
}

function invalidInput(method: string, error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.join(".") || undefined;
  return new AppError({
    code: "INVALID_INPUT",
    message: `Invalid ${method} request${field ? ` (${field})` : ""}: ${issue?.message ?? error.message}`,
    field,
  });
}
