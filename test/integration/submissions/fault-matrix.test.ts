import { DEFAULT_DIAL_FORMAT, dialStringOf } from '../../../main/services/vendors/yccall/dialing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../../../main/services/sandbox/server';
import type { SubmissionView } from '../../../shared/domain/submission';
import {
  ITNIO,
  SETTINGS,
  YCCALL,
  insertList,
  journalText,
  makeOutbox,
  makeVendors,
  phoneAt,
  startSims,
  type OutboxSide,
  type SimSide,
} from './harness';

// The fault matrix of the issue: every fault × every request that creates something, each case
// ending in a state the user can act on, then (fault cleared, Retry) in exactly one task holding
// exactly its numbers, as the simulator counts them.

let sims: SimSide;
let side: OutboxSide;
let caseNo = 0;

beforeAll(async () => {
  sims = await startSims();
  const vendors = makeVendors(sims.server.url, sims.clock, { timeoutMs: 400, chunkSize: 1_000 });
  side = makeOutbox(vendors, sims.clock);
});
afterAll(async () => {
  await sims.close();
  side.db.close();
});

type Expect = 'done' | 'waiting' | 'attention';

const TRANSPORT: readonly (readonly [string, Fault, Expect])[] = [
  ['latency 50 ms', { kind: 'latency', ms: 50 }, 'done'],
  ['hang past the timeout', { kind: 'hang' }, 'waiting'],
  ['reset before the server commits', { kind: 'reset' }, 'waiting'],
  ['reset after the server commits', { kind: 'reset-after-commit' }, 'waiting'],
  ['HTTP 500', { kind: 'http', status: 500 }, 'waiting'],
  ['HTTP 503', { kind: 'http', status: 503 }, 'waiting'],
  ['malformed JSON', { kind: 'malformed' }, 'waiting'],
];

const yEnv = (ret: number, msg: string) => ({ ret, data: [], msg });
const yBiz = (code: string, codemsg: string) => ({
  ret: 200,
  data: { status: 1, desc: 'fail', errors: { code, codemsg } },
  msg: '',
});
const YCCALL_CODES: readonly (readonly [string, Fault, Expect, number])[] = [
  ['ret 400', { kind: 'respond', body: yEnv(400, 'Illegal request') }, 'attention', 1],
  ['ret 600 twice', { kind: 'respond', body: yEnv(600, 'token expired') }, 'attention', 2],
  ['ret 601', { kind: 'respond', body: yEnv(601, 'appid not authorized') }, 'attention', 1],
  ['ret 602', { kind: 'respond', body: yEnv(602, 'appid expired') }, 'attention', 1],
  ['ret 603', { kind: 'respond', body: yEnv(603, 'not licensed') }, 'attention', 1],
  ['ret 604', { kind: 'respond', body: yEnv(604, 'ip not authorized') }, 'attention', 1],
  ['ret 500', { kind: 'respond', body: yEnv(500, 'server error') }, 'waiting', 1],
  ['business 1001', { kind: 'respond', body: yBiz('1001', 'connection failed') }, 'waiting', 1],
  ['business 1002', { kind: 'respond', body: yBiz('1002', 'abnormal operation') }, 'attention', 1],
  ['business 1003', { kind: 'respond', body: yBiz('1003', 'operation failed') }, 'attention', 1],
  [
    'business 1010 twice',
    { kind: 'respond', body: yBiz('1010', 'extension exception') },
    'attention',
    2,
  ],
  ['business 1012', { kind: 'respond', body: yBiz('1012', 'no such extension') }, 'attention', 1],
  ['business 1014', { kind: 'respond', body: yBiz('1014', 'not registered') }, 'attention', 1],
];

// Every ITNIO code a create can answer (itniotech.md §4.1, §4.2, §5.1, §8). -18 is the vendor's
// own failure: no answer about the task, so it waits and reconciles.
const ITNIO_CODES: readonly (readonly [string, Expect])[] = [
  ['-1', 'attention'],
  ['-2', 'attention'],
  ['-10', 'attention'],
  ['-16', 'attention'],
  ['-18', 'waiting'],
  ['-20', 'attention'],
  ['-21', 'attention'],
  ['-22', 'attention'],
  ['-23', 'attention'],
  ['-24', 'attention'],
  ['-38', 'attention'],
  ['-39', 'attention'],
  ['-40', 'attention'],
  ['-42', 'attention'],
  ['-43', 'attention'],
  ['-74', 'attention'],
  ['-77', 'attention'],
];
const iEnv = (code: string) => ({ status: code, reason: `simulated ${code}` });

interface Target {
  readonly label: string;
  readonly account: 'acct-itnio' | 'acct-yccall';
  readonly kind: 'predictive' | 'cc-preview' | 'voice-group';
  readonly key: string;
  /** Requests on `key` to let through before the fault. */
  readonly skip: number;
  readonly numbers: number;
}

