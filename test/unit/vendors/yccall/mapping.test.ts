import { describe, expect, it } from 'vitest';
import {
  YccallTaskSettingsSchema,
  formatServerTime,
  numberResultOf,
  parseServerTime,
  taskCreatBaseOf,
  taskStateOf,
  taskStatusFilterOf,
  telphoneEntryOf,
  callTimeOf,
  telphoneEntryMaker,
} from '../../../../main/services/vendors/yccall/mapping';

describe('task states: three encodings kept apart (yccall.md §7.2)', () => {
  it.each([
    [1025, 'pending', 'Not started'],
    [1026, 'running', 'Running'],
    [1027, 'paused', 'Paused'],
    // TaskList alone cannot tell a finished list from TaskSet 3 (§4.6): counted later.
    [1028, 'ended', 'Ended'],
    [1099, 'unknown', 'Status 1099'],
  ] as const)('TaskList %i → %s, the vendor code kept', (code, state, label) => {
    expect(taskStateOf(code)).toEqual({ state, vendorStatus: { code: String(code), label } });
  });

  it('maps app states to the TaskList filter 0–3', () => {
    expect(
      ['pending', 'running', 'paused', 'completed', 'failed'].map((s) =>
        taskStatusFilterOf(s as never),
      ),
    ).toEqual([0, 1, 2, 3, null]);
    expect(taskStatusFilterOf('ended-early')).toBe(3);
    expect(taskStatusFilterOf('ended')).toBe(3);
    expect(taskStatusFilterOf('cancelled')).toBeNull();
  });
});

describe('number results (§4.7)', () => {
  const row = (status: number, answered: number | null, answertype: string | null) => ({
    telphone: '138',
    status,
    answered,
    answertype,
    extnumber: answered === 1 ? '800101' : null,
  });
  it.each([
    [row(1035, null, null), 'not-called', null],
    [row(1036, 1, null), 'answered', '800101'],
    [row(1036, 0, 'callee'), 'no-answer', null],
    [row(1036, 0, 'caller'), 'failed', null],
    [row(1099, null, null), 'unknown', null],
  ])('%o → %s', (input, outcome, agent) => {
    const result = numberResultOf(input);
    expect(result.outcome).toBe(outcome);
    expect(result.agent).toBe(agent);
    expect(result.vendorStatus.code.startsWith(String(input.status))).toBe(true);
  });
});

describe('callees and settings', () => {
  it('keeps phones as strings and maps variables to the custom keys, sending both chengshudu and ext', () => {
    expect(telphoneEntryOf({ phone: '013800000000', variables: ['u', 'm', 'c', 'x'] })).toEqual({
      phone: '013800000000',
      userid: 'u',
      memberid: 'm',
      customuuid: 'c',
      chengshudu: 'x',
      ext: 'x',
    });
    expect(telphoneEntryOf({ phone: '1' })).toEqual({ phone: '1' });
  });

  it('builds TaskCreat fields: assign types 1/2/3, ratio "1:n", disnumber always sent, created stopped', () => {
    const settings = YccallTaskSettingsSchema.parse({
      assignType: 'group',
      assignAgent: 'sales',
      callsPerAgent: 3,
      scheduledTime: '2026-01-05T10:00:00Z',
    });
    expect(
      taskCreatBaseOf('T', YccallTaskSettingsSchema.parse({ ...settings, idleAgents: 2 }), 480)
        .taskscale,
    ).toBe('2:3');
    expect(taskCreatBaseOf('T', settings, 480)).toEqual({
      assigntype: 3,
      assignagent: 'sales',
      taskscale: '1:3',
      disnumber: '',
      taskname: 'T',
      status: 0,
      scheduledtime: '2026-01-05 18:00:00',
    });
    expect(
      YccallTaskSettingsSchema.safeParse({ assignType: 'robot', assignAgent: 'x' }).success,
    ).toBe(false);
    expect(
      YccallTaskSettingsSchema.safeParse({ assignType: 'queue', assignAgent: 'q', extra: 1 })
        .success,
    ).toBe(false);
  });
});

describe('preset call times per number (telphone time, §4.1)', () => {
  it('read a chosen variable as the call time, in the given zone, as Unix seconds', () => {
    const make = telphoneEntryMaker({ callTimeVariable: 2, offsetMinutes: 480 });
    expect(make({ phone: '8613800000000', variables: ['u1', '2026-12-01 09:30'] })).toEqual({
      phone: '8613800000000',
      userid: 'u1',
      memberid: '2026-12-01 09:30',
      time: Date.UTC(2026, 11, 1, 1, 30) / 1000,
    });
    expect(make({ phone: '1', variables: ['u', '2026-12-01T09:30:15'] }).time).toBe(
      Date.UTC(2026, 11, 1, 1, 30, 15) / 1000,
    );
    // An instant with its own zone is taken as it is.
    expect(make({ phone: '1', variables: ['u', '2026-12-01T01:30:00Z'] }).time).toBe(
      Date.UTC(2026, 11, 1, 1, 30) / 1000,
    );
  });

  it('leave the time out when the variable is empty or not a time, or none is chosen', () => {
    const make = telphoneEntryMaker({ callTimeVariable: 1, offsetMinutes: 0 });
    expect(make({ phone: '1', variables: [''] })).toEqual({ phone: '1' });
    expect(make({ phone: '1', variables: ['next Tuesday'] })).toEqual({
      phone: '1',
      userid: 'next Tuesday',
    });
    expect(callTimeOf('2026-13-45 99:99', 0)).toBeUndefined();
    expect(
      telphoneEntryMaker({ offsetMinutes: 0 })({ phone: '1', variables: ['2026-12-01 09:30'] }),
    ).toEqual({
      phone: '1',
      userid: '2026-12-01 09:30',
    });
  });
});

describe('server times (zone not documented, §8)', () => {
  it('formats and parses yyyy-mm-dd hh:mm:ss at an explicit offset', () => {
    const ms = Date.UTC(2026, 0, 5, 1, 2, 3);
    expect(formatServerTime(ms, 480)).toBe('2026-01-05 09:02:03');
    expect(parseServerTime('2026-01-05 09:02:03', 480)).toBe(new Date(ms).toISOString());
    expect(parseServerTime('', 0)).toBeNull();
    expect(parseServerTime('0000-00-00 00:00:00', 0)).toBeNull();
  });
});
