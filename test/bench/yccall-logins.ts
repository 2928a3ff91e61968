/**
 * Yccall sign-ins per hour of board polling: two Yccall servers on the simulator over loopback,
 * the real TaskMonitor and AccountsService (one vendor module per account, reused), against the
 * same run with a fresh vendor module per call, as the app worked before issue 12.
 */
import { AccountsService } from '../../main/services/accounts/accounts-service';
import { TaskMonitor } from '../../main/services/monitor/task-monitor';
import { DemoSandbox } from '../../main/services/sandbox/demo-sandbox';
import { SimulatorServer } from '../../main/services/sandbox/server';
import { ManualClock } from '../../main/services/sandbox/sim-kit';
import { mountYccall } from '../../main/services/sandbox/yccall/yccall-sim';
import { openDatabase } from '../../main/services/storage/database';
import { createVendorFactory } from '../../main/services/vendors/factory';
import { createUndiciSend } from '../../main/services/vendors/http';
import { ManualScheduler } from '../fakes/manual-scheduler';
import { InMemoryKeyValueStore } from '../fakes/memory-kv-store';
import { MemoryLogger } from '../fakes/memory-logger';
import { InMemorySecretStore } from '../fakes/memory-secret-store';
import { RecordingNotifier } from '../fakes/recording-notifier';
import { SwitchableActivity } from '../fakes/switchable-activity';

const SERVERS = [
  { appid: 'bench-a', accesskey: 'bench-a-key' },
  { appid: 'bench-b', accesskey: 'bench-b-key' },
] as const;

/** Sign-ins and task-list requests during one simulated hour of polling. */
export async function loginsPerHour(
  reuse: boolean,
): Promise<{ readonly logins: number; readonly polls: number }> {
  const server = new SimulatorServer();
  const clock = new ManualClock();
  const sim = mountYccall(server, { clock, seed: 3, accounts: [...SERVERS], strict: true });
  sim.seedSampleTasks();
  await server.start();
  const logger = new MemoryLogger();
  let next = 0;
  const factory = createVendorFactory({
    send: createUndiciSend(),
    clock,
    logger,
    demo: new DemoSandbox(logger),
  });
  const accounts = new AccountsService({
    store: new InMemoryKeyValueStore(),
    secrets: new InMemorySecretStore(),
    clock,
    newId: () => `bench-${String(++next)}`,
    vendorFor: factory,
    locale: () => 'en',
    logger,
  });
  for (const credentials of SERVERS) {
    await accounts.create({
      vendor: 'yccall',
      name: credentials.appid,
      connection: {
        serverUrl: `${server.url}/`,
        appid: credentials.appid,
        defaults: {},
        dialing: { homeCountry: 'CN', internationalPrefix: '00' },
        serverUtcOffsetMinutes: 0,
      },
      secret: credentials.accesskey,
    });
  }
  const scheduler = new ManualScheduler(clock);
  const monitor = new TaskMonitor({
    db: openDatabase(':memory:'),
    clock,
    scheduler,
    logger,
    notifier: new RecordingNotifier(),
    activity: new SwitchableActivity(),
    locale: () => 'en',
    accounts: reuse
      ? accounts
      : {
          list: () => accounts.list(),
          // Before: a new vendor, and so a new session, for every call.
          vendor: async (id) => {
            const profile = accounts.list().find((account) => account.id === id);
            if (!profile) throw new Error(`no account ${id}`);
            const secret = SERVERS.find((s) => profile.name === s.appid)?.accesskey ?? '';
            return factory(profile, async () => secret);
          },
        },
  });
  try {
    monitor.start();
    await scheduler.advance(0);
    for (let minute = 0; minute < 60; minute += 1) await scheduler.advance(60_000);
    return {
      logins: SERVERS.reduce((sum, s) => sum + sim.loginCount(s.appid), 0),
      polls: server.requestCount('App.Sip_Yccall.TaskList'),
    };
  } finally {
    await monitor.stop();
    await accounts.close();
    await server.close();
  }
}
