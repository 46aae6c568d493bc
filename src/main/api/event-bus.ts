import { eventContract, type AppEvent, type EventName, type EventPayload } from '@shared/api/events';

export type EventListener = (event: AppEvent) => void;

/**
 * Main's side of the event channel: every payload is checked against the event contract before it
 * leaves (a bug must not push case data or garbage to the renderer), then handed to each
 * subscriber (the service process's port, the bridge's event stream, tests).
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = eventContract[name].payload.safeParse(payload);
    if (!checked.success) throw new Error(`Event ${name} does not match the contract: ${checked.error.message}`);
    const event = { name, payload: checked.data } as AppEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken subscriber (a closed stream) must not stop the others.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