const YCCALL_TARGETS: readonly Target[] = [
  {
    label: 'Yccall create (chunk 1 of 3)',
    account: 'acct-yccall',
    kind: 'predictive',
    key: 'App.Sip_Yccall.TaskCreat',
    skip: 0,
    numbers: 2_500,
  },
  {
    label: 'Yccall append chunk 2 of 3',
    account: 'acct-yccall',
    kind: 'predictive',
    key: 'App.Sip_Yccall.TaskAdd',
    skip: 0,
    numbers: 2_500,
  },
  {
    label: 'Yccall append chunk 3 of 3',
    account: 'acct-yccall',
    kind: 'predictive',
    key: 'App.Sip_Yccall.TaskAdd',
    skip: 1,
    numbers: 2_500,
  },
];
const ITNIO_TARGETS: readonly Target[] = [
  {
    label: 'ITNIO workbook upload',
    account: 'acct-itnio',
    kind: 'cc-preview',
    key: '/cc/preview/upload',
    skip: 0,
    numbers: 40,
  },
  {
    label: 'ITNIO cc submitTask',
    account: 'acct-itnio',
    kind: 'cc-preview',
    key: '/cc/preview/submitTask',
    skip: 0,
    numbers: 40,
  },
  {
    label: 'ITNIO voice group send',
    account: 'acct-itnio',
    kind: 'voice-group',
    key: '/voice/group/call/send',
    skip: 0,
    numbers: 40,
  },
];

function tasksNamed(
  target: Target,
  name: string,
): { id: string; count: number; numbers?: readonly string[] }[] {
  if (target.account === 'acct-yccall') {
    return sims.yccall
      .tasks()
      .filter((task) => task.name === name)
      .map((task) => ({
        id: task.id,
        count: task.numberCount,
        numbers: sims.yccall.numbersOf(task.id),
      }));
  }
  const all =
    target.kind === 'cc-preview'
      ? sims.itnio.ccTasks(ITNIO.apiKey)
      : sims.itnio.groupTasks(ITNIO.apiKey);
  return all
    .filter((task) => task.name === name)
    .map((task) => ({ id: task.id, count: task.total }));
}

async function runCase(target: Target, fault: Fault, expected: Expect, times = 1): Promise<void> {
  caseNo += 1;
  const listId = `list-${caseNo}`;
  const prefix = `861${String(caseNo).padStart(4, '0')}`;
  insertList(side.db, listId, target.numbers, prefix);
  const name = `Fault case ${caseNo}`;
  const queued = await side.outbox.enqueue({
    accountId: target.account,
    kind: target.kind,
    name,
    listId,
    settings: SETTINGS[target.kind],
  });
  sims.server.injectFault(target.key, fault, { skip: target.skip, times });
  await side.outbox.drain();
  sims.server.clearFaults();
  const first: SubmissionView = side.outbox.get(queued.id);

  // A clear state the user can act on.
  expect(first.state).toBe(expected);
  if (first.state !== 'done') {
    expect(first.error?.message.en.length).toBeGreaterThan(10);
    expect(first.error?.message['zh-CN'].length).toBeGreaterThan(2);
    expect(first.actions.retry).toBe(true);
  }
  // Never more than one task, whatever the fault did.
  expect(tasksNamed(target, name).length).toBeLessThanOrEqual(1);

  const final = first.state === 'done' ? first : await side.outbox.retry(queued.id);
  expect(final.state).toBe('done');
  expect(final.progress).toEqual({ done: target.numbers, total: target.numbers });
  const tasks = tasksNamed(target, name);
  expect(tasks).toHaveLength(1);
  expect(final.taskId).toBe(tasks[0]?.id);
  expect(final.actions.openTask).toBe(true);
  expect(tasks[0]?.count).toBe(target.numbers);
  if (tasks[0]?.numbers) {
    // A Yccall server holds the digits its PBX dials (yccall.md §4.1), not the E.164 form.
    const expectedNumbers = Array.from({ length: target.numbers }, (_, i) =>
      target.kind === 'predictive'
        ? dialStringOf(phoneAt(prefix, i), DEFAULT_DIAL_FORMAT)
        : phoneAt(prefix, i),
    );
    expect(tasks[0].numbers).toEqual(expectedNumbers);
  }
}

describe('fault matrix: transport faults × every creating request', () => {
  for (const target of [...YCCALL_TARGETS, ...ITNIO_TARGETS]) {
    it.each(TRANSPORT)(`${target.label}: %s`, async (_label, fault, expected) => {
      await runCase(target, fault, expected);
    });
  }
});

describe('fault matrix: documented Yccall codes × create and each append chunk', () => {
  for (const target of YCCALL_TARGETS) {
    it.each(YCCALL_CODES)(`${target.label}: %s`, async (_label, fault, expected, times) => {
      await runCase(target, fault, expected, times);
    });
  }
});

describe('fault matrix: documented ITNIO codes × upload, submitTask and send', () => {
  for (const target of ITNIO_TARGETS) {
    it.each(ITNIO_CODES)(`${target.label}: status %s`, async (code, expected) => {
      await runCase(target, { kind: 'respond', body: iEnv(code) }, expected);
    });
  }
});

describe('after the whole matrix', () => {
  it('kept no secret in the journal, the audit trail or the logs, and the chain verifies', () => {
    const text = journalText(side.db) + side.logger.text();
    for (const secret of [ITNIO.apiSecret, YCCALL.accesskey]) expect(text).not.toContain(secret);
    const token = sims.yccall.tokenOf(YCCALL.appid);
    expect(token).not.toBeNull();
    expect(text).not.toContain(token ?? 'no token');
    expect(side.audit.verify()).toEqual({ ok: true, entries: expect.any(Number), problems: [] });
  });
});
