import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITNIOTECH_RULES } from '../../main/services/sandbox/strict/itniotech-rules';
import type { StrictViolation } from '../../main/services/sandbox/strict/rule';
import { YCCALL_NUMBER_RULES, YCCALL_RULES } from '../../main/services/sandbox/strict/yccall-rules';
import type { TaskKind } from '../../shared/domain/task';
import type { ItniotechVendor } from '../../main/services/vendors/itniotech/itniotech-vendor';
import type { Vendor } from '../../main/services/vendors/vendor';
import { startSim, type SimHarness } from '../integration/vendors/itniotech/harness';
import {
  SETTINGS as YCCALL_SETTINGS,
  startHarness,
  type Harness,
} from '../integration/vendors/yccall/harness';

// The contract between the app's vendor clients and the vendors' documentation: every kind of
// request the app sends goes to the STRICT simulator (rules written from the vendor reference in
// test/fixtures/vendor-api/ alone, each quoting its doc sentence), and no request may break a
// rule. Each rule is listed below as its own case, so a broken rule names itself.

let itnio: SimHarness;
let yccall: Harness;
const violations: StrictViolation[] = [];
const exercised: string[] = [];

const TTS = { appId: 'iaAJ6COV', source: 3, text: 'Hello', lan: 'EN', loopCount: 1, maxCalls: 60 };
const callees = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({ phone: `+${prefix}${String(i).padStart(7, '0')}` }));

