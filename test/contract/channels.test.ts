import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels, events } from '../../shared/ipc/contract';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../shared/ipc/names';
import { damagedAccountKey } from '../../main/services/accounts/stored-accounts';
import { noSignal, testCore } from '../fakes/core';
import { ScriptedUpdater } from '../fakes/scripted-updater';

/**
 * Malformed requests every channel must refuse. Each channel also has its own cases below;
 * a channel added to the contract without cases fails the "has bad-input cases" test.
 */
const COMMON_BAD: readonly unknown[] = [undefined, null, 42, 'text', [], true];

const goodItnio = {
  vendor: 'itniotech',
  name: 'BPO',
  connection: { brand: 'itniotech', apiKey: 'key1', defaults: {} },
  secret: 'good-secret',
};
const huge = 'x'.repeat(100_000);

const CHANNEL_BAD: Readonly<Record<(typeof CHANNEL_NAMES)[number], readonly unknown[]>> = {
  'accounts.list': [{ all: true }],
  'accounts.create': [
    {},
    { ...goodItnio, vendor: 'twilio' },
    { ...goodItnio, secret: undefined },
    { ...goodItnio, secret: '' },
    { ...goodItnio, secret: huge },
    { ...goodItnio, name: huge },
    { ...goodItnio, name: 42 },
    { ...goodItnio, connection: { ...goodItnio.connection, apiKey: 'has space' } },
    { ...goodItnio, connection: { ...goodItnio.connection, brand: 'laaffic' } },
    { ...goodItnio, connection: { ...goodItnio.connection, baseUrl: 'ftp://api.example.com' } },
    { ...goodItnio, connection: { ...goodItnio.connection, baseUrl: 'file:///etc/passwd' } },
    { ...goodItnio, connection: { ...goodItnio.connection, baseUrl: 'http://api.example.com' } },
    { ...goodItnio, connection: { ...goodItnio.connection, baseUrl: 'javascript:alert(1)' } },
    { ...goodItnio, connection: { ...goodItnio.connection, defaults: { countryCode: '+86' } } },
    {
      ...goodItnio,
      connection: { ...goodItnio.connection, defaults: { displayNumber: 'x'.repeat(21) } },
    },
    {
      vendor: 'yccall',
      name: 'PBX',
      connection: { serverUrl: 'ws://10.0.0.5', appid: 'a' },
      secret: 's',
    },
    {
      vendor: 'yccall',
      name: 'PBX',
      connection: { serverUrl: 'http://u:p@10.0.0.5', appid: 'a' },
      secret: 's',
    },
    {
      vendor: 'yccall',
      name: 'PBX',
      connection: { serverUrl: 'http://10.0.0.5', appid: 'a', apiKey: 'k' },
      secret: 's',
    },
    { ...goodItnio, extra: 'field' },
  ],
  'accounts.update': [
    {},
    { id: 'id-1' },
    { id: '', changes: { vendor: 'itniotech', name: 'x' } },
    { id: '../../etc', changes: { vendor: 'itniotech', name: 'x' } },
    { id: huge, changes: { vendor: 'itniotech', name: 'x' } },
    { id: 'id-1', changes: { vendor: 'itniotech', secret: '' } },
    { id: 'id-1', changes: { vendor: 'itniotech', name: '' } },
    { id: 'id-1', changes: { name: 'no vendor' } },
  ],
  'accounts.remove': [{}, { id: 42 }, { id: '' }, { id: 'a b' }],
  'accounts.testConnection': [{}, { id: null }, { id: huge }],
  'accounts.setActive': [{}, { id: 42 }, { id: '' }],
  'accounts.addDemo': [{ vendor: 'itniotech' }],
  'accounts.repair': [
    {},
    { key: 'damaged-0123456789abcdef01234567' },
    { key: '../../etc', account: goodItnio },
    { key: 'damaged-0123456789abcdef01234567', account: { ...goodItnio, name: huge } },
    { key: 'damaged-0123456789abcdef01234567', account: { ...goodItnio, vendor: 'twilio' } },
    { key: 'damaged-0123456789abcdef01234567', account: { ...goodItnio, secret: '' } },
  ],
  'accounts.removeDamaged': [{}, { key: 42 }, { key: 'id-1' }, { key: huge }],
  'lists.pickFile': [{ suggestedPath: 42 }, { suggestedPath: huge }, { path: '/etc/passwd' }],
  'lists.inspect': [
    {},
    { fileId: '../../etc/passwd' },
    { fileId: 'f-1', encoding: 'latin1' },
    { path: '/etc/passwd' },
  ],
  'lists.preview': [{}, { fileId: 'f-1', headerRow: -1 }, { fileId: 'f-1', sheet: 42 }],
  'lists.import': [
    {},
    { fileId: 'f-1', jobId: 'j-1' },
    {
      fileId: 'f-1',
      jobId: 'j-1',
      options: {
        mapping: { phone: 0, name: null, variables: [1, 2, 3, 4, 5, 6] },
        defaultCountry: null,
        rule: 'none',
      },
    },
    {
      fileId: 'f-1',
      jobId: 'j-1',
      options: {
        mapping: { phone: -1, name: null, variables: [] },
        defaultCountry: null,
        rule: 'none',
      },
    },
    {
      fileId: 'f-1',
      jobId: 'j-1',
      options: {
        mapping: { phone: 0, name: null, variables: [] },
        defaultCountry: 'China',
        rule: 'none',
      },
    },
    {
      fileId: 'f-1',
      jobId: 'j 1',
      options: {
        mapping: { phone: 0, name: null, variables: [] },
        defaultCountry: null,
        rule: 'none',
      },
    },
    {
      fileId: 'f-1',
      jobId: 'j-1',
      options: {
        mapping: { phone: 0, name: null, variables: [] },
        defaultCountry: null,
        rule: 'twilio',
      },
    },
  ],
  'lists.cancelImport': [{}, { jobId: '' }],
  'lists.list': [{ all: true }],
  'lists.rows': [
    {},
    { id: 'l-1' },
    { id: 'l-1', query: { limit: 100_000 } },
    { id: 'l-1', query: { filter: ['bad'] } },
    { id: 'l-1', query: { offset: -1 } },
  ],
  'lists.remove': [{}, { id: "1'; DROP TABLE list_rows; --" }],
  'lists.export': [{}, { id: 'l-1' }, { id: 'l-1', kind: 'pdf' }],
  'lists.saveRecipe': [
    {},
    {
      name: 'r',
      headers: [],
      mapping: { phone: 0, name: null, variables: [] },
      defaultCountry: null,
      rule: 'none',
    },
  ],
  'audit.verify': [{ deep: true }],
  'audit.export': [{}, { format: 'pdf' }],
  'audit.entries': [{}, { limit: 0 }, { limit: 500 }, { limit: 10, beforeSeq: -1 }],
  'drafts.list': [{ search: huge }, { deleted: 'yes' }],
  'drafts.create': [
    {},
    { accountId: 'a-1' },
    { accountId: 'a-1', kind: 'fax-blast' },
    { accountId: '../a', kind: 'voice-group' },
    { accountId: 'a-1', kind: 'voice-group', name: huge },
  ],
  'drafts.get': [{}, { id: '' }],
  'drafts.summary': [{}, { id: '../d' }],
  'drafts.save': [
    {},
    { id: 'd-1' },
    {
      id: 'd-1',
      name: 'x',
      listId: null,
      settings: {},
      schedule: { timeZone: null, sendAt: null, windows: [] },
      notes: '',
      revision: -1,
    },
    {
      id: 'd-1',
      name: 'x',
      listId: null,
      settings: { blob: huge.repeat(3) },
      schedule: { timeZone: null, sendAt: null, windows: [] },
      notes: '',
      revision: 1,
    },
    {
      id: 'd-1',
      name: 'x',
      listId: null,
      settings: {},
      schedule: { timeZone: null, sendAt: null, windows: [{ start: '9am', end: '5pm' }] },
      notes: '',
      revision: 1,
    },
    {
      id: 'd-1',
      name: 'x',
      listId: null,
      settings: {},
      schedule: { timeZone: null, sendAt: null, windows: [] },
      notes: '',
      revision: 1,
      accountId: 'other',
    },
  ],
  'drafts.validate': [{}],
  'drafts.duplicate': [{ id: 5 }],
  'drafts.delete': [{ id: null }],
  'drafts.restore': [{}],
  'drafts.pickers': [{}, { accountId: 'a-1' }, { accountId: 'a-1', kind: 'sms' }],
  'drafts.refreshPickers': [{ kind: 'predictive' }],
  'preflight.review': [{}, { draftId: '' }, { draftId: 'd-1', online: true }],
  'preflight.estimateSettings': [{}, { accountId: 42 }],
  'preflight.setEstimateSettings': [
    {},
    { accountId: 'a-1' },
    { accountId: 'a-1', settings: { concurrency: -3 } },
    { accountId: 'a-1', settings: { ratePerMinute: 'cheap' } },
    { accountId: 'a-1', settings: { unknownKnob: 1 } },
  ],
  'submissions.submit': [{}, { draftId: '' }, { draftId: 'd-1', force: true }],
  'submissions.list': [{ all: 1 }],
  'submissions.retry': [{}, { id: 'x y' }],
  'submissions.cancel': [{ id: [] }],
  'submissions.exportRefused': [{}, { id: 7 }],
  'app.setVisible': [{}, { visible: 'yes' }],
  'tasks.snapshot': [{ since: 1 }],
  'tasks.refresh': [{ accountId: '' }, { accountId: 42 }],
  'tasks.history': [{}, { key: '' }, { key: huge }],
  'tasks.thresholds': [{ all: true }],
  'tasks.firedAlerts': [{ all: true }, { limit: 5 }],
  'tasks.clearAlerts': [{ before: '2026-01-01' }],
  'tasks.setThreshold': [
    {},
    { scope: { global: true } },
    { scope: { global: false }, threshold: null },
    { scope: { global: true }, threshold: { successRateBelow: 120, afterCalls: 10 } },
    { scope: { global: true }, threshold: { successRateBelow: 20, afterCalls: 0 } },
  ],
  'tasks.preferences': [{ columns: ['name'] }],
  'tasks.setPreferences': [
    {},
    { preferences: { columns: [], sort: { column: 'created', direction: 'desc' } } },
    { preferences: { columns: ['name', 'name'], sort: { column: 'name', direction: 'asc' } } },
    { preferences: { columns: ['name', 'secret'], sort: { column: 'name', direction: 'asc' } } },
    { preferences: { columns: ['name'], sort: { column: 'name', direction: 'sideways' } } },
    { preferences: { columns: ['name'], sort: { column: 'name', direction: 'asc' }, x: 1 } },
  ],
  'tasks.detail': [{}, { key: '' }, { key: huge }, { key: 42 }],
  'tasks.numberResults': [
    {},
    { key: 'a:voice-group:1' },
    { key: 'a:voice-group:1', page: 0, pageSize: 10 },
    { key: 'a:voice-group:1', page: 1, pageSize: 500 },
    { key: 'a:voice-group:1', page: 1, pageSize: 10, outcome: 'great' },
    { key: 'a:voice-group:1', page: 1, pageSize: 10, phone: "1' OR 1=1" },
    { key: 'a:voice-group:1', page: 1, pageSize: 10, phone: huge },
  ],
  'tasks.callRecords': [
    {},
    { key: 'a:voice-group:1' },
    { key: 'a:voice-group:1', page: 0, pageSize: 10 },
    { key: 'a:voice-group:1', page: 1, pageSize: 0 },
    { key: 'a:voice-group:1', page: 1, pageSize: 101 },
    { key: 'a:voice-group:1', page: 1.5, pageSize: 10 },
    { key: huge, page: 1, pageSize: 10 },
    { key: 'a:voice-group:1', page: 1, pageSize: 10, phone: '138' },
  ],
  'tasks.action': [
    {},
    { key: 'a:voice-group:1' },
    { action: 'delete', key: 'a:voice-group:1' },
    { action: 'pause' },
    { action: 'pause', key: 'a:voice-group:1', force: true },
    { action: 'resend', key: 'a:voice-group:1', scope: 'failed' },
    { action: 'resend', key: 'a:voice-group:1', scope: 'some', name: 'Again' },
    { action: 'resend', key: 'a:voice-group:1', scope: 'failed', name: 'x'.repeat(65) },
    ...[
      // Four calling windows (the vendor takes at most 3).
      {
        allowSendTime: ['08', '10', '12', '14'].map((h) => ({
          strTime: `${h}:00`,
          endTime: `${h}:30`,
        })),
      },
      { allowSendTime: [{ strTime: '12:00', endTime: '09:00' }] },
      {
        allowSendTime: [
          { strTime: '09:00', endTime: '12:00' },
          { strTime: '11:00', endTime: '13:00' },
        ],
      },
      { allowSendTime: [{ strTime: '9:00', endTime: '25:00' }] },
      { allowSendTime: [] },
      { maxRingingTime: 19 },
      { maxRingingTime: 121 },
      { maxRingingTime: 30.5 },
      { scriptId: '12ab' },
      { scriptId: 123 },
      { enableRecording: 1 },
      { callerId: '123' },
    ].map((options) => ({
      action: 'resend',
      key: 'a:ai-agent-group:1',
      scope: 'all',
      name: 'Again',
      options,
    })),
    // Calls per agent of a call-center resend: 1–100, whole.
    ...[{ calloutRate: 0 }, { calloutRate: 101 }, { calloutRate: 2.5 }].map((options) => ({
      action: 'resend',
      key: 'a:cc-preview:1',
      scope: 'failed',
      name: 'Again',
      options,
    })),
    { action: 'edit', key: 'a:voice-group:1' },
    { action: 'edit', key: 'a:voice-group:1', calloutRate: 0 },
    { action: 'edit', key: 'a:voice-group:1', calloutRate: 2.5 },
  ],
  'tasks.export': [
    {},
    { ids: [1] },
    { ids: [1], columns: [] },
    { ids: [-1], columns: ['name'] },
    { ids: [1], columns: ['password'] },
    { ids: 'all', columns: ['name'] },
    { ids: Array.from({ length: 100_001 }, (_, i) => i + 1), columns: ['name'] },
  ],
  'tasks.exportNumbers': [
    {},
    { key: 'a:cc-preview:1' },
    { key: 'a:cc-preview:1', columns: [] },
    { key: 'a:cc-preview:1', columns: ['phone', 'phone'] },
    { key: 'a:cc-preview:1', columns: ['password'] },
    { key: 'a:cc-preview:1', columns: ['phone'], outcome: 'great' },
    { key: 'a:cc-preview:1', columns: ['phone'], phone: "1' OR 1=1" },
    { key: 'a:cc-preview:1', columns: ['phone'], path: '/etc/passwd' },
  ],
  'tasks.calledAt': [{}, { at: -1 }, { at: 1.5 }, { at: '2025-01-01' }, { at: 1, accountId: 'a' }],
  'tasks.balances': [{ refresh: 'yes' }, { refresh: true, accountId: 'a' }, []],
  'tasks.search': [
    {},
    { text: '' },
    { text: ' x ' },
    { text: huge },
    { text: 42 },
    { text: 'ab', all: true },
  ],
  'tasks.resendDefaults': [
    {},
    { keys: [] },
    { keys: [huge] },
    { keys: Array.from({ length: 51 }, (_, i) => `a:cc-preview:${String(i)}`) },
    { keys: 'a:cc-preview:1' },
    { keys: ['a:cc-preview:1'], options: { calloutRate: 3 } },
  ],
  'tasks.composeResend': [
    {},
    { keys: [], outcomes: ['failed'], accountId: 'a', kind: 'voice-group', name: 'x' },
    {
      keys: Array.from({ length: 51 }, (_, i) => `a:cc-preview:${String(i)}`),
      outcomes: ['failed'],
      accountId: 'a',
      kind: 'voice-group',
      name: 'x',
    },
    { keys: [huge], outcomes: ['failed'], accountId: 'a', kind: 'voice-group', name: 'x' },
    { keys: ['a:cc-preview:1'], outcomes: [], accountId: 'a', kind: 'voice-group', name: 'x' },
    {
      keys: ['a:cc-preview:1'],
      outcomes: ['great'],
      accountId: 'a',
      kind: 'voice-group',
      name: 'x',
    },
    {
      keys: ['a:cc-preview:1'],
      outcomes: [
        'failed',
        'busy',
        'no-answer',
        'not-called',
        'answered',
        'unknown',
        'transferred',
        'failed',
      ],
      accountId: 'a',
      kind: 'voice-group',
      name: 'x',
    },
    {
      keys: ['a:cc-preview:1'],
      outcomes: ['failed'],
      accountId: '',
      kind: 'voice-group',
      name: 'x',
    },
    { keys: ['a:cc-preview:1'], outcomes: ['failed'], accountId: 'a', kind: 'fax', name: 'x' },
    {
      keys: ['a:cc-preview:1'],
      outcomes: ['failed'],
      accountId: 'a',
      kind: 'voice-group',
      name: '',
    },
    {
      keys: ['a:cc-preview:1'],
      outcomes: ['failed'],
      accountId: 'a',
      kind: 'voice-group',
      name: 'n'.repeat(65),
    },
    {
      keys: ['a:cc-preview:1'],
      outcomes: ['failed'],
      accountId: 'a',
      kind: 'voice-group',
      name: 'x',
      listId: 'l',
    },
  ],
  'app.info': [{ extra: 1 }],
  'app.logNotice': [{ all: true }],
  'app.dismissLogNotice': [{ at: 'now' }],
  'app.diagnostics': [{ all: true }, { lines: 500 }],
  'storage.status': [{ force: true }],
  'storage.restore': [
    {},
    { backupId: 42 },
    { backupId: '../campaign-desk.db' },
    { backupId: 'campaign-desk-2025-01-01.db/../../x' },
    { backupId: '/etc/passwd' },
    { backupId: 'campaign-desk-2025-01-01.db', extra: true },
  ],
  'storage.startEmpty': [{ now: true }],
  'app.openExternal': [
    {},
    { url: 42 },
    { url: 'http://example.com/' },
    { url: 'file:///etc/passwd' },
    { url: 'javascript:alert(1)' },
    { url: `https://example.com/${'a'.repeat(3000)}` },
    { url: 'https://example.com/', extra: true },
  ],
  'settings.get': [{ key: 'preferences' }],
  'settings.update': [
    {},
    { patch: {} },
    { patch: { theme: 'purple' } },
    { patch: { language: 'fr' } },
    { patch: { theme: 'dark', secret: 'x' } },
    { patch: { theme: 'x'.repeat(100_000) } },
    { patch: 'dark' },
  ],
  'settings.proxy': [{ password: true }],
  'settings.setProxy': [
    {},
    { mode: 'socks' },
    { mode: 'manual', manual: null },
    { mode: 'manual', manual: { host: 'http://proxy.corp', port: 8080 } },
    { mode: 'manual', manual: { host: 'proxy.corp', port: 0 } },
    { mode: 'manual', manual: { host: 'proxy.corp', port: 70_000 } },
    { mode: 'manual', manual: { host: 'proxy.corp', port: 8080, username: 'a:b' } },
    { mode: 'manual', manual: { host: 'proxy.corp', port: 8080 }, password: 'no-user' },
    { mode: 'manual', manual: { host: 'proxy.corp', port: 8080, username: 'u' }, password: '' },
    { mode: 'none', manual: null, passwordStored: true },
  ],
  'settings.recoveryNotice': [{ dismiss: true }],
  'settings.dismissRecoveryNotice': [{ at: 'now' }],
  'updates.state': [{ refresh: true }],
  'updates.install': [{ version: '9.9.9' }, { silent: true }],
  'compliance.settings': [{ all: true }],
  'compliance.setSettings': [
    {},
    { recentCallDays: 30, callingWindow: { start: '09:00', end: '21:00' } },
    { recentCallDays: -1, callingWindow: { start: '09:00', end: '21:00' }, blackoutDates: {} },
    { recentCallDays: 400, callingWindow: { start: '09:00', end: '21:00' }, blackoutDates: {} },
    { recentCallDays: 2.5, callingWindow: { start: '09:00', end: '21:00' }, blackoutDates: {} },
    { recentCallDays: 30, callingWindow: { start: '9am', end: '21:00' }, blackoutDates: {} },
    {
      recentCallDays: 30,
      callingWindow: { start: '09:00', end: '21:00' },
      blackoutDates: { USA: ['2026-07-04'] },
    },
    {
      recentCallDays: 30,
      callingWindow: { start: '09:00', end: '21:00' },
      blackoutDates: { US: ['4 July'] },
    },
  ],
  'compliance.dncLists': [{ all: true }],
  'compliance.createDncList': [
    {},
    { name: '' },
    { name: 'x'.repeat(201), scope: { kind: 'all-accounts' } },
    { name: 'Registry', scope: { kind: 'some' } },
    { name: 'Registry', scope: { kind: 'accounts', accountIds: [] } },
    { name: 'Registry', scope: { kind: 'all-accounts' }, entries: [] },
  ],
  'compliance.updateDncList': [{}, { id: '../x' }, { id: 'l-1', name: '   ' }],
  'compliance.deleteDncList': [{}, { id: '' }, { id: 42 }],
  'compliance.dncEntries': [
    {},
    { listId: 'l-1', after: null },
    { listId: 'l-1', after: null, limit: 0 },
    { listId: 'l-1', after: null, limit: 501 },
    { listId: 'l-1', after: '12345', limit: 10 },
  ],
  'compliance.addDncNumbers': [
    {},
    { listId: 'l-1', entries: [], defaultCountry: null },
    {
      listId: 'l-1',
      entries: Array.from({ length: 1_001 }, () => ({
        number: '+12125550123',
        expiresOn: null,
        source: null,
      })),
      defaultCountry: null,
    },
    {
      listId: 'l-1',
      entries: [{ number: '+12125550123', expiresOn: 'tomorrow', source: null }],
      defaultCountry: null,
    },
    {
      listId: 'l-1',
      entries: [{ number: '+12125550123', expiresOn: null, source: null }],
      defaultCountry: 'usa',
    },
    {
      listId: 'l-1',
      entries: [{ number: '', expiresOn: null, source: null }],
      defaultCountry: null,
    },
  ],
  'compliance.removeDncNumbers': [
    {},
    { listId: 'l-1', numbers: [] },
    { listId: 'l-1', numbers: [huge] },
    { listId: 'l-1', numbers: '+12125550123' },
  ],
  'compliance.addImportedList': [
    {},
    { listId: 'l-1', importedListId: 'x', expiresOn: '2026-13', source: null },
    { listId: 'l-1', importedListId: 'x', expiresOn: null, source: huge },
    { listId: 'l-1', importedListId: 'x', expiresOn: null },
  ],
  'compliance.listMarks': [{ listId: 'l-1' }],
  'compliance.exclusions': [
    {},
    { draftId: 'd-1', after: null },
    { draftId: 'd-1', after: 1.5, limit: 10 },
    { draftId: 'd-1', after: null, limit: 1_000 },
    { draftId: '', after: null, limit: 10 },
  ],
  'compliance.exportReport': [{}, { draftId: 'a b' }, { draftId: 'd-1', path: '/etc/passwd' }],
};

