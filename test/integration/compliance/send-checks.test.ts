import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../../shared/domain/draft';
import {
  ComplianceReports,
  reportWords,
} from '../../../main/services/compliance/compliance-report';
import { ComplianceReview } from '../../../main/services/compliance/compliance-review';
import { DerivedLists } from '../../../main/services/compliance/derived-lists';
import { DraftCheck } from '../../../main/services/compliance/draft-check';
import { ListMarks } from '../../../main/services/compliance/list-marks';
import { SqliteCallHistoryRepository } from '../../../main/services/compliance/sqlite-call-history-repository';
import { SqliteDncRepository } from '../../../main/services/compliance/sqlite-dnc-repository';
import { SubmitCompliance } from '../../../main/services/compliance/submit-compliance';
import { SqliteListSource } from '../../../main/services/drafts/sqlite-list-source';
import { openDatabase } from '../../../main/services/storage/database';
import { AuditTrail } from '../../../main/services/audit/audit-trail';
import { SubmissionJournal } from '../../../main/services/submissions/journal';
import { Outbox } from '../../../main/services/submissions/outbox';
import { createSettingsOf } from '../../../main/services/drafts/draft-validation';
import { DEFAULT_DIAL_FORMAT, dialStringOf } from '../../../main/services/vendors/yccall/dialing';
import { MemoryLogger } from '../../fakes/memory-logger';
import {
  insertList,
  makeVendors,
  phoneAt,
  SETTINGS,
  startSims,
  type SimSide,
} from '../submissions/harness';

// The three points where do-not-call lists apply (issue 17), and the history window, against the
// STRICT simulator over 127.0.0.1 with real SQLite: marked at import, excluded in the review,
// checked again before the first byte of a queued submission; numbers a campaign submitted are
// skipped by the next one within N days (across vendor, account and resends), not after, unless
// the manager includes them, which the audit trail records.

const DAY = 86_400_000;

let sims: SimSide;
let db: DatabaseSync;
let folder: string;
let parts: ReturnType<typeof build>;

function build(database: DatabaseSync, clock: { now(): number }, url: string) {
  const logger = new MemoryLogger();
  const lists = new SqliteListSource(database);
  const dnc = new SqliteDncRepository(database);
  const history = new SqliteCallHistoryRepository(database);
  const check = new DraftCheck(database);
  const review = new ComplianceReview({
    check,
    settings: () => ({
      recentCallDays: 0,
      callingWindow: { start: '09:00', end: '21:00' },
      blackoutDates: {},
    }),
    vendorClockOf: () => ({ kind: 'offset', minutes: 480 }),
  });
  const origins = new Map<string, 'manager' | 'resend'>();
  const submit = new SubmitCompliance({
    check,
    review,
    derived: new DerivedLists(database, lists, () => crypto.randomUUID(), clock),
    history,
    lists,
    clock,
    originOf: (draftId) => (draftId === null ? 'manager' : (origins.get(draftId) ?? 'manager')),
  });
  const journal = new SubmissionJournal(database);
  const audit = new AuditTrail(database, clock, '0.1.0-test');
  const vendors = makeVendors(url, clock);
  const outbox = new Outbox({
    journal,
    audit,
    lists,
    vendorFor: async (accountId) => (accountId === 'acct-itnio' ? vendors.itnio : vendors.yccall),
    clock,
    logger,
    compliance: submit,
  });
  return { lists, dnc, history, check, review, submit, outbox, audit, journal, origins };
}

function draftOf(overrides: Partial<Draft> & Pick<Draft, 'id' | 'listId' | 'name'>): Draft {
  return {
    schemaVersion: 3,
    accountId: 'acct-yccall',
    kind: 'predictive',
    settings: { ...SETTINGS.predictive },
    schedule: { timeZone: null, sendAt: null, windows: [] },
    compliance: {
      recentCallDays: 0,
      includeRecentCalls: false,
      callingWindow: null,
      splitByZone: false,
      zoneChoices: {},
    },
    origin: 'manager',
    notes: '',
    revision: 1,
    createdAt: new Date(sims.clock.now()).toISOString(),
    updatedAt: new Date(sims.clock.now()).toISOString(),
    ...overrides,
  };
}

/** Sends a draft as "Send" does: the send-time check, its hidden lists queued, the proof audited. */
async function send(draft: Draft): Promise<readonly string[]> {
  if (draft.listId === null) throw new Error('no list');
  const plan = await parts.submit.plan(draft, draft.listId, sims.clock.now());
  const ids: string[] = [];
  for (const part of plan.submissions) {
    const view = await parts.outbox.enqueue({
      accountId: draft.accountId,
      kind: draft.kind,
      name: part.name,
      listId: part.listId,
      settings: { ...createSettingsOf(draft, { localZone: 'UTC' }), ...part.schedule },
      draftId: draft.id,
    });
    parts.audit.append('compliance.checked', view.id, plan.checked);
    for (const proof of plan.exclusions) parts.audit.append('compliance.excluded', view.id, proof);
    ids.push(view.id);
  }
  return ids;
}

