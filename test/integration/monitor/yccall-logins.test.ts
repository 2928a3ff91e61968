import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountsService } from '../../../main/services/accounts/accounts-service';
import { TaskMonitor } from '../../../main/services/monitor/task-monitor';
import type { SimulatorServer } from '../../../main/services/sandbox/server';
import type { YccallSim } from '../../../main/services/sandbox/yccall/yccall-sim';
import { openDatabase } from '../../../main/services/storage/database';
import { ManualScheduler } from '../../fakes/manual-scheduler';
import { RecordingNotifier } from '../../fakes/recording-notifier';
import { SwitchableActivity } from '../../fakes/switchable-activity';
import { startYccallAccounts, type YccallAccounts } from './yccall-accounts';

// One long-lived vendor module per account (issue 12): the board polls two Yccall servers' task
// lists every few seconds for an hour, and each account signs in once, because its module (and
// so its 12-hour token, yccall.md §2.1) is reused rather than rebuilt for every poll.

const SERVERS = [
  { appid: 'logins-a', accesskey: 'logins-a-key-never-logged' },
  { appid: 'logins-b', accesskey: 'logins-b-key-never-logged' },
] as const;

let world: YccallAccounts;
let server: SimulatorServer;
let sim: YccallSim;
let accounts: AccountsService;
let monitor: TaskMonitor;
let scheduler: ManualScheduler;

beforeEach(async () => {
  world = await startYccallAccounts(SERVERS, 5);
  ({ server, sim, accounts } = world);
  scheduler = new ManualScheduler(world.clock);
  monitor = new TaskMonitor({
    db: openDatabase(':memory:'),
    clock: world.clock,
    scheduler,
    logger: world.logger,
    notifier: new RecordingNotifier(),
    activity: new SwitchableActivity(),
    locale: () => 'en',
    accounts,
  });
});

afterEach(async () => {
  await monitor.stop();
  await world.close();
});

describe('Yccall sessions', () => {
  it('an hour of polling two Yccall servers signs in once per server, and removing an account signs it out', async () => {
    monitor.start();
    await scheduler.advance(0);
    const listsBefore = server.requestCount('App.Sip_Yccall.TaskList');
    for (let minute = 0; minute < 60; minute += 1) await scheduler.advance(60_000);
    // The board really polled during the hour (not a quiet monitor).
    expect(server.requestCount('App.Sip_Yccall.TaskList') - listsBefore).toBeGreaterThan(100);
    const logins = SERVERS.map((credentials) => sim.loginCount(credentials.appid));
    expect(logins).toEqual([1, 1]);

    // Dropping the account ends its session on the server (§2.2 logout).
    const [first] = accounts.list();
    if (!first) throw new Error('no account');
    const logoutsBefore = server.requestCount('App.Sip_Auth.Logout');
    await accounts.remove(first.id);
    expect(server.requestCount('App.Sip_Auth.Logout')).toBe(logoutsBefore + 1);
  });

  it('a new secret or connection gets a new module and signs in again; a rename or another account keeps its token', async () => {
    const [first, second] = accounts.list();
    if (!first || !second) throw new Error('no accounts');
    const a = await accounts.vendor(first.id);
    expect(await accounts.vendor(first.id)).toBe(a);
    await a.listTasks({ page: 1, pageSize: 10 });
    await (await accounts.vendor(second.id)).listTasks({ page: 1, pageSize: 10 });
    expect(sim.loginCount('logins-a')).toBe(1);
    // A new name is not a new connection: the same module and sign-in.
    await accounts.update(first.id, { vendor: 'yccall', name: 'Renamed PBX' });
    expect(await accounts.vendor(first.id)).toBe(a);
    await a.listTasks({ page: 1, pageSize: 10 });
    expect(sim.loginCount('logins-a')).toBe(1);
    await accounts.update(first.id, { vendor: 'yccall', secret: SERVERS[0].accesskey });
    const renewed = await accounts.vendor(first.id);
    expect(renewed).not.toBe(a);
    await renewed.listTasks({ page: 1, pageSize: 10 });
    expect(sim.loginCount('logins-a')).toBe(2);
    expect(sim.loginCount('logins-b')).toBe(1);
  });
});
