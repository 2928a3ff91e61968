import { createUndiciSend, type RetryPolicy } from '../../../../main/services/vendors/http';
import { YccallClient } from '../../../../main/services/vendors/yccall/client';
import { YccallVendor } from '../../../../main/services/vendors/yccall/yccall-vendor';
import { SimulatorServer } from '../../../../main/services/sandbox/server';
import { ManualClock } from '../../../../main/services/sandbox/sim-kit';
import { mountYccall, type YccallSim } from '../../../../main/services/sandbox/yccall/yccall-sim';
import type { Clock } from '../../../../main/ports';
import { MemoryLogger } from '../../../fakes/memory-logger';

/** The account the tests sign in with; the access key must never show up anywhere. */
export const ACCOUNT = { appid: 'cd-test-app', accesskey: 'AK-secret-7f3e9c1d5b' } as const;
/** A second company on the same server (its tasks must stay invisible to the first). */
export const OTHER = { appid: 'other-app', accesskey: 'AK-other-0a1b2c' } as const;

/** Retries without real waiting, so no test sleeps. */
export const FAST_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 };

/** Valid settings for a queue-assigned task in the simulator. */
export const SETTINGS = {
  assignType: 'queue',
  assignAgent: 'queue-1',
  callsPerAgent: 2,
  // These tests look at tasks as created; "start when sent" is tested where it is asked for.
  start: false,
} as const;

/** A simulator on loopback with a client and vendor pointed at it. */
export interface Harness {
  readonly server: SimulatorServer;
  readonly clock: ManualClock;
  readonly sim: YccallSim;
  readonly client: YccallClient;
  readonly vendor: YccallVendor;
  readonly logger: MemoryLogger;
  /** Makes another client (e.g. with its own clock or key). */
  makeClient(overrides?: {
    clock?: Clock;
    accessKey?: string;
    appid?: string;
    timeoutMs?: number;
    writeTimeoutMs?: number;
  }): YccallClient;
  close(): Promise<void>;
}

/** Starts a simulator and a client; `timeoutMs` keeps fault tests fast. */
export async function startHarness(
  options: { timeoutMs?: number; seed?: number; callMs?: number } = {},
): Promise<Harness> {
  const server = new SimulatorServer();
  const clock = new ManualClock();
  const sim = mountYccall(server, {
    strict: true,
    clock,
    seed: options.seed ?? 42,
    accounts: [ACCOUNT, OTHER],
    ...(options.callMs !== undefined ? { callMs: options.callMs } : {}),
  });
  await server.start();
  const logger = new MemoryLogger();
  const send = createUndiciSend();
  const makeClient: Harness['makeClient'] = (overrides = {}) =>
    new YccallClient({
      baseUrl: `${server.url}/`,
      appid: overrides.appid ?? ACCOUNT.appid,
      getAccessKey: async () => overrides.accessKey ?? ACCOUNT.accesskey,
      send,
      clock: overrides.clock ?? clock,
      logger,
      timeoutMs: overrides.timeoutMs ?? options.timeoutMs ?? 5_000,
      writeTimeoutMs: overrides.writeTimeoutMs ?? options.timeoutMs ?? 30_000,
      retry: FAST_RETRY,
    });
  const client = makeClient();
  const vendor = new YccallVendor({ accountId: 'acc-yccall', client, serverUtcOffsetMinutes: 0 });
  return { server, clock, sim, client, vendor, logger, makeClient, close: () => server.close() };
}

/** `count` distinct 11-digit numbers starting at `from`. */
export function callees(count: number, from = 0): { phone: string }[] {
  const out = new Array<{ phone: string }>(count);
  for (let i = 0; i < count; i += 1) out[i] = { phone: `1${String(3_000_000_000 + from + i)}` };
  return out;
}

/** Awaits a promise that must reject, and returns what it rejected with. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection, but the promise resolved.');
}

/** The value, or a test failure when it is missing. */
export function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('Expected a value.');
  return value;
}