/** Runs one client operation; it must succeed (a broken rule answers -22 / ret 400). */
async function run<T>(label: string, operation: () => Promise<T>): Promise<T> {
  exercised.push(label);
  try {
    return await operation();
  } catch (error) {
    throw new Error(`${label}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/** Everything a board, a detail, a form and the outbox ask a vendor, for one kind. */
async function readEverything(vendor: Vendor, kind: TaskKind, taskId: string): Promise<void> {
  await run(`${kind} list`, () => vendor.listTasks({ kind, page: 1, pageSize: 100 }));
  await run(`${kind} list by name and state`, () =>
    vendor.listTasks({
      kind,
      name: 'x',
      states: ['running'],
      createdFrom: '2026-01-01',
      createdTo: '2026-01-05',
      page: 1,
      pageSize: 20,
    }),
  );
  await run(`${kind} detail`, () => vendor.getTask(kind, taskId));
  await run(`${kind} read-back`, () => vendor.readBack(kind, taskId));
  if (vendor.capabilities(kind).numberResults) {
    await run(`${kind} numbers`, () =>
      vendor.listNumberResults(kind, taskId, { page: 1, pageSize: 50 }),
    );
    await run(`${kind} failed numbers`, () =>
      vendor.listNumberResults(kind, taskId, { page: 1, pageSize: 50, outcome: 'failed' }),
    );
  }
  const records = vendor.listCallRecords?.bind(vendor);
  if (records) {
    await run(`${kind} call records`, () => records(kind, taskId, { page: 1, pageSize: 20 }));
  }
  await run(`${kind} pickers`, () => vendor.loadPickers(kind));
}

beforeAll(async () => {
  itnio = await startSim({ startDelayMs: 5_000, msPerCall: 1_000 });
  yccall = await startHarness();
  itnio.sim.seedSampleTasks();

  // ITNIO: every kind created, read, resent, edited and cancelled.
  const vendor: ItniotechVendor = itnio.vendor();
  await run('connection test', () => vendor.testConnection());
  const voice = await run('voice-group create', () =>
    vendor.createTask({
      kind: 'voice-group',
      name: 'contract voice',
      callees: callees(12, '86138'),
      settings: { ...TTS, sendTime: '2026-01-05T02:00:00Z' },
    }),
  );
  const ai = await run('ai-agent-group create', () =>
    vendor.createTask({
      kind: 'ai-agent-group',
      name: 'contract ai',
      callees: callees(8, '86139'),
      settings: { appId: 'rcVY82Lm', scriptId: 9 },
    }),
  );
  const cc = await run('cc-preview create (upload + submitTask)', () =>
    vendor.createTask({
      kind: 'cc-preview',
      name: 'contract cc',
      callees: callees(6, '86137'),
      settings: { type: 1, voiceGroupId: [1000006], appId: 'iaAJ6COV', calloutRate: 2 },
    }),
  );
  await readEverything(vendor, 'voice-group', voice.taskId ?? '');
  await readEverything(vendor, 'ai-agent-group', ai.taskId ?? '');
  await readEverything(vendor, 'cc-preview', cc.taskId ?? '');
  await run('cc-preview edit', () =>
    vendor.edit('cc-preview', cc.taskId ?? '', { calloutRate: 3 }),
  );
  itnio.clock.advance(10 * 60_000);
  await run('voice-group resend', () =>
    vendor.resend('voice-group', voice.taskId ?? '', 'failed', {
      ...TTS,
      taskName: 'contract voice again',
    }),
  );
  await run('ai-agent-group resend', () =>
    vendor.resend('ai-agent-group', ai.taskId ?? '', 'all', {
      taskName: 'contract ai again',
      scriptId: 9,
      allowSendTime: [{ strTime: '09:00', endTime: '12:00' }],
      maxRingingTime: 45,
      enableRecording: 1,
    }),
  );
  await run('cc-preview resend', () =>
    vendor.resend('cc-preview', cc.taskId ?? '', 'failed', {
      type: 1,
      voiceGroupId: [1000006],
      appId: 'iaAJ6COV',
      calloutRate: 2,
    }),
  );
  const second = await run('voice-group create to cancel', () =>
    vendor.createTask({
      kind: 'voice-group',
      name: 'contract cancel',
      callees: callees(3, '86136'),
      settings: TTS,
    }),
  );
  await run('voice-group cancel', () => vendor.cancel('voice-group', second.taskId ?? ''));
  const ccToCancel = await run('cc-preview create to cancel', () =>
    vendor.createTask({
      kind: 'cc-preview',
      name: 'contract cc cancel',
      callees: callees(4, '86133'),
      settings: { type: 0 },
    }),
  );
  await run('cc-preview cancel', () => vendor.cancel('cc-preview', ccToCancel.taskId ?? ''));

  // Yccall: a chunked create with a scheduled start and preset call times, then every action.
  const y = yccall.vendor;
  await run('yccall connection test', () => y.testConnection());
  const created = await run('predictive create in 3 chunks, started', () =>
    y.createTask({
      kind: 'predictive',
      name: 'contract predictive',
      callees: callees(25, '86135').map((callee, i) => ({
        ...callee,
        variables: [`emp-${i}`, '', '', '', '2026-01-05 10:30'],
      })),
      settings: {
        ...YCCALL_SETTINGS,
        start: true,
        scheduledTime: '2026-01-05T01:00:00Z',
        pausedTime: '2026-01-05 18:00:00',
        displayNumbers: ['02150001000'],
        concurrent: 10,
        isScale: 'auto',
        callTimeVariable: 5,
      },
    }),
  );
  const id = created.taskId ?? '';
  await readEverything(y, 'predictive', id);
  await run('predictive append', () => y.appendNumbers(id, callees(4, '86134')));
  await run('predictive pause', () => y.pause('predictive', id));
  await run('predictive resume', () => y.resume('predictive', id));
  await run('predictive end', () => y.cancel('predictive', id));
  await run('predictive re-dial', () => y.resend('predictive', id, 'all', { start: false }));
  await run('predictive find by name', () => y.findTaskByName('predictive', 'contract predictive'));
  await run('logout', () => y.close());

  violations.push(...(itnio.sim.strict?.violations() ?? []));
  violations.push(...(yccall.sim.strict?.violations() ?? []));
}, 120_000);

afterAll(async () => {
  await itnio?.close();
  await yccall?.close();
});

describe('the app’s requests against the documented rules', () => {
  it('exercised every kind of request the app sends, and the servers ran strict', () => {
    expect(itnio.sim.strict).not.toBeNull();
    expect(yccall.sim.strict).not.toBeNull();
    expect(exercised.length).toBeGreaterThan(40);
    expect(violations).toEqual([]);
  });

  const rules = [
    ...ITNIOTECH_RULES.map((rule) => ({ vendor: 'itniotech', ...rule })),
    ...YCCALL_RULES.map((rule) => ({ vendor: 'yccall', ...rule })),
    ...YCCALL_NUMBER_RULES.map((rule) => ({ vendor: 'yccall', ...rule })),
  ];
  it.each(rules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
    expect(rule.quote.trim().length).toBeGreaterThan(10);
    expect(rule.source).toMatch(/^(itniotech|yccall)\.md §\d/);
    const broken = violations.filter((violation) => violation.ruleId === rule.id);
    expect(broken, `${rule.id} (${rule.source}: “${rule.quote}”)`).toEqual([]);
  });
});
