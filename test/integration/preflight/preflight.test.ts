import { beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseSync } from 'node:sqlite';
import { SqliteListSource } from '../../../main/services/drafts/sqlite-list-source';
import { AppError } from '../../../main/services/errors';
import { Preflight } from '../../../main/services/preflight/preflight';
import { ManualClock } from '../../../main/services/sandbox/sim-kit';
import { openDatabase } from '../../../main/services/storage/database';
import type { Vendor } from '../../../main/services/vendors/vendor';
import { PreflightReportSchema, type PreflightReport } from '../../../shared/domain/preflight';
import { InMemoryKeyValueStore } from '../../fakes/memory-kv-store';
import { MemoryLogger } from '../../fakes/memory-logger';
import { YccallVendor } from '../../../main/services/vendors/yccall/yccall-vendor';
import { balanceVendor, CountingListSource, draftOf, insertList } from './helpers';

let db: DatabaseSync;
let lists: CountingListSource;
let clock: ManualClock;
let vendors: Map<string, Vendor & { tests: number }>;
let preflight: Preflight;

// Row i of list l1: 3 Chinese mobiles, 2 US numbers (New York, Los Angeles), 1 non-geographic.
const L1 = [
  '+8613800138000',
  '+8613800138001',
  '+8613800138002',
  '+12125550123',
  '+13105550123',
  '+882161234567',
];

beforeEach(() => {
  db = openDatabase(':memory:');
  lists = new CountingListSource(new SqliteListSource(db));
  clock = new ManualClock(Date.UTC(2025, 5, 1, 2)); // 2025-06-01 10:00 Shanghai
  vendors = new Map();
  vendors.set(
    'acc-itnio',
    balanceVendor('acc-itnio', {
      summary: { en: 'Balance 120.50', 'zh-CN': '余额 120.50' },
      balance: { amount: 120.5, currency: null },
    }),
  );
  preflight = new Preflight({
    lists,
    clock,
    store: new InMemoryKeyValueStore(),
    vendorFor: async (accountId) => {
      const vendor = vendors.get(accountId);
      if (!vendor)
        throw new AppError('NOT_FOUND', { en: 'No such account.', 'zh-CN': '没有此账户。' });
      return vendor;
    },
    logger: new MemoryLogger(),
    localZone: () => 'Asia/Shanghai',
  });
  insertList(db, 'l1', L1.length, (i) => L1[i] ?? '', [
    { status: 'invalid', reason: 'too-short', count: 2 },
    { status: 'duplicate', reason: 'duplicate', count: 1 },
  ]);
});

const codes = (report: PreflightReport) => report.warnings.map((w) => w.code);

