import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AppError } from '../../../../main/services/errors';
import { parseItniotechResponse } from '../../../../main/services/vendors/itniotech/client';
import {
  DisplayNumberPageSchema,
  EmptyDataSchema,
  GroupTaskPageSchema,
  OptionalTaskIdSchema,
  RecallFlowDetailSchema,
  SeatGroupPageSchema,
  SipTotalSchema,
  UploadDataSchema,
} from '../../../../main/services/vendors/itniotech/schemas';
import { FIXTURES_DIR, fixtureNames } from './fixtures';

interface Expectation {
  readonly schema: z.ZodType;
  /** The parsed payload must match this (toMatchObject / toEqual for primitives). */
  readonly value?: unknown;
  /** Or the documented failure: the vendor code it must fail with. */
  readonly failsWith?: string;
}

// Every itniotech-*.response*.json fixture and what it must parse to. A new fixture without an
// entry here fails the "has an expectation" test below.
const EXPECTATIONS: Readonly<Record<string, Expectation>> = {
  'itniotech-cc-preview-resend-task.response.json': { schema: OptionalTaskIdSchema, value: null },
  'itniotech-cc-preview-submit-task.response-null-data.json': {
    schema: OptionalTaskIdSchema,
    value: null,
  },
  'itniotech-cc-preview-submit-task.response.json': {
    schema: OptionalTaskIdSchema,
    value: '5017560',
  },
  'itniotech-cc-preview-upload.response.json': {
    schema: UploadDataSchema,
    value: { filePath: '/mnt/cc/a.xls', numberTotalCount: 1, numberSameCount: 2 },
  },
  'itniotech-cc-seat-group-query.response.json': {
    schema: SeatGroupPageSchema,
    value: {
      total: 5,
      records: [{ voiceGroupId: '1000037', groupName: 'groupName12', countSeat: 4 }],
    },
  },
  'itniotech-cc-seat-query-sip-total.response.json': {
    schema: SipTotalSchema,
    value: { total: 12, remaining: 12 },
  },
  'itniotech-error-timestamp-expired.response.json': { schema: EmptyDataSchema, failsWith: '-16' },
  'itniotech-group-call-cancel.response.json': { schema: EmptyDataSchema, value: null },
  'itniotech-group-call-query.response.json': {
    schema: GroupTaskPageSchema,
    value: { records: [{ jobId: '5000602', status: 0, numCnt: 1, callNum: 0, rate: '0' }] },
  },
  'itniotech-group-call-resend-ai.response-code-style.json': {
    schema: OptionalTaskIdSchema,
    value: '123123',
  },
  'itniotech-group-call-resend-ai.response.json': { schema: OptionalTaskIdSchema, value: '123123' },
  'itniotech-number-query.response.json': {
    schema: DisplayNumberPageSchema,
    value: { records: [{ number: '915027021995', state: 3, country: 'India' }] },
  },
  'itniotech-recallflow-query-detail.response.json': {
    schema: RecallFlowDetailSchema,
    value: {
      keyId: '1',
      status: 1,
      nodeList: [{ keyId: '1427', taskId: '5009612', nodeStatus: 2 }],
    },
  },
  'itniotech-recallflow-update.response.json': { schema: EmptyDataSchema, value: null },
  'itniotech-success-minimal.response.json': { schema: EmptyDataSchema, value: undefined },
};

function parse(text: string, schema: z.ZodType): unknown {
  return parseItniotechResponse(text, schema, {
    operation: 'query',
    target: 'fixture',
    pick: 'data',
  });
}

describe('every ITNIO response fixture parses with the client schemas', async () => {
  const names = (await fixtureNames('itniotech-')).filter((name) => name.includes('.response'));

  it('finds the fixtures and has an expectation for each', () => {
    expect(names.length).toBeGreaterThanOrEqual(15);
    expect(names.filter((name) => !(name in EXPECTATIONS))).toEqual([]);
  });

  it.each(names)('%s', async (name) => {
    const expectation = EXPECTATIONS[name];
    if (!expectation) throw new Error(`No expectation for ${name}`);
    const text = await readFile(`${FIXTURES_DIR}${name}`, 'utf8');
    if (expectation.failsWith !== undefined) {
      let caught: unknown = null;
      try {
        parse(text, expectation.schema);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).details?.vendorCode).toBe(expectation.failsWith);
      return;
    }
    const value = parse(text, expectation.schema);
    if (typeof expectation.value === 'object' && expectation.value !== null) {
      expect(value).toMatchObject(expectation.value);
    } else {
      expect(value).toEqual(expectation.value);
    }
  });
});

describe('envelope rules (itniotech.md §2)', () => {
  it.each([
    ['{"status":"0","reason":"success","data":7}', '7'],
    ['{"status":0,"reason":"success","data":"7"}', '7'],
    ['{"code":0,"msg":"success","data":7}', '7'],
    ['{"code":"0","msg":"success","data":null}', null],
  ])('accepts %s', (text, expected) => {
    expect(parse(text, OptionalTaskIdSchema)).toEqual(expected);
  });

  it.each([
    ['{"status":"-22","reason":"parameter error"}', '-22'],
    ['{"code":-24,"msg":"data does not exist","data":null}', '-24'],
    ['{"code":"-10","msg":"no money"}', '-10'],
  ])('turns %s into the mapped error', (text, code) => {
    expect(() => parse(text, EmptyDataSchema)).toThrow(AppError);
    try {
      parse(text, EmptyDataSchema);
    } catch (error) {
      expect((error as AppError).details?.vendorCode).toBe(code);
    }
  });

  it('rejects a body with neither status nor code as an unexpected shape', () => {
    try {
      parse('{"data":1}', EmptyDataSchema);
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).code).toBe('VENDOR_UNAVAILABLE');
      expect((error as AppError).text.en).toMatch(/shape/);
    }
  });

  it('rejects a success whose data does not match the documented shape', () => {
    expect(() => parse('{"status":"0","data":{"filePath":5}}', UploadDataSchema)).toThrow(/shape/);
  });
});