describe('the IPC contract', () => {
  it('declares exactly the channels and events the preload allow-list names', () => {
    expect(Object.keys(channels).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('names channels domain.verb and events domain.somethingChanged', () => {
    for (const name of CHANNEL_NAMES) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
    for (const name of EVENT_NAMES)
      expect(name).toMatch(/^[a-z]+\.([a-z][A-Za-z]*(Changed|Progress|Updated)|changed|updated)$/);
  });

  it('has a handler for every channel and nothing else', () => {
    const { core } = testCore();
    expect(Object.keys(core.handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('has bad-input cases for every channel', () => {
    for (const name of CHANNEL_NAMES) expect(CHANNEL_BAD[name].length).toBeGreaterThan(0);
  });

  describe.each([...CHANNEL_NAMES])('%s', (channel) => {
    it.each(
      [...COMMON_BAD, ...CHANNEL_BAD[channel]].map((input) => [
        JSON.stringify(input)?.slice(0, 60) ?? 'undefined',
        input,
      ]),
    )('refuses %s with INVALID_INPUT, a readable message, and no change', async (_label, input) => {
      const { core, store, secrets } = testCore();
      const snapshot = () =>
        JSON.stringify([[...store.data.entries()], [...secrets.entries.entries()]]);
      const before = snapshot();
      const result = await core.dispatch(channel, input, noSignal);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('INVALID_INPUT');
      // In words: neither the channel's name nor the schema library's text reaches a person.
      expect(result.error.message).not.toContain(channel);
      expect(result.error.message).not.toMatch(/\bexpected\b|Too (big|small)|Invalid input|<=|>=/);
      expect(result.error.message).not.toMatch(/undefined|\[object Object\]/);
      expect(result.error.message.length).toBeLessThan(1_000);
      expect(snapshot()).toBe(before);
    });
  });

  it('updates.state and updates.install: the state, and an install only of a ready update', async () => {
    const updater = new ScriptedUpdater();
    // The check at start (a real timer here) finds nothing and changes nothing.
    updater.onCheck = [];
    const { core } = testCore('en-US', { updater });
    const pushed: unknown[] = [];
    core.events.attach((event, payload) => {
      if (event === 'updates.changed') pushed.push(payload);
    });
    const state = async () => {
      const answer = await core.dispatch('updates.state', {}, noSignal);
      if (!answer.ok) throw new Error(answer.error.message);
      expect(channels['updates.state'].response.safeParse(answer.value).success).toBe(true);
      return answer.value;
    };
    expect(await state()).toEqual({ state: 'idle', checkedAt: null });
    expect(await core.dispatch('updates.install', {}, noSignal)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/no downloaded update/) },
    });
    expect(updater.installs).toBe(0);

    updater.emit({ kind: 'available', version: '1.2.0' });
    updater.emit({ kind: 'downloaded', version: '1.2.0' });
    expect(await state()).toEqual({ state: 'ready', version: '1.2.0' });
    expect(pushed.at(-1)).toEqual({ state: 'ready', version: '1.2.0' });
    for (const payload of pushed)
      expect(events['updates.changed'].safeParse(payload).success).toBe(true);

    expect(await core.dispatch('updates.install', {}, noSignal)).toEqual({ ok: true, value: {} });
    expect(updater.installs).toBe(1);
    expect(await state()).toEqual({ state: 'installing', version: '1.2.0' });
    await core.close();
  });

  it('answers Chinese users in Chinese', async () => {
    const { core } = testCore('zh-CN');
    const result = await core.dispatch('settings.update', { patch: { theme: 'purple' } }, noSignal);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('主题不是应用提供的选项之一。未做任何更改。');
  });

  it('refuses channels outside the contract', async () => {
    const { core } = testCore();
    for (const channel of ['secrets.read', '__proto__', 'constructor', 42, null]) {
      const result = await core.dispatch(channel, {}, noSignal);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('accepts good input on every channel', async () => {
    const { core, opened, dialogs, store } = testCore();
    const created = await core.dispatch('accounts.create', goodItnio, noSignal);
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: string }).id;
    // Two entries this version cannot use (names over 80 characters), for repair and remove.
    const damaged = ['to-repair', 'to-remove'].map((name) => ({ id: name, name: name.repeat(20) }));
    store.set('accounts', [...(store.get('accounts') as unknown[]), ...damaged]);
    const [repairKey, removeKey] = damaged.map((entry) => damagedAccountKey(entry));
    const folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-contract-'));
    dialogs.nextOpen = path.join(folder, 'numbers.csv');
    dialogs.nextSave = path.join(folder, 'export.xlsx');
    await writeFile(dialogs.nextOpen, 'phone,name\n13800138000,Li\n13900139000,Wang\n');
    const picked = await core.dispatch('lists.pickFile', {}, noSignal);
    if (!picked.ok) throw new Error(picked.error.message);
    const fileId = (picked.value as { fileId: string }).fileId;
    const importRequest = {
      fileId,
      jobId: 'job-1',
      options: {
        mapping: { phone: 0, name: 1, variables: [] },
        defaultCountry: 'CN',
        rule: 'none',
      },
    };
    const imported = await core.dispatch('lists.import', importRequest, noSignal);
    if (!imported.ok) throw new Error(imported.error.message);
    const listId = (imported.value as { id: string }).id;
    const created2 = await core.dispatch(
      'drafts.create',
      { accountId: id, kind: 'voice-group', listId },
      noSignal,
    );
    if (!created2.ok) throw new Error(created2.error.message);
    const draftId = (created2.value as { id: string }).id;
    const draftEdit = {
      id: draftId,
      name: 'Spring promo',
      listId,
      settings: {
        appId: 'app-1',
        source: 3,
        text: 'Hello, this is a test call.',
        lan: 'en',
        maxCalls: 60,
      },
      schedule: { timeZone: null, sendAt: null, windows: [] },
      compliance: (created2.value as { compliance: unknown }).compliance,
      notes: '',
    };
    // drafts.save below edits the revision drafts.create returned.
    const draftRevision = (created2.value as { revision: number }).revision;

    const good: Readonly<Record<(typeof CHANNEL_NAMES)[number], unknown>> = {
      'accounts.list': {},
      'accounts.create': { ...goodItnio, connection: { ...goodItnio.connection, apiKey: 'key2' } },
      'accounts.update': { id, changes: { vendor: 'itniotech', name: 'Renamed' } },
      'accounts.testConnection': { id },
      'accounts.setActive': { id: null },
      'accounts.addDemo': {},
      'accounts.repair': {
        key: repairKey,
        account: { ...goodItnio, connection: { ...goodItnio.connection, apiKey: 'key3' } },
      },
      'accounts.removeDamaged': { key: removeKey },
      'lists.pickFile': {},
      'lists.inspect': { fileId },
      'lists.preview': { fileId },
      'lists.import': { ...importRequest, jobId: 'job-2' },
      'lists.cancelImport': { jobId: 'job-3' },
      'lists.list': {},
      'lists.rows': { id: listId, query: { offset: 0, limit: 10 } },
      'lists.export': { id: listId, kind: 'report' },
      'lists.saveRecipe': {
        name: 'CRM export',
        headers: ['phone', 'name'],
        mapping: { phone: 0, name: 1, variables: [] },
        defaultCountry: 'CN',
        rule: 'none',
      },
      'drafts.list': { search: 'promo' },
      'drafts.create': { accountId: id, kind: 'voice-group', listId, name: 'Spring promo' },
      'drafts.get': { id: draftId },
      'drafts.summary': { id: draftId },
      'drafts.save': { ...draftEdit, revision: draftRevision },
      'drafts.validate': { id: draftId },
      'drafts.duplicate': { id: draftId },
      'drafts.delete': { id: draftId },
      'drafts.restore': { id: draftId },
      'drafts.pickers': { accountId: id, kind: 'voice-group' },
      'drafts.refreshPickers': { accountId: id, kind: 'voice-group' },
      'preflight.review': { draftId },
      'preflight.estimateSettings': { accountId: id },
      'preflight.setEstimateSettings': { accountId: id, settings: {} },
      'submissions.submit': { draftId },
      'submissions.list': {},
      'submissions.retry': { id: 'no-such-submission' },
      'submissions.cancel': { id: 'no-such-submission' },
      'submissions.exportRefused': { id: 'no-such-submission' },
      'audit.verify': {},
      'app.setVisible': { visible: false },
      'tasks.snapshot': {},
      'tasks.refresh': {},
      'tasks.history': { key: `${id}:voice-group:1` },
      'tasks.thresholds': {},
      'tasks.firedAlerts': {},
      'tasks.clearAlerts': {},
      'tasks.setThreshold': {
        scope: { global: true },
        threshold: { successRateBelow: 20, afterCalls: 50 },
      },
      'tasks.preferences': {},
      'tasks.setPreferences': {
        preferences: {
          columns: ['name', 'status', 'rate'],
          sort: { column: 'rate', direction: 'asc' },
        },
      },
      'tasks.detail': { key: `${id}:voice-group:1` },
      'tasks.numberResults': { key: `${id}:voice-group:1`, page: 1, pageSize: 20, phone: '138' },
      'tasks.callRecords': { key: `${id}:voice-group:1`, page: 1, pageSize: 100 },
      'tasks.action': {
        action: 'resend',
        key: `${id}:ai-agent-group:1`,
        scope: 'all',
        name: 'Again',
        options: {
          scriptId: '456',
          allowSendTime: [
            { strTime: '09:00', endTime: '12:00' },
            { strTime: '12:00', endTime: '13:00' },
            { strTime: '14:00', endTime: '18:00' },
          ],
          maxRingingTime: 120,
          enableRecording: false,
        },
      },
      'tasks.export': { ids: [1, 2], columns: ['name', 'called', 'created'] },
      'tasks.exportNumbers': {
        key: `${id}:cc-preview:1`,
        columns: ['phone', 'outcome', 'calledAt'],
        outcome: 'answered',
      },
      'tasks.search': { text: 'promotion' },
      'tasks.calledAt': { at: 1_700_000_000_000 },
      'tasks.balances': { refresh: true },
      'tasks.composeResend': {
        keys: [`${id}:cc-preview:1`],
        outcomes: ['failed', 'no-answer'],
        accountId: id,
        kind: 'voice-group',
        name: 'Resend',
      },
      'tasks.resendDefaults': { keys: [`${id}:cc-preview:1`] },
      'audit.export': { format: 'json' },
      'audit.entries': { limit: 20 },
      'compliance.settings': {},
      'compliance.setSettings': {
        recentCallDays: 30,
        callingWindow: { start: '09:00', end: '21:00' },
        blackoutDates: { US: ['2026-07-04'] },
      },
      'compliance.dncLists': {},
      'compliance.createDncList': { name: 'Customer asked', scope: { kind: 'all-accounts' } },
      'compliance.updateDncList': { id: 'no-such-list', name: 'Renamed' },
      'compliance.deleteDncList': { id: 'no-such-list' },
      'compliance.dncEntries': { listId: 'no-such-list', after: null, limit: 50 },
      'compliance.addDncNumbers': {
        listId: 'no-such-list',
        entries: [{ number: '(212) 555-0123', expiresOn: '2030-01-31', source: 'customer asked' }],
        defaultCountry: 'US',
      },
      'compliance.removeDncNumbers': { listId: 'no-such-list', numbers: ['+12125550123'] },
      'compliance.addImportedList': {
        listId: 'no-such-list',
        importedListId: listId,
        expiresOn: null,
        source: null,
      },
      'compliance.listMarks': {},
      'compliance.exclusions': { draftId, after: null, limit: 50 },
      'compliance.exportReport': { draftId },
      'lists.remove': { id: listId },
      'app.info': {},
      'app.logNotice': {},
      'app.dismissLogNotice': {},
      'app.diagnostics': {},
      'storage.status': {},
      'storage.restore': { backupId: 'campaign-desk-2025-01-01.db' },
      'storage.startEmpty': {},
      'app.openExternal': { url: 'https://example.com/help' },
      'settings.get': {},
      'settings.update': { patch: { theme: 'dark' } },
      'settings.proxy': {},
      'settings.setProxy': {
        mode: 'manual',
        manual: { host: 'proxy.corp', port: 3128, username: 'agent7' },
        password: 'proxy-pass',
      },
      'settings.recoveryNotice': {},
      'settings.dismissRecoveryNotice': {},
      'updates.state': {},
      'updates.install': {},
      // Last: drafts and submissions above need the account.
      'accounts.remove': { id },
    };
    // In the order written above (remove last), which covers every channel once.
    for (const channel of Object.keys(good) as (typeof CHANNEL_NAMES)[number][]) {
      const result = await core.dispatch(channel, good[channel], noSignal);
      // The fake vendor has no pickers: the request passed the schema and reached the vendor.
      if (channel === 'drafts.refreshPickers') {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).not.toBe('INVALID_INPUT');
        continue;
      }
      // A sound database has nothing to recover, and no update waits to be installed (the test
      // core has no updater): refused after the schema passed.
      if (
        channel === 'storage.restore' ||
        channel === 'storage.startEmpty' ||
        channel === 'updates.install'
      ) {
        expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
        continue;
      }
      // Well-formed requests for things that do not exist pass the schema and are refused later.
      if (
        channel === 'submissions.retry' ||
        channel === 'submissions.cancel' ||
        channel === 'submissions.exportRefused' ||
        channel === 'tasks.history' ||
        channel === 'tasks.detail' ||
        channel === 'tasks.numberResults' ||
        channel === 'tasks.callRecords' ||
        channel === 'tasks.exportNumbers' ||
        channel === 'tasks.composeResend' ||
        channel === 'tasks.resendDefaults' ||
        channel === 'tasks.action' ||
        channel === 'compliance.updateDncList' ||
        channel === 'compliance.deleteDncList' ||
        channel === 'compliance.dncEntries' ||
        channel === 'compliance.addDncNumbers' ||
        channel === 'compliance.removeDncNumbers' ||
        channel === 'compliance.addImportedList'
      ) {
        expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        continue;
      }
      expect(result.ok, `${channel}: ${result.ok ? '' : result.error.message}`).toBe(true);
      if (result.ok) expect(channels[channel].response.safeParse(result.value).success).toBe(true);
    }
    expect(opened).toEqual(['https://example.com/help']);
  });
});
