import { AccountsService } from '../../../main/services/accounts/accounts-service';
import { DemoSandbox } from '../../../main/services/sandbox/demo-sandbox';
import { SimulatorServer } from '../../../main/services/sandbox/server';
import { ManualClock } from '../../../main/services/sandbox/sim-kit';
import { mountYccall, type YccallSim } from '../../../main/services/sandbox/yccall/yccall-sim';
import { createVendorFactory } from '../../../main/services/vendors/factory';
import { createUndiciSend } from '../../../main/services/vendors/http';
import type { VendorFactory } from '../../../main/services/accounts/accounts-service';
import { InMemoryKeyValueStore } from '../../fakes/memory-kv-store';
import { MemoryLogger } from '../../fakes/memory-logger';
import { InMemorySecretStore } from '../../fakes/memory-secret-store';

/** One Yccall server's credentials. */
export interface YccallServer {
  readonly appid: string;
  readonly accesskey: string;
}

/** Yccall accounts in a real AccountsService, on the strict simulator over loopback. */
export interface YccallAccounts {
  readonly server: SimulatorServer;
  readonly clock: ManualClock;
  readonly sim: YccallSim;
  readonly accounts: AccountsService;
  /** The factory the accounts use (to build modules by hand, as the app did before reuse). */
  readonly factory: VendorFactory;
  readonly logger: MemoryLogger;
  close(): Promise<void>;
}

/**
 * Starts the strict Yccall simulator with sample tasks and adds one account per server through
 * the app's AccountsService and vendor factory, as a manager would.
 */
export async function startYccallAccounts(
  servers: readonly YccallServer[],
  seed: number,
): Promise<YccallAccounts> {
  const server = new SimulatorServer();
  const clock = new ManualClock();
  const sim = mountYccall(server, { strict: true, clock, seed, accounts: [...servers] });
  sim.seedSampleTasks();
  await server.start();
  const logger = new MemoryLogger();
  const factory = createVendorFactory({
    send: createUndiciSend(),
    clock,
    logger,
    demo: new DemoSandbox(logger),
  });
  let next = 0;
  const accounts = new AccountsService({
    store: new InMemoryKeyValueStore(),
    secrets: new InMemorySecretStore(),
    clock,
    newId: () => `acct-${String(++next)}`,
    vendorFor: factory,
    locale: () => 'en',
    logger,
  });
  for (const credentials of servers) {
    await accounts.create({
      vendor: 'yccall',
      name: credentials.appid,
      connection: {
        serverUrl: `${server.url}/`,
        allowUnencrypted: true,
        appid: credentials.appid,
        defaults: {},
        dialing: { homeCountry: 'CN', internationalPrefix: '00' },
        serverUtcOffsetMinutes: 0,
      },
      secret: credentials.accesskey,
    });
  }
  return {
    server,
    clock,
    sim,
    accounts,
    factory,
    logger,
    close: async () => {
      await accounts.close();
      await server.close();
    },
  };
}
