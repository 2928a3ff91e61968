import { events, type EventPayloadOf } from '../../shared/ipc/contract';
import type { EventName } from '../../shared/ipc/names';
import type { Logger } from '../ports';

/** A receiver of validated events (Electron windows, the browser host's event stream, tests). */
export type EventListener = (event: EventName, payload: unknown) => void;

/** Fans typed, schema-checked events out to every attached sink. */
export class EventBus {
  private readonly sinks = new Set<EventListener>();

  constructor(private readonly logger: Logger) {}

  /** Checks the payload against the contract and delivers it. */
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
    const checked = events[event].safeParse(payload);
    if (!checked.success) {
      this.logger.error('Event payload outside its schema was not sent', { event });
      return;
    }
    for (const sink of this.sinks) sink(event, checked.data);
  }

  /** Adds a sink; returns the function that removes it. */
  attach(sink: EventListener): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }
}
