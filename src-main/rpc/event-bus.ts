import type { EventPayload, Topic } from "../contract/api";
import type { EventMessage } from "../contract/protocol";

/** Main-process events fanned out to every connected client. */
export class EventBus {
  private readonly subscribers = new Set<(event: EventMessage) => void>();

  emit<T extends Topic>(topic: T, payload: EventPayload<T>): void {
    const message: EventMessage = { kind: "event", topic, payload };
    for (const subscriber of this.subscribers) {
      try {
        subscriber(message);
      } catch (error) {
        // One failing client (a socket gone bad) must not stop the others or the work behind the event.
        console.error(`polyglot: an event subscriber failed on ${topic}:`, error);
      }
    }
  }

  /** Listens to one topic, typed. */
  on<T extends Topic>(topic: T, listener: (payload: EventPayload<T>) => void): () => void {
    return this.subscribe((event) => {
      if (event.topic === topic) listener(event.payload as EventPayload<T>);
    });
  }

  subscribe(subscriber: (event: EventMessage) => void): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }
}
