import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { interpretEnvelope } from '../../../../main/services/vendors/yccall/codes';
import { YCCALL_SERVICES, telphoneField } from '../../../../main/services/vendors/yccall/client';
import {
  CdrSchema,
  ExtensionGroupListResultSchema,
  ExtensionListResultSchema,
  LoginResultSchema,
  NoResultSchema,
  QueueListResultSchema,
  RegisterStatusResultSchema,
  TaskAddResultSchema,
  TaskInfoResultSchema,
  TaskListResultSchema,
  TaskStatusCallbackSchema,
} from '../../../../main/services/vendors/yccall/schemas';

// The vendors' documented examples, checked in (test/fixtures/README.md says where they come from).
const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../fixtures/vendor-api/fixtures',
);

async function load(name: string): Promise<unknown> {
  return JSON.parse(await readFile(path.join(FIXTURES, name), 'utf8')) as unknown;
}

/** Every documented response: the service it answers and the schema of its result. */
const SUCCESS: Readonly<Record<string, { service: string; schema: z.ZodType }>> = {
  'yccall-login.response.json': { service: YCCALL_SERVICES.login, schema: LoginResultSchema },
  'yccall-logout.response.json': { service: YCCALL_SERVICES.logout, schema: NoResultSchema },
  'yccall-extension-list.response.json': {
    service: YCCALL_SERVICES.extensions,
    schema: ExtensionListResultSchema,
  },
  'yccall-extgroup-list.response.json': {
    service: YCCALL_SERVICES.extensionGroups,
    schema: ExtensionGroupListResultSchema,
  },
  'yccall-queue-list.response.json': {
    service: YCCALL_SERVICES.queues,
    schema: QueueListResultSchema,
  },
  'yccall-register-status.response.json': {
    service: YCCALL_SERVICES.registerStatus,
    schema: RegisterStatusResultSchema,
  },
  'yccall-task-add.response.json': {
    service: YCCALL_SERVICES.taskAdd,
    schema: TaskAddResultSchema,
  },
  'yccall-task-del-phone.response.json': {
    service: YCCALL_SERVICES.taskDelPhone,
    schema: NoResultSchema,
  },
  'yccall-task-info.response.json': {
    service: YCCALL_SERVICES.taskInfo,
    schema: TaskInfoResultSchema,
  },
  'yccall-task-list.response.json': {
    service: YCCALL_SERVICES.taskList,
    schema: TaskListResultSchema,
  },
  'yccall-task-set.response.json': { service: YCCALL_SERVICES.taskSet, schema: NoResultSchema },
};

/** Documented failures and the reason each must give. */
const FAILURE: Readonly<Record<string, { code: string; details: Record<string, unknown> }>> = {
  'yccall-error-business.response.json': {
    code: 'VENDOR_REJECTED',
    details: { vendorCode: '1003', vendorMessage: 'Authorization failed' },
  },
  'yccall-error-ret400.response.json': {
    code: 'VENDOR_REJECTED',
    details: { ret: 400, vendorMessage: 'Illegal request: invalid parameter' },
  },
};

describe('every yccall-*.response.json fixture', async () => {
  const files = (await readdir(FIXTURES))
    .filter((name) => /^yccall-.*\.response\.json$/.test(name))
    .sort();

  it('is found, and each one is covered by this test', () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
    for (const file of files)
      expect(Object.keys(SUCCESS).concat(Object.keys(FAILURE))).toContain(file);
  });

  it.each(files)('%s parses, or fails with its documented reason', async (file) => {
    const body = await load(file);
    const success = SUCCESS[file];
    if (success) {
      const verdict = interpretEnvelope(body, success.service, success.schema);
      if (!verdict.ok) throw verdict.error;
      expect(verdict.ok).toBe(true);
      return;
    }
    const failure = FAILURE[file];
    if (!failure) throw new Error(`${file} is not mapped`);
    const verdict = interpretEnvelope(body, 'App.Sip_Yccall.TaskList', NoResultSchema);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.error.code).toBe(failure.code);
    expect(verdict.error.details).toMatchObject(failure.details);
  });

  it('a business refusal of the sign-in is an authentication problem', async () => {
    const verdict = interpretEnvelope(
      await load('yccall-error-business.response.json'),
      YCCALL_SERVICES.login,
      LoginResultSchema,
      true,
    );
    expect(verdict.ok ? null : verdict.error.code).toBe('VENDOR_AUTH');
  });

  it('reads the documented values: string company code, string error code, null TaskInfo fields, SIP password dropped', async () => {
    const login = interpretEnvelope(
      await load('yccall-login.response.json'),
      YCCALL_SERVICES.login,
      LoginResultSchema,
    );
    expect(login.ok && login.result.companycode).toBe('1');
    const info = interpretEnvelope(
      await load('yccall-task-info.response.json'),
      YCCALL_SERVICES.taskInfo,
      TaskInfoResultSchema,
    );
    expect(info.ok && info.result.result[0]).toMatchObject({
      telphone: '18112345678',
      status: 1036,
      answered: null,
    });
    const list = interpretEnvelope(
      await load('yccall-task-list.response.json'),
      YCCALL_SERVICES.taskList,
      TaskListResultSchema,
    );
    expect(list.ok && list.result.task[0]?.status).toBe(1025);
    const ext = interpretEnvelope(
      await load('yccall-extension-list.response.json'),
      YCCALL_SERVICES.extensions,
      ExtensionListResultSchema,
    );
    expect(ext.ok && ext.result[0]).toEqual({
      extnumber: '100001',
      status: 1016,
      register: 'nreg',
    });
  });

  it('the callback bodies parse with the CDR and task-status schemas', async () => {
    expect(CdrSchema.safeParse(await load('yccall-cdr-callback.json')).success).toBe(true);
    expect(
      TaskStatusCallbackSchema.parse(await load('yccall-task-status-callback.json')).endtype,
    ).toBe('over');
  });

  it('the documented TaskCreat/TaskAdd requests carry the keys the client sends', async () => {
    const creat = (await load('yccall-task-creat.request.json')) as Record<string, unknown>;
    expect(Object.keys(creat).sort()).toEqual([
      'assignagent',
      'assigntype',
      'disnumber',
      'service',
      'taskscale',
      'telphone',
      'token',
    ]);
    expect(creat['service']).toBe(YCCALL_SERVICES.taskCreat);
    const add = (await load('yccall-task-add.request.json')) as Record<string, unknown>;
    expect(add['service']).toBe(YCCALL_SERVICES.taskAdd);
    // The fixture's phone is a JSON number (§7.10); the client sends strings to keep leading zeros.
    const sent = JSON.parse(telphoneField([{ phone: '018012345678', userid: 'u1' }])) as Record<
      string,
      unknown
    >[];
    expect(sent).toEqual([{ phone: '018012345678', userid: 'u1' }]);
    for (const file of [
      'yccall-task-info.request.json',
      'yccall-task-list.request.json',
      'yccall-task-set.request.json',
      'yccall-get-bill.request.json',
      'yccall-extension-list.request.json',
      'yccall-login.request.json',
      'yccall-logout.request.json',
    ]) {
      const service = ((await load(file)) as Record<string, unknown>)['service'];
      expect(Object.values(YCCALL_SERVICES)).toContain(service);
    }
  });
});
