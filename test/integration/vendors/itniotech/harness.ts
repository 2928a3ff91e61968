import { AppError } from '../../../../main/services/errors';
import {
  mountItniotech,
  type ItniotechSim,
  type ItniotechSimOptions,
} from '../../../../main/services/sandbox/itniotech/itniotech-sim';
import { ManualClock } from '../../../../main/services/sandbox/sim-kit';
import { SimulatorServer } from '../../../../main/services/sandbox/server';
import {
  createUndiciSend,
  type HttpSend,
  type RetryPolicy,
} from '../../../../main/services/vendors/http';
import type { ItniotechBrand } from '../../../../main/services/vendors/itniotech/brands';
import { ItniotechClient } from '../../../../main/services/vendors/itniotech/client';
import { ItniotechVendor } from '../../../../main/services/vendors/itniotech/itniotech-vendor';
import type { Clock, Logger } from '../../../../main/ports';

/** The simulated account every test signs with. */
export const ACCOUNT = { apiKey: 'bDqJFiq9', apiSecret: 'S3cr3t-7bz1lzh9-never-logged' } as const;

/** Backoff short enough for tests, still exponential. */
export const FAST_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 10, maxDelayMs: 40 };

/** A logger that keeps every line, to search them for the secret. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  debug(message: string, fields?: Readonly<Record<string, unknown>>): void {
    this.lines.push(JSON.stringify({ level: 'debug', message, fields }));
  }
  info(message: string, fields?: Readonly<Record<string, unknown>>): void {
    this.lines.push(JSON.stringify({ level: 'info', message, fields }));
  }
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void {
    this.lines.push(JSON.stringify({ level: 'warn', message, fields }));
  }
  error(message: string, fields?: Readonly<Record<string, unknown>>): void {
    this.lines.push(JSON.stringify({ level: 'error', message, fields }));
  }
}

/** A running simulator with one account, and clients/vendors for it. */
export interface SimHarness {
  readonly server: SimulatorServer;
  readonly sim: ItniotechSim;
  readonly clock: ManualClock;
  readonly logger: MemoryLogger;
  client(options?: {
    brand?: ItniotechBrand;
    clock?: Clock;
    timeoutMs?: number;
    send?: HttpSend;
    secret?: string;
  }): ItniotechClient;
  vendor(options?: { brand?: ItniotechBrand; timeoutMs?: number }): ItniotechVendor;
  close(): Promise<void>;
}

/** Starts a simulator on 127.0.0.1 and mounts ITNIO on it. */
export async function startSim(
  options: Partial<Omit<ItniotechSimOptions, 'clock' | 'accounts'>> = {},
): Promise<SimHarness> {
  const server = new SimulatorServer();
  const clock = new ManualClock();
  const sim = mountItniotech(server, {
    strict: true,
    clock,
    seed: 7,
    accounts: [ACCOUNT],
    ...options,
  });
  await server.start();
  const logger = new MemoryLogger();
  const send = createUndiciSend();
  const client: SimHarness['client'] = (o = {}) =>
    new ItniotechClient({
      apiKey: ACCOUNT.apiKey,
      getSecret: async () => o.secret ?? ACCOUNT.apiSecret,
      brand: o.brand ?? 'itniotech',
      baseUrl: server.url,
      send: o.send ?? send,
      clock: o.clock ?? clock,
      logger,
      timeoutMs: o.timeoutMs ?? 2_000,
      retry: FAST_RETRY,
    });
  return {
    server,
    sim,
    clock,
    logger,
    client,
    vendor: (o = {}) =>
      new ItniotechVendor({
        accountId: 'acct-1',
        clock,
        client: client({
          ...(o.brand ? { brand: o.brand } : {}),
          ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
        }),
      }),
    close: () => server.close(),
  };
}

/** Runs a promise that must fail with an AppError, and returns the error. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('Expected an AppError, but the call succeeded.');
}

/** Everything an error can show or log, as one string, to search for secrets. */
export function everythingIn(error: AppError): string {
  return JSON.stringify({
    message: error.message,
    text: error.text,
    details: error.details ?? null,
    stack: error.stack ?? '',
    cause: String(error.cause ?? ''),
    en: error.toIpcError('en'),
    zh: error.toIpcError('zh-CN'),
  });
}
