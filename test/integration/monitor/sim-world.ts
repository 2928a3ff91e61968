import type { DatabaseSync } from 'node:sqlite';
import { TaskMonitor, type TaskMonitorOptions } from '../../../main/services/monitor/task-monitor';
import {
  mountItniotech,
  type ItniotechSim,
} from '../../../main/services/sandbox/itniotech/itniotech-sim';
import { SimulatorServer } from '../../../main/services/sandbox/server';
import { ManualClock } from '../../../main/services/sandbox/sim-kit';
import { mountYccall } from '../../../main/services/sandbox/yccall/yccall-sim';
import { openDatabase } from '../../../main/services/storage/database';
import { createUndiciSend, type RetryPolicy } from '../../../main/services/vendors/http';
import { ItniotechClient } from '../../../main/services/vendors/itniotech/client';
import { ItniotechVendor } from '../../../main/services/vendors/itniotech/itniotech-vendor';
import type { Vendor } from '../../../main/services/vendors/vendor';
import { YccallVendor } from '../../../main/services/vendors/yccall/yccall-vendor';
import { ManualScheduler } from '../../fakes/manual-scheduler';
import { MemoryLogger } from '../../fakes/memory-logger';
import { RecordingNotifier } from '../../fakes/recording-notifier';
import { SwitchableActivity } from '../../fakes/switchable-activity';

// The task monitor against both vendor simulators over loopback, with a manual clock: one
// ITNIO account ('itnio-1') and one Yccall server ('yccall-1'), as the monitor tests use them.

/** One attempt per request: the monitor's own backoff is under test, and counts stay exact. */
const NO_RETRY: RetryPolicy = { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 };

export interface SimWorldOptions {
  /** Credentials per test file, so each can search its own secrets. */
  readonly itnio: { readonly apiKey: string; readonly apiSecret: string };
  readonly yccall: { readonly appid: string; readonly accesskey: string };
  readonly seed: number;
  /** Seed the Yccall server's sample tasks too (the ITNIO ones always are). */
  readonly seedYccall: boolean;
  readonly monitor?: TaskMonitorOptions;
  /** The ITNIO account's default application id. */
  readonly defaultAppId?: string;
  /** A database file, for tests of what the monitor keeps across restarts (default: in memory). */
  readonly dbPath?: string;
}

export interface SimWorld {
  readonly server: SimulatorServer;
  readonly clock: ManualClock;
  readonly itniotech: ItniotechSim;
  /** The ITNIO account's client, for requests the board never sends. */
  readonly client: ItniotechClient;
  readonly yccall: Vendor;
  readonly db: DatabaseSync;
  readonly scheduler: ManualScheduler;
  readonly activity: SwitchableActivity;
  readonly notifier: RecordingNotifier;
  readonly logger: MemoryLogger;
  readonly monitor: TaskMonitor;
}

/** Starts the simulators and builds a monitor over them (not started). */
export async function startSimWorld(options: SimWorldOptions): Promise<SimWorld> {
  const server = new SimulatorServer();
  const clock = new ManualClock();
  const itniotech = mountItniotech(server, {
    strict: true,
    clock,
    seed: options.seed,
    accounts: [options.itnio],
  });
  const yccallSim = mountYccall(server, {
    strict: true,
    clock,
    seed: options.seed,
    accounts: [options.yccall],
  });
  itniotech.seedSampleTasks();
  if (options.seedYccall) yccallSim.seedSampleTasks();
  await server.start();
  const send = createUndiciSend();
  const logger = new MemoryLogger();
  const client = new ItniotechClient({
    apiKey: options.itnio.apiKey,
    getSecret: async () => options.itnio.apiSecret,
    brand: 'itniotech',
    baseUrl: server.url,
    send,
    clock,
    logger,
    timeoutMs: 5_000,
    retry: NO_RETRY,
  });
  const yccall = new YccallVendor({
    accountId: 'yccall-1',
    serverUrl: `${server.url}/`,
    appid: options.yccall.appid,
    getAccessKey: async () => options.yccall.accesskey,
    send,
    clock,
    logger,
    timeoutMs: 5_000,
    retry: NO_RETRY,
    serverUtcOffsetMinutes: 0,
  });
  const vendors = new Map<string, Vendor>([
    [
      'itnio-1',
      new ItniotechVendor({
        accountId: 'itnio-1',
        clock,
        client,
        ...(options.defaultAppId ? { defaultAppId: options.defaultAppId } : {}),
      }),
    ],
    ['yccall-1', yccall],
  ]);
  const db = openDatabase(options.dbPath ?? ':memory:');
  const scheduler = new ManualScheduler(clock);
  const activity = new SwitchableActivity();
  const notifier = new RecordingNotifier();
  const monitor = new TaskMonitor({
    db,
    clock,
    scheduler,
    logger,
    notifier,
    activity,
    locale: () => 'en',
    accounts: {
      list: () => [...vendors.keys()].map((id) => ({ id })),
      vendor: async (id) => {
        const vendor = vendors.get(id);
        if (!vendor) throw new Error(`no account ${id}`);
        return vendor;
      },
    },
    ...(options.monitor ? { options: options.monitor } : {}),
  });
  return {
    server,
    clock,
    itniotech,
    client,
    yccall,
    db,
    scheduler,
    activity,
    notifier,
    logger,
    monitor,
  };
}
