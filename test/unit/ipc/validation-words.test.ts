import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channels } from '../../../shared/ipc/contract';
import { CHANNEL_NAMES } from '../../../shared/ipc/names';
import { noSignal, testCore } from '../../fakes/core';

/** Text of a schema library or a developer that must never reach a person. */
const DEVELOPER_TEXT: readonly RegExp[] = [
  /\bexpected\b/i,
  /\breceived\b/i,
  /Too (big|small)/i,
  /Invalid (input|string|option|discriminator|type|element|key)/i,
  /Unrecognized key/i,
  /must match pattern/i,
  /<=|>=/,
  /\bzod\b/i,
  /\bundefined\b/,
  /\[object Object\]/,
  /\bNaN\b/,
  /\binvalid_(type|value|union|format)\b|too_(big|small)|unrecognized_keys/,
];

const BAD_VALUES: readonly unknown[] = [
  42,
  -1,
  1.5,
  1e12,
  'x',
  '',
  ' has spaces ',
  'x'.repeat(5_000),
  true,
  null,
  [],
  [1, 'a', null],
  {},
  { unknownField: 1 },
];

type Def = {
  readonly type: string;
  readonly innerType?: z.core.$ZodType;
  readonly in?: z.core.$ZodType;
  readonly shape?: Readonly<Record<string, z.core.$ZodType>>;
  readonly options?: readonly z.core.$ZodType[];
  readonly discriminator?: string;
};
const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (let step = 0; step < 16; step += 1) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
  return current;
}

/** The object shapes a request schema accepts (each option of a union), with fixed fields. */
function shapesOf(
  schema: z.core.$ZodType,
): { shape: Readonly<Record<string, z.core.$ZodType>>; fixed: Record<string, unknown> }[] {
  const def = defOf(unwrap(schema));
  if (def.type === 'object' && def.shape) return [{ shape: def.shape, fixed: {} }];
  if (def.type === 'union' && def.options) {
    return def.options.flatMap((option) =>
      shapesOf(option).map(({ shape, fixed }) => {
        const key = def.discriminator;
        const field = key === undefined ? undefined : shape[key];
        const values =
          field === undefined
            ? undefined
            : (unwrap(field)._zod as { values?: ReadonlySet<unknown> }).values;
        const first = values ? [...values][0] : undefined;
        return { shape, fixed: key === undefined ? fixed : { ...fixed, [key]: first } };
      }),
    );
  }
  return [];
}

/** Malformed requests for a channel, made from its own schema: every field, wrongly filled. */
function malformedRequests(schema: z.core.$ZodType): unknown[] {
  const requests: unknown[] = [undefined, null, 42, 'text', [], true, { unknownField: 1 }];
  for (const { shape, fixed } of shapesOf(schema)) {
    requests.push({ ...fixed });
    for (const [field, fieldSchema] of Object.entries(shape)) {
      if (field in fixed) continue;
      for (const value of BAD_VALUES) requests.push({ ...fixed, [field]: value });
      // One level down: every field of a nested group, wrongly filled.
      for (const inner of shapesOf(fieldSchema)) {
        for (const [sub] of Object.entries(inner.shape)) {
          if (sub in inner.fixed) continue;
          for (const value of [42, 'x', null, -1, 'x'.repeat(5_000)]) {
            requests.push({ ...fixed, [field]: { ...inner.fixed, [sub]: value } });
          }
        }
      }
    }
  }
  return requests;
}

function expectWordsOnly(message: string, channel: string, request: unknown): void {
  const where = `${channel} ${JSON.stringify(request)?.slice(0, 120)} → ${message}`;
  for (const pattern of DEVELOPER_TEXT) expect(message, where).not.toMatch(pattern);
  for (const name of CHANNEL_NAMES) expect(message, where).not.toContain(name);
  expect(message.trim().length, where).toBeGreaterThan(5);
}

describe('refused requests are answered in the app’s own words', () => {
  it.each(['en-US', 'zh-CN'])(
    'no schema or developer text on any channel, for requests made from its schema (%s)',
    async (locale) => {
      const { core } = testCore(locale);
      let refused = 0;
      for (const channel of CHANNEL_NAMES) {
        // A channel with a dialog or a vendor call behind it still answers quickly here (fakes).
        for (const request of malformedRequests(channels[channel].request)) {
          const result = await core.dispatch(channel, request, noSignal);
          if (result.ok) continue;
          refused += 1;
          expectWordsOnly(result.error.message, channel, request);
          if (locale === 'zh-CN' && result.error.code === 'INVALID_INPUT') {
            expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
            expect(result.error.message).not.toMatch(/\b(must|missing|the request)\b/i);
          }
        }
      }
      // Thousands of malformed requests reached the check, not a handful.
      expect(refused).toBeGreaterThan(2_000);
      await core.close();
    },
    120_000,
  );

  it('names the field and its range: a calling rate over 100', async () => {
    const en = testCore('en-US').core;
    const edit = { action: 'edit', key: 'acc:task', calloutRate: 101 };
    expect(await en.dispatch('tasks.action', edit, noSignal)).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Calling rate must be between 1 and 100. Nothing was changed.',
      },
    });
    const zh = testCore('zh-CN').core;
    expect(await zh.dispatch('tasks.action', { ...edit, calloutRate: 0 }, noSignal)).toMatchObject({
      ok: false,
      error: { message: '呼叫速率必须在 1 到 100 之间。未做任何更改。' },
    });
    await en.close();
    await zh.close();
  });

  it('says what is missing, what kind is wanted and which fields are not accepted', async () => {
    const { core } = testCore('en-US');
    const missing = await core.dispatch('drafts.get', {}, noSignal);
    expect(missing).toMatchObject({
      error: { message: 'The item is missing. Nothing was changed.' },
    });
    const kind = await core.dispatch('settings.update', { patch: { theme: 'purple' } }, noSignal);
    expect(kind).toMatchObject({
      error: {
        message: 'The theme is not one of the choices the app offers. Nothing was changed.',
      },
    });
    const extra = await core.dispatch('tasks.snapshot', { all: true }, noSignal);
    expect(extra).toMatchObject({
      error: {
        message: 'The request has fields the app does not accept: “all”. Nothing was changed.',
      },
    });
    await core.close();
  });
});
