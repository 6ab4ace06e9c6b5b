/**
 * Runs a generation through an RpcClient and collects its events (Node clients: tests, the
 * benchmark). Listening starts before the call: a response and the first token frames can arrive
 * in one burst, before the caller could subscribe.
 */
import type { EventPayload, Params } from "../contract/api";
import type { GenerationDoneEvent } from "../contract/generation";
import type { RpcClient } from "../contract/rpc-client";

export interface ClientRun {
  runId: string;
  /** Resolves once the run's first tokens arrived (or it ended without any). */
  firstTokens: Promise<void>;
  finished: Promise<{ done: GenerationDoneEvent; streamed: string; batches: number }>;
}

export async function startRun(client: RpcClient, request: Params<"generation.start">): Promise<ClientRun> {
  const tokenEvents: Array<EventPayload<"generation.tokens">> = [];
  let runId: string | null = null;
  let sawTokens = () => {};
  let ended: (done: GenerationDoneEvent) => void = () => {};
  const earlyDone: GenerationDoneEvent[] = [];
  const firstTokens = new Promise<void>((resolve) => (sawTokens = resolve));
  const doneEvent = new Promise<GenerationDoneEvent>((resolve) => (ended = resolve));
  const stopTokens = client.on("generation.tokens", (event) => {
    tokenEvents.push(event);
    if (event.runId === runId) sawTokens();
  });
  const stopDone = client.on("generation.done", (event) => {
    if (runId === null) earlyDone.push(event);
    else if (event.runId === runId) ended(event);
  });
  ({ runId } = await client.call("generation.start", request));
  if (tokenEvents.some((event) => event.runId === runId)) sawTokens();
  const early = earlyDone.find((event) => event.runId === runId);
  if (early) ended(early);
  const finished = doneEvent.then((done) => {
    stopTokens();
    stopDone();
    sawTokens();
    const mine = tokenEvents.filter((event) => event.runId === runId);
    return { done, streamed: mine.flatMap((event) => event.tokens).map((token) => token.text).join(""), batches: mine.length };
  });
  return { runId, firstTokens, finished };
}
