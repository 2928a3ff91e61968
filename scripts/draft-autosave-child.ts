// Autosaves one draft in a tight loop until killed, for the crash test of drafts
// (test/integration/drafts/autosave-kill.test.ts). Environment: DRAFTS_DB.
import { DraftsService } from '../main/services/drafts/drafts-service';
import type { ListSource } from '../main/services/drafts/list-source';
import { openDatabase } from '../main/services/storage/database';

const file = process.env['DRAFTS_DB'];
if (!file) {
  process.stderr.write('DRAFTS_DB is required\n');
  process.exit(2);
}
const db = openDatabase(file);
const lists: ListSource = {
  summary: async () => null,
  rows: async function* () {},
  callees: () => [],
};
const drafts = new DraftsService({ db, clock: { now: () => Date.now() }, lists });
const existing = drafts.list()[0];
let draft = existing
  ? drafts.get(existing.id)
  : drafts.create({ accountId: 'a1', kind: 'predictive', name: 'Autosaved' });
process.stdout.write('ready\n');
for (;;) {
  const next = draft.revision + 1;
  // Every field carries the revision it was saved with, so a torn write would show.
  draft = drafts.save({
    ...draft,
    notes: `rev ${next}`,
    settings: { marker: next, blob: `${'x'.repeat(4_000)}${next}` },
  });
  if (draft.revision % 25 === 0) process.stdout.write(`saved ${draft.revision}\n`);
  // Yield so the kill can land between and inside saves alike.
  await new Promise((resolve) => setImmediate(resolve));
}
