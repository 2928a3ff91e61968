// npm run bench:submit — drafts autosave, outbox submission and workbook costs (the issue's
// performance targets). Prints one line per measurement with the comparison it needs.
import { DEFAULT_DIAL_FORMAT, dialStringOf } from '../../main/services/vendors/yccall/dialing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DraftsService } from '../../main/services/drafts/drafts-service';
import { SqliteListSource } from '../../main/services/drafts/sqlite-list-source';
import { openJournalDatabase } from '../../main/services/submissions/journal-database';
import { buildCalleeWorkbook } from '../../main/services/vendors/itniotech/callee-workbook';
import { SubmissionJournal } from '../../main/services/submissions/journal';
import {
  insertList,
  makeOutbox,
  makeVendors,
  phoneAt,
  SETTINGS,
  startSims,
} from '../integration/submissions/harness';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

const folder = await mkdtemp(join(tmpdir(), 'bench-submit-'));
try {
  // 1. Autosave of a draft that references a 1,000,000-row list.
  const db = openJournalDatabase(join(folder, 'app.db'));
  let t = performance.now();
  insertList(db, 'million', 1_000_000, '8613');
  console.info(
    `setup: 1,000,000-row list written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const drafts = new DraftsService({
    db,
    clock: { now: () => Date.now() },
    lists: new SqliteListSource(db),
  });
  let draft = drafts.create({
    accountId: 'acct-yccall',
    kind: 'predictive',
    name: 'Bench',
    listId: 'million',
  });
  const times: number[] = [];
  for (let i = 0; i < 500; i += 1) {
    const started = performance.now();
    draft = drafts.save({
      ...draft,
      notes: `edit ${i}`,
      settings: { ...SETTINGS.predictive, callsPerAgent: 1 + (i % 5) },
    });
    times.push(performance.now() - started);
  }
  const bytes = Number(
    db.prepare('SELECT length(body_json) AS n FROM drafts WHERE id = ?').get(draft.id)?.['n'],
  );
  console.info(
    `autosave (synchronous=FULL, 1,000,000-row list): p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms (target p95 < 50 ms); draft row ${bytes} bytes`,
  );

  // 2. Submitting 1,000,000 numbers to the Yccall simulator through the outbox, as the app does:
  // one outbox queues by reference (the fingerprint stored with the list) and sends, reading the
  // rows once as the chunks go out.
  const sims = await startSims();
  let createMs = 0;
  const vendor = makeVendors(sims.server.url, sims.clock, { timeoutMs: 60_000 }).yccall;
  const createTask = vendor.createTask.bind(vendor);
  vendor.createTask = async (...args) => {
    const started = performance.now();
    try {
      return await createTask(...args);
    } finally {
      createMs += performance.now() - started;
    }
  };
  // The list's rows are read as the vendor sends them (the one read a send needs): timed apart.
  let listReadMs = 0;
  let listRowsRead = 0;
  const openCallees = SqliteListSource.prototype.callees;
  SqliteListSource.prototype.callees = function timedCallees(
    this: SqliteListSource,
    ...args: Parameters<typeof openCallees>
  ) {
    const inner = openCallees.apply(this, args);
    return {
      length: inner.length,
      slice: (from: number, to: number) => {
        const started = performance.now();
        try {
          const slice = inner.slice(from, to);
          listRowsRead += slice.length;
          return slice;
        } finally {
          listReadMs += performance.now() - started;
        }
      },
    };
  };
  const timed = makeOutbox({ itnio: vendor, yccall: vendor }, sims.clock, db);
  let journalMs = 0;
  const update = SubmissionJournal.prototype.update;
  timed.journal.update = function timedUpdate(
    this: SubmissionJournal,
    ...args: Parameters<typeof update>
  ) {
    const started = performance.now();
    try {
      return update.apply(this, args);
    } finally {
      journalMs += performance.now() - started;
    }
  };
  t = performance.now();
  const queued = await timed.outbox.enqueue({
    accountId: 'acct-yccall',
    kind: 'predictive',
    name: 'Bench million',
    listId: 'million',
    settings: SETTINGS.predictive,
  });
  const enqueueMs = performance.now() - t;
  t = performance.now();
  await timed.outbox.drain();
  const drainMs = performance.now() - t;
  const wall = enqueueMs + drainMs;
  const view = timed.outbox.get(queued.id);
  const task = sims.yccall.tasks().find((candidate) => candidate.name === 'Bench million');
  const client = wall - createMs + journalMs;
  console.info(
    `submit 1,000,000 to Yccall sim: ${view.state}, task holds ${task?.numberCount ?? 0}; wall ${(wall / 1000).toFixed(1)} s = enqueue ${(enqueueMs / 1000).toFixed(2)} s + drain ${(drainMs / 1000).toFixed(1)} s; ` +
      `inside createTask (list rows read as sent + client encode + HTTP + simulator) ${(createMs / 1000).toFixed(1)} s, of which journaling ${journalMs.toFixed(0)} ms; ` +
      `outbox's own work (queueing by reference, fingerprint checks, reconcile, journal) ${(client / 1000).toFixed(2)} s = ${((100 * client) / wall).toFixed(1)} % of wall (target < 10 %); ` +
      `the send's one read of the list: ${listRowsRead.toLocaleString('en')} rows in ${(listReadMs / 1000).toFixed(2)} s = ${((100 * listReadMs) / wall).toFixed(1)} % of wall`,
  );
  if (listRowsRead !== 1_000_000) throw new Error(`the list was read ${listRowsRead} times a row`);
  if (
    view.state !== 'done' ||
    task?.numberCount !== 1_000_000 ||
    // The server holds the digits its PBX dials (yccall.md §4.1).
    sims.yccall.numbersOf(task.id)[999_999] !==
      dialStringOf(phoneAt('8613', 999_999), DEFAULT_DIAL_FORMAT)
  ) {
    throw new Error('the bench submission did not end with exactly the list');
  }
  await sims.close();
  db.close();

  // 3. The ITNIO callee workbook for 100,000 rows.
  const callees = Array.from({ length: 100_000 }, (_, i) => ({
    phone: phoneAt('8613', i),
    variables: ['a', 'b', 'c'],
  }));
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  t = performance.now();
  const workbook = await buildCalleeWorkbook(callees);
  const workbookMs = performance.now() - t;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.info(
    `ITNIO workbook, 100,000 rows: ${(workbookMs / 1000).toFixed(2)} s, ${(workbook.length / 1e6).toFixed(1)} MB, RSS ${(rssBefore / 1e6).toFixed(0)} → peak ${(peak / 1e6).toFixed(0)} MB (+${((peak - rssBefore) / 1e6).toFixed(0)} MB; sampled every 10 ms, so a lower bound); process max RSS ${(process.resourceUsage().maxRSS / 1e3).toFixed(0)} MB`,
  );
} finally {
  await rm(folder, { recursive: true, force: true });
}