describe('pre-flight review of a draft on a real SQLite list', () => {
  it('reports counts, exclusions, countries and zones, and parses as the IPC schema', async () => {
    const report = PreflightReportSchema.parse(await preflight.review(draftOf(), { online: true }));
    expect(report.list).toMatchObject({ listId: 'l1', total: 9, valid: 6 });
    expect(report.list?.excluded).toEqual([
      {
        status: 'invalid',
        reason: 'too-short',
        count: 2,
        text: { en: 'Too short', 'zh-CN': '位数太少' },
      },
      {
        status: 'duplicate',
        reason: 'duplicate',
        count: 1,
        text: { en: 'Duplicate of an earlier row', 'zh-CN': '与前面的行重复' },
      },
    ]);
    expect(report.recipients.map((r) => [r.country, r.count, r.zoneKnown])).toEqual([
      ['CN', 3, true],
      ['US', 2, true],
      [null, 1, false],
    ]);
    expect(report.recipients[0]?.text.en).toBe('CN: 3 numbers · Asia/Shanghai (UTC+08:00)');
    expect(report.recipients[1]?.zones[0]).toBe('Pacific/Honolulu');
    expect(report.problems).toEqual([]);
    expect(report.limits).toMatchObject({
      vendor: 'itniotech',
      maxPerRequest: 100_000,
      withinLimit: true,
    });
  });

  it('shows the start and windows in the manager’s and recipients’ zones, and warns about night calls', async () => {
    const draft = draftOf({
      schedule: {
        timeZone: 'Asia/Shanghai',
        sendAt: '2025-06-02 09:00:00',
        windows: [{ start: '09:00', end: '18:00' }],
      },
    });
    const report = await preflight.review(draft, { online: false });
    expect(report.schedule.asSoonAsSent).toBe(false);
    expect(report.schedule.startAt).toBe('2025-06-02T01:00:00.000Z');
    expect(report.schedule.start.manager).toEqual({
      zone: 'Asia/Shanghai',
      local: '2025-06-02 09:00',
      utcOffset: 'UTC+08:00',
    });
    const window = report.schedule.windows[0];
    expect(window?.manager.en).toBe('09:00–18:00 Asia/Shanghai (UTC+08:00)');
    expect(window?.recipients.find((r) => r.country === 'US')?.text.en).toBe(
      '15:00–00:00 (previous day) … 21:00–06:00 (previous day)',
    );
    const night = report.warnings.find((w) => w.code === 'outside-calling-hours');
    expect(night).toMatchObject({ country: 'US', count: 2 });
    expect(report.warnings.find((w) => w.country === 'CN')).toBeUndefined();
    expect(codes(report)).toContain('unknown-zone');
  });

  it('gives no night warning when the windows suit every recipient', async () => {
    insertList(db, 'cn', 3, (i) => `+861380013800${i}`);
    const draft = draftOf({
      listId: 'cn',
      schedule: {
        timeZone: 'Asia/Shanghai',
        sendAt: null,
        windows: [{ start: '10:00', end: '12:00' }],
      },
    });
    const report = await preflight.review(draft, { online: false });
    expect(codes(report)).not.toContain('outside-calling-hours');
    expect(report.schedule.asSoonAsSent).toBe(true);
  });

  it('estimates from the account’s assumptions and lists which are defaults', async () => {
    preflight.setEstimateSettings('acc-itnio', {
      concurrency: 1,
      averageCallSeconds: 60,
      answerRate: 1,
      ratePerMinute: 2,
    });
    const report = await preflight.review(draftOf(), { online: false });
    // 6 numbers, all answered, 60 s each, one line: 6 minutes; 6 billed minutes at 2.
    expect(report.estimate.callingSeconds).toBe(360);
    expect(report.estimate.cost).toEqual({ amount: 12, currency: 'USD' });
    expect(report.estimate.finishAt).toBe('2025-06-01T02:06:00.000Z');
    const assumptions = Object.fromEntries(
      report.estimate.assumptions.map((a) => [a.key, a.isDefault]),
    );
    expect(assumptions).toMatchObject({ concurrency: false, answerRate: false, currency: true });
    expect(report.estimate.text.en).toContain('About 6 min of calling for 6 numbers at 1 at once');
  });

  it('reads the balance online and warns when the estimate is more than it', async () => {
    preflight.setEstimateSettings('acc-itnio', { answerRate: 1, ratePerMinute: 100 });
    const report = await preflight.review(draftOf(), { online: true });
    expect(report.balance).toMatchObject({ status: 'checked', amount: 120.5 });
    expect(report.estimate.cost.amount).toBe(600);
    expect(codes(report)).toContain('cost-over-balance');
  });

  it('does not ask the vendor offline', async () => {
    const report = await preflight.review(draftOf(), { online: false });
    expect(report.balance).toMatchObject({ status: 'offline', amount: null });
    expect(report.balance.text.en).toBe('Balance not checked (offline).');
    expect(vendors.get('acc-itnio')?.tests).toBe(0);
    expect(codes(report)).not.toContain('cost-over-balance');
  });

  it('says why the balance is missing when the vendor refuses', async () => {
    vendors.set(
      'acc-itnio',
      balanceVendor(
        'acc-itnio',
        new AppError('VENDOR_AUTH', {
          en: 'The API key or secret was refused.',
          'zh-CN': 'API 密钥被拒绝。',
        }),
      ),
    );
    const report = await preflight.review(draftOf(), { online: true });
    expect(report.balance.status).toBe('failed');
    expect(report.balance.text.en).toBe('Balance not checked: The API key or secret was refused.');
  });

  it('reuses the draft validation problems', async () => {
    const report = await preflight.review(draftOf({ settings: {} }), { online: false });
    expect(report.problems.map((p) => p.rule)).toEqual(
      expect.arrayContaining(['appId.required', 'source.enum', 'maxCalls.required']),
    );
  });

  it('splits a Yccall list and says its balance is not available without asking', async () => {
    insertList(db, 'big', 25_000, (i) => `+8613${String(i).padStart(9, '0')}`);
    const draft = draftOf({
      accountId: 'acc-yccall',
      kind: 'predictive',
      listId: 'big',
      settings: { assignType: 'queue', assignAgent: '8001' },
      schedule: {
        timeZone: 'Asia/Shanghai',
        sendAt: null,
        windows: [{ start: '09:00', end: '12:00' }],
      },
    });
    // The account's own vendor module says how its PBX dials (yccall.md §4.1): national digits.
    vendors.set(
      'acc-yccall',
      Object.assign(
        new YccallVendor({
          accountId: 'acc-yccall',
          serverUrl: 'http://10.0.0.5:8080/',
          appid: 'app',
          getAccessKey: async () => 'never-used',
          send: async () => {
            throw new Error('the review must not contact the server for this');
          },
          clock,
          dialing: { homeCountry: 'CN', internationalPrefix: '00' },
        }),
        { tests: 0 },
      ),
    );
    const report = await preflight.review(draft, { online: true });
    expect(report.dialled).toEqual(
      [0, 1, 2, 3, 4].map((i) => ({
        phone: `+8613${String(i).padStart(9, '0')}`,
        sent: `13${String(i).padStart(9, '0')}`,
      })),
    );
    expect(report.limits.split?.parts).toEqual([
      { service: 'TaskCreat', calls: 1, numbersPerCall: 10_000 },
      { service: 'TaskAdd', calls: 1, numbersPerCall: 10_000 },
      { service: 'TaskAdd', calls: 1, numbersPerCall: 5_000 },
    ]);
    expect(report.balance.status).toBe('not-available');
    expect(report.schedule.windowsApply).toBe(false);
    expect(codes(report)).toContain('schedule-not-sent');
  });

  it('reads the rows once per list: a second review uses the cached counts', async () => {
    await preflight.review(draftOf(), { online: false });
    await preflight.review(draftOf({ name: 'Another name' }), { online: false });
    expect(lists.rowReads).toBe(1);
  });

  it('stops with CANCELLED when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      preflight.review(draftOf(), { online: true, signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });

  it('warns when the list is gone', async () => {
    const report = await preflight.review(draftOf({ listId: 'gone' }), { online: false });
    expect(report.list).toBeNull();
    expect(codes(report)).toContain('list-missing');
  });
});

describe('a 1,000,000-row list', () => {
  it('is reviewed in a few seconds, in one pass over the rows', async () => {
    // Valid numbers of mixed countries, including the shared +1 (US, CA) and +7 (RU) codes.
    const prefixes = ['+86138', '+1212555', '+1416555', '+7912', '+6281', '+9198'];
    insertList(db, 'million', 1_000_000, (i) => {
      const prefix = prefixes[i % prefixes.length] ?? '+86138';
      const digits = prefix.startsWith('+86') ? 8 : prefix.startsWith('+1') ? 4 : 7;
      return `${prefix}${String(i).padStart(digits, '0').slice(-digits)}`;
    });
    const began = performance.now();
    const report = await preflight.review(
      draftOf({ listId: 'million', kind: 'predictive', accountId: 'acc-yccall' }),
      {
        online: false,
      },
    );
    const seconds = (performance.now() - began) / 1_000;
    console.info(`pre-flight of 1,000,000 rows: ${seconds.toFixed(2)} s`);
    expect(report.recipients.reduce((sum, r) => sum + r.count, 0)).toBe(1_000_000);
    expect(report.recipients.map((r) => r.country).sort()).toEqual([
      'CA',
      'CN',
      'ID',
      'IN',
      'RU',
      'US',
    ]);
    expect(report.limits.split?.requests).toBe(100);
    expect(lists.rowReads).toBe(1);
    // Speed is a benchmark's business, not a test's; what matters here is one pass over the rows,
    // and none at all for a list already reviewed (lists never change once imported).
    await preflight.review(
      draftOf({ listId: 'million', kind: 'predictive', accountId: 'acc-yccall' }),
      { online: false },
    );
    expect(lists.rowReads).toBe(1);
  });
});
