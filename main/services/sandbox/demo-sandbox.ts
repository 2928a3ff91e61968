import type { Logger } from '../../ports';
import { DEMO_CREDENTIALS } from '../accounts/accounts-service';
import { mountItniotech, type ItniotechSim } from './itniotech/itniotech-sim';
import { SimulatorServer, type Fault } from './server';
import { systemClock } from './sim-kit';
import { mountYccall, type YccallSim } from './yccall/yccall-sim';

/**
 * The simulator behind the demo accounts: both vendor APIs on 127.0.0.1 (random port), started
 * in-process on first use, with sample tasks already running, following real time.
 */
export class DemoSandbox {
  private starting: Promise<string> | null = null;
  private server: SimulatorServer | null = null;
  private sims: { readonly itniotech: ItniotechSim; readonly yccall: YccallSim } | null = null;

  constructor(private readonly logger: Logger) {}

  /** Starts the simulator once; later calls return the same base URL. */
  url(): Promise<string> {
    this.starting ??= this.start();
    return this.starting;
  }

  /**
   * Makes a route of the running demo fail (a vendor outage, for tests and demonstrations);
   * `clearFaults` ends it. Does nothing before the demo started.
   */
  injectFault(routeKey: string, fault: Fault): void {
    this.server?.injectFault(routeKey, fault);
  }

  clearFaults(): void {
    this.server?.clearFaults();
  }

  /**
   * The running demo's simulators, so a test or a demonstration can see what the vendor holds
   * (its tasks and numbers) and make the Yccall server refuse numbers; null before it started.
   */
  simulators(): { readonly itniotech: ItniotechSim; readonly yccall: YccallSim } | null {
    return this.sims;
  }

  /** Stops the simulator if it runs. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.starting = null;
    this.sims = null;
    await server?.close();
  }

  private async start(): Promise<string> {
    const server = new SimulatorServer();
    const seed = 20_261_123;
    const itniotech = mountItniotech(server, {
      strict: true,
      clock: systemClock,
      seed,
      accounts: [
        {
          apiKey: DEMO_CREDENTIALS.itniotech.apiKey,
          apiSecret: DEMO_CREDENTIALS.itniotech.apiSecret,
        },
      ],
    });
    const yccall = mountYccall(server, {
      strict: true,
      clock: systemClock,
      seed,
      accounts: [
        { appid: DEMO_CREDENTIALS.yccall.appid, accesskey: DEMO_CREDENTIALS.yccall.accesskey },
      ],
    });
    itniotech.seedSampleTasks();
    yccall.seedSampleTasks();
    const url = await server.start();
    this.server = server;
    this.sims = { itniotech, yccall };
    this.logger.info('Demo simulator started', { url });
    return url;
  }
}
