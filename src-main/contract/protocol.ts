/**
 * Wire messages shared by every transport. Plain JSON-compatible objects: Electron IPC sends them
 * by structured clone, the WebSocket transport as JSON text.
 */
import { z } from "zod";
import { AppErrorDataSchema } from "./errors";

export const RequestMessageSchema = z.object({
  kind: z.literal("request"),
  id: z.number().int(),
  method: z.string(),
  params: z.unknown(),
});

export const ResponseMessageSchema = z.discriminatedUnion("ok", [
  z.object({ kind: z.literal("response"), id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ kind: z.literal("response"), id: z.number().int(), ok: z.literal(false), error: AppErrorDataSchema }),
]);

export const EventMessageSchema = z.object({
  kind: z.literal("event"),
  topic: z.string(),
  payload: z.unknown(),
});

export type RequestMessage = z.infer<typeof RequestMessageSchema>;
export type ResponseMessage = z.infer<typeof ResponseMessageSchema>;
export type EventMessage = z.infer<typeof EventMessageSchema>;
export type WireMessage = RequestMessage | ResponseMessage | EventMessage;

/**
 * A bidirectional message channel (after VS Code's IMessagePassingProtocol): what every transport
 * provides to the RPC layer on each side.
 */
export interface MessagePort {
  send(message: WireMessage): void;
  /** Returns a function that removes the listener. */
  onMessage(listener: (message: unknown) => void): () => void;
  onClose?(listener: () => void): () => void;
  /** Ends the channel, where the transport can (a socket closes; an IPC window stays). */
  close?(): void;
}