/** The E.164 numbers a Yccall simulator task holds (the PBX dials 86… numbers internationally). */
/** What the Yccall simulator holds for a task, as the dial strings the server was given. */
function yccallNumbers(taskId: string): string[] {
  return [...sims.yccall.numbersOf(taskId)];
}

/** The dial strings a Yccall server in mainland China is sent for the numbers at `at`. */
function dialledAt(numbers: readonly string[], at: readonly number[]): string[] {
  return numbers.filter((_, i) => at.includes(i)).map((n) => dialStringOf(n, DEFAULT_DIAL_FORMAT));
}

beforeEach(async () => {
  sims = await startSims({ strict: true });
  db = openDatabase(':memory:');
  folder = await mkdtemp(join(tmpdir(), 'compliance-send-'));
  parts = build(db, sims.clock, sims.server.url);
});

afterEach(async () => {
  parts.outbox.stop();
  await sims.close();
  db.close();
  await rm(folder, { recursive: true, force: true });
});

describe('do-not-call lists at import, review and submit', () => {
  it('marks, excludes and rechecks: a number put on the list while queued never reaches the simulator', async () => {
    insertList(db, 'imported', 6);
    const numbers = Array.from({ length: 6 }, (_, i) => phoneAt('8613', i));
    await parts.dnc.createList({
      id: 'registry',
      name: 'National registry',
      scope: { kind: 'all-accounts' },
      at: sims.clock.now(),
    });
    await parts.dnc.addEntries('registry', [{ number: numbers[1] ?? '' }], sims.clock.now());

    // Marked at import: the count of the list's numbers on any DNC list.
    const marks = new ListMarks(db, sims.clock);
    expect(marks.mark('imported')).toMatchObject({ listId: 'imported', count: 1 });

    // The review: excluded, with counts and the list's name.
    const draft = draftOf({ id: 'd-dnc', listId: 'imported', name: 'Spring promo' });
    const reviewed = await parts.review.review(draft, 'imported', sims.clock.now(), {
      startAt: sims.clock.now(),
      durationMs: 0,
    });
    expect(reviewed.view.excluded).toEqual({ dnc: 1, recentCall: 0 });
    expect(reviewed.view.toSend).toBe(5);
    expect(reviewed.view.sample).toEqual([
      expect.objectContaining({ phone: numbers[1], rule: 'dnc', dncList: 'National registry' }),
    ]);
    expect(reviewed.warnings.map((w) => w.code)).toContain('dnc-excluded');

    // Queued (not yet sent); meanwhile a customer asks not to be called.
    const [id] = await send(draft);
    await parts.dnc.addEntries('registry', [{ number: numbers[4] ?? '' }], sims.clock.now());
    expect(marks.marks().find((m) => m.listId === 'imported')?.count).toBe(2);
    await parts.outbox.drain();

    const view = parts.outbox.get(id ?? '');
    expect(view.state).toBe('done');
    const task = sims.yccall.tasks().find((t) => t.name === 'Spring promo');
    expect(task).toBeDefined();
    const held = yccallNumbers(task?.id ?? '');
    expect(held.sort()).toEqual(dialledAt(numbers, [0, 2, 3, 5]).sort());

    // The audit names the rule and the numbers, at send and at the submit-time recheck.
    const proof = parts.audit
      .entries({ submissionId: id ?? '' })
      .filter((e) => e.type === 'compliance.excluded')
      .map((e) => e.payload as { rule: string; stage: string; numbers: string[] });
    expect(proof).toEqual([
      expect.objectContaining({ rule: 'dnc', stage: 'send', numbers: [numbers[1]] }),
      expect.objectContaining({ rule: 'dnc', stage: 'submit', numbers: [numbers[4]] }),
    ]);
  });
});

