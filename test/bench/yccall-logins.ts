/**
 * Yccall sign-ins per hour of board polling: two Yccall servers on the strict simulator over
 * loopback, the real TaskMonitor and AccountsService (one vendor module per account, reused),
 * against the same run with a fresh vendor module per call, as the app worked before issue 12.
 */
import { TaskMonitor } from '../../main/services/monitor/task-monitor';
import { openDatabase } from '../../main/services/storage/database';
import { ManualScheduler } from '../fakes/manual-scheduler';
import { RecordingNotifier } from '../fakes/recording-notifier';
import { SwitchableActivity } from '../fakes/switchable-activity';
import { startYccallAccounts } from '../integration/monitor/yccall-accounts';

const SERVERS = [
  { appid: 'bench-a', accesskey: 'bench-a-key' },
  { appid: 'bench-b', accesskey: 'bench-b-key' },
] as const;

/** Sign-ins and task-list requests during one simulated hour of polling. */
export async function loginsPerHour(
  reuse: boolean,
): Promise<{ readonly logins: number; readonly polls: number }> {
  const world = await startYccallAccounts(SERVERS, 3);
  const { accounts, clock, factory, server, sim } = world;
  const scheduler = new ManualScheduler(clock);
  const monitor = new TaskMonitor({
    db: openDatabase(':memory:'),
    clock,
    scheduler,
    logger: world.logger,
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
    await world.close();
  }
}
