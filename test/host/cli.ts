/**
 * `npm run host`: the Campaign Desk UI in any browser on this machine, backed by the real
 * main-side services (for machines where the Electron binary cannot run).
 *
 * Options: --port N (default 5780), --data DIR (default: a new temporary folder).
 */
import { parseArgs } from 'node:util';
import { startHost } from './server';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '5780' }, data: { type: 'string' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be a number from 0 to 65535, not "${values.port}".\n`);
  process.exit(2);
}
const host = await startHost({ port, ...(values.data ? { dataFolder: values.data } : {}) });
process.stdout.write(
  `Campaign Desk browser host\n  open:        ${host.url}\n  data folder: ${host.dataFolder}\n  listening on 127.0.0.1 only; press Ctrl+C to stop.\n`,
);
const stop = async () => {
  await host.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