describe('the history window', () => {
  it('skips numbers another account, vendor and a resend submitted within N days, not after; include-anyway sends them and is audited', async () => {
    insertList(db, 'first', 4);
    insertList(db, 'second', 6);
    const numbers = Array.from({ length: 6 }, (_, i) => phoneAt('8613', i));

    // The first campaign goes out on the ITNIO account as a resend's draft.
    const first = draftOf({
      id: 'd-first',
      listId: 'first',
      name: 'First wave',
      accountId: 'acct-itnio',
      kind: 'voice-group',
      settings: { ...SETTINGS['voice-group'] },
      origin: 'resend',
    });
    parts.origins.set('d-first', 'resend');
    await send(first);
    await parts.outbox.drain();
    expect(sims.itnio.groupTasks(/* default account */).length).toBe(1);
    expect((await parts.history.counts()).byResend).toBe(4);

    // Three days later, on the Yccall account: the four called numbers are skipped.
    sims.clock.advance(3 * DAY);
    const second = draftOf({
      id: 'd-second',
      listId: 'second',
      name: 'Second wave',
      compliance: { ...draftOf({ id: 'x', listId: null, name: '' }).compliance, recentCallDays: 7 },
    });
    const reviewed = await parts.review.review(second, 'second', sims.clock.now(), {
      startAt: sims.clock.now(),
      durationMs: 0,
    });
    expect(reviewed.view.excluded).toEqual({ dnc: 0, recentCall: 4 });
    const [secondId] = await send(second);
    await parts.outbox.drain();
    const sent = yccallNumbers(sims.yccall.tasks().find((t) => t.name === 'Second wave')?.id ?? '');
    expect(sent.sort()).toEqual(dialledAt(numbers, [4, 5]).sort());
    expect(parts.outbox.get(secondId ?? '').state).toBe('done');

    // Eight days after the first wave: outside the 7-day window, nothing is skipped.
    sims.clock.advance(5 * DAY);
    const later = await parts.check.run(
      draftOf({ id: 'd-later', listId: 'first', name: 'x', compliance: second.compliance }),
      'first',
      sims.clock.now(),
    );
    expect(later.byRule['recent-call']).toBe(0);

    // Include anyway: a third wave within the window of the second one sends them all.
    const third = draftOf({
      id: 'd-third',
      listId: 'second',
      name: 'Third wave',
      compliance: { ...second.compliance, includeRecentCalls: true },
    });
    const [thirdId] = await send(third);
    await parts.outbox.drain();
    const all = yccallNumbers(sims.yccall.tasks().find((t) => t.name === 'Third wave')?.id ?? '');
    expect(all.length).toBe(6);
    const audited = parts.audit.entries({ submissionId: thirdId ?? '' });
    expect(audited.find((e) => e.type === 'compliance.checked')?.payload).toMatchObject({
      includeRecentCalls: true,
      recentCallDays: 7,
      included: 2,
    });
    expect(
      audited
        .filter((e) => e.type === 'compliance.excluded')
        .map((e) => e.payload as { rule: string; included: boolean; numbers: string[] }),
    ).toEqual([
      expect.objectContaining({
        rule: 'recent-call',
        included: true,
        numbers: [numbers[4], numbers[5]],
      }),
    ]);
  });
});

describe('the compliance report', () => {
  it('is written per campaign and reads back with versions, exclusions by rule and zones', async () => {
    insertList(db, 'imported', 5);
    const numbers = Array.from({ length: 5 }, (_, i) => phoneAt('8613', i));
    await parts.dnc.createList({
      id: 'asked',
      name: 'Customer asked',
      scope: { kind: 'accounts', accountIds: ['acct-yccall'] },
      at: sims.clock.now(),
    });
    await parts.dnc.addEntries(
      'asked',
      [{ number: numbers[2] ?? '', source: 'customer asked' }],
      sims.clock.now(),
    );
    const draft = draftOf({ id: 'd-report', listId: 'imported', name: 'Report me' });
    const reports = new ComplianceReports({
      drafts: { get: () => draft },
      lists: parts.lists,
      check: parts.check,
      review: parts.review,
      clock: sims.clock,
      accountName: () => 'Yccall PBX',
      auditOf: () => [],
    });
    for (const locale of ['en', 'zh-CN'] as const) {
      const file = join(folder, `report-${locale}.xlsx`);
      expect(await reports.writeReport('d-report', file, locale)).toBe(1);
      const words = reportWords(locale);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const summary = workbook.getWorksheet(words.summary);
      const pairs = new Map<string, unknown>();
      summary?.eachRow((row) => pairs.set(String(row.getCell(1).value), row.getCell(2).value));
      expect(pairs.get(words.campaign)).toBe('Report me');
      expect(pairs.get(words.account)).toBe('Yccall PBX');
      expect(pairs.get(words.dncVersion)).toBe(await parts.dnc.version());
      expect(pairs.get(words.historyVersion)).toBe(await parts.history.version());
      expect(pairs.get(words.excludedDnc)).toBe(1);
      const exclusions = workbook.getWorksheet(words.exclusions);
      expect(exclusions?.getRow(1).getCell(2).value).toBe(words.phone);
      expect(exclusions?.getRow(2).getCell(2).value).toBe(numbers[2]);
      expect(exclusions?.getRow(2).getCell(3).value).toBe(words.ruleDnc);
      expect(exclusions?.getRow(2).getCell(4).value).toBe('Customer asked');
      const zones = workbook.getWorksheet(words.zones);
      expect(zones?.getRow(2).getCell(1).value).toBe('Asia/Shanghai');
      expect(zones?.getRow(2).getCell(3).value).toBe(4);
    }
  });
});
