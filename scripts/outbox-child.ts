// The outbox as its own process, for the kill tests (test/integration/submissions/kill.test.ts):
// opens the journal database, recovers, drains against the simulator the test runs, and reports
// each change on stdout. The test SIGKILLs it at seeded random moments and starts it again on the
// same database file. Environment: OUTBOX_DB, SIM_URL, SIM_CLOCK_MS.
import { openJournalDatabase } from '../main/services/submissions/journal-database';
import { makeOutbox, makeVendors } from '../test/integration/submissions/harness';

const dbFile = process.env['OUTBOX_DB'];
const url = process.env['SIM_URL'];
const clockMs = Number(process.env['SIM_CLOCK_MS']);
if (!dbFile || !url || !Number.isFinite(clockMs)) {
  process.stderr.write('OUTBOX_DB, SIM_URL and SIM_CLOCK_MS are required\n');
  process.exit(2);
}
const clock = { now: () => clockMs };
const db = openJournalDatabase(dbFile);
const side = makeOutbox(makeVendors(url, clock, { timeoutMs: 20_000 }), clock, db);
side.outbox.onChange((view) => {
  process.stdout.write(`event ${view.state} ${view.stage} ${view.progress.done}\n`);
});
side.outbox.recover();
process.stdout.write('ready\n');
await side.outbox.drain({ force: true });
const states = side.outbox.list().map((view) => view.state);
process.stdout.write(`finished ${states.join(',')}\n`);
db.close();
