import type { KeyValueStore } from '../../main/ports';

/** An in-memory settings store. */
export class InMemoryKeyValueStore implements KeyValueStore {
  readonly path = ':memory:';
  readonly data = new Map<string, unknown>();
  get(key: string): unknown {
    return structuredClone(this.data.get(key));
  }
  set(key: string, value: unknown): void {
    this.data.set(key, structuredClone(value));
  }
  delete(key: string): void {
    this.data.delete(key);
  }
}
