import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ITNIOTECH_RULES,
  ITNIOTECH_STRICT_ROUTES,
} from '../../../main/services/sandbox/strict/itniotech-rules';
import type {
  ItniotechStrictRequest,
  StrictNumberRule,
  StrictRule,
  YccallStrictRequest,
} from '../../../main/services/sandbox/strict/rule';
import { StrictChecker } from '../../../main/services/sandbox/strict/strict-checker';
import {
  YCCALL_NUMBER_RULES,
  YCCALL_RULES,
  YCCALL_SERVICES,
} from '../../../main/services/sandbox/strict/yccall-rules';

// The strict rules are checked against the vendor reference itself: each rule's quote must be in
// the doc it cites, its own examples must pass / break it, and every documented example request
// (fixtures/) must pass every rule that applies, except where the doc says the example is wrong.

// The vendor reference, checked in (test/fixtures/README.md says where it comes from).
const API = new URL('../../fixtures/vendor-api/', import.meta.url);
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const DOCS: Readonly<Record<string, string>> = {
  'yccall.md': normalise(readFileSync(new URL('yccall.md', API), 'utf8')),
  'itniotech.md': normalise(readFileSync(new URL('itniotech.md', API), 'utf8')),
};
const FIXTURES = new URL('fixtures/', API);
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as unknown;

type AnyRule =
  StrictRule<YccallStrictRequest> | StrictRule<ItniotechStrictRequest> | StrictNumberRule;

function checkProvenance(rule: AnyRule, file: 'yccall.md' | 'itniotech.md'): void {
  expect(rule.source.startsWith(`${file} §`), `${rule.id}: source ${rule.source}`).toBe(true);
  expect(normalise(rule.quote).length, `${rule.id}: empty quote`).toBeGreaterThan(0);
  expect(DOCS[file], `${rule.id}: quote not found in ${file}`).toContain(normalise(rule.quote));
  expect(rule.scope.length, `${rule.id}: empty scope`).toBeGreaterThan(0);
}

const keyOfYccall = (request: YccallStrictRequest) => request.service;
const keyOfItniotech = (request: ItniotechStrictRequest) => request.key;

/** The violations of every rule that applies to `key` (own rule first). */
function violations<R>(rules: readonly StrictRule<R>[], key: string, request: R) {
  return new StrictChecker(rules).check(key, request);
}

describe('strict rule catalogue', () => {
  it('has unique ids', () => {
    for (const rules of [YCCALL_RULES, YCCALL_NUMBER_RULES, ITNIOTECH_RULES] as const) {
      const ids = rules.map((rule) => rule.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('scopes only documented Yccall services (exact casing) or *', () => {
    const documented = new Set<string>(Object.values(YCCALL_SERVICES));
    for (const rule of [...YCCALL_RULES, ...YCCALL_NUMBER_RULES]) {
      for (const key of rule.scope)
        expect(key === '*' || documented.has(key), `${rule.id}: ${key}`).toBe(true);
    }
  });

  it('scopes only ITNIO route keys without the brand prefix, or *', () => {
    const routes = new Set<string>(Object.values(ITNIOTECH_STRICT_ROUTES));
    for (const rule of ITNIOTECH_RULES) {
      for (const key of rule.scope)
        expect(key === '*' || routes.has(key), `${rule.id}: ${key}`).toBe(true);
    }
  });
});

describe.each(YCCALL_RULES.map((rule) => [rule.id, rule] as const))(
  'Yccall rule %s',
  (_id, rule) => {
    it('quotes yccall.md verbatim', () => checkProvenance(rule, 'yccall.md'));

    it('passes its good example and breaks on its bad one', () => {
      expect(rule.check(rule.examples.good)).toBeNull();
      expect(rule.check(rule.examples.bad)).toEqual(expect.any(String));
    });

    it('has a good example that every applicable rule accepts', () => {
      const good = rule.examples.good;
      expect(violations(YCCALL_RULES, keyOfYccall(good), good)).toEqual([]);
    });
  },
);

describe.each(YCCALL_NUMBER_RULES.map((rule) => [rule.id, rule] as const))(
  'Yccall number rule %s',
  (_id, rule) => {
    it('quotes yccall.md verbatim', () => checkProvenance(rule, 'yccall.md'));

    it('passes its good entry and refuses its bad one', () => {
      expect(rule.check(rule.examples.good)).toBeNull();
      expect(rule.check(rule.examples.bad)).toEqual(expect.any(String));
    });

    it('has a good entry that every number rule accepts', () => {
      for (const other of YCCALL_NUMBER_RULES) expect(other.check(rule.examples.good)).toBeNull();
    });
  },
);

describe.each(ITNIOTECH_RULES.map((rule) => [rule.id, rule] as const))(
  'ITNIO rule %s',
  (_id, rule) => {
    it('quotes itniotech.md verbatim', () => checkProvenance(rule, 'itniotech.md'));

    it('passes its good example and breaks on its bad one', () => {
      expect(rule.check(rule.examples.good)).toBeNull();
      expect(rule.check(rule.examples.bad)).toEqual(expect.any(String));
    });

    it('has a good example that every applicable rule accepts', () => {
      const good = rule.examples.good;
      expect(violations(ITNIOTECH_RULES, keyOfItniotech(good), good)).toEqual([]);
    });

    it('only applies to routes in its scope', () => {
      const checker = new StrictChecker(ITNIOTECH_RULES);
      for (const key of rule.scope) expect(checker.rulesFor(key)).toContain(rule);
    });
  },
);

// --- documented examples (fixtures/) ------------------------------------------------------------

/** ITNIO fixture → route key (the file names follow the doc's sections). */
const ITNIOTECH_FIXTURES: Readonly<Record<string, string>> = {
  'itniotech-ai-agent-query.request.json': '/voice/group/call/query',
  'itniotech-cc-preview-agent-cancel-task.request.json': '/cc/preview/agent/cancelTask',
  'itniotech-cc-preview-agent-edit-task.request.json': '/cc/preview/agent/editTask',
  'itniotech-cc-preview-query-task-detail.request.json': '/cc/preview/queryTaskDetail',
  'itniotech-cc-preview-query.request.json': '/cc/preview/query',
  'itniotech-cc-preview-resend-task.request.json': '/cc/preview/resendTask',
  'itniotech-cc-preview-submit-task.request.json': '/cc/preview/submitTask',
  'itniotech-cc-preview-upload.request.json': '/cc/preview/upload',
  'itniotech-cc-record-query.request.json': '/cc/record/query',
  'itniotech-cc-seat-group-query.request.json': '/cc/seatGroup/query',
  'itniotech-group-call-cancel.request.json': '/voice/group/call/cancel',
  'itniotech-group-call-query.request.json': '/voice/group/call/query',
  'itniotech-group-call-resend-ai.request.json': '/voice/group/call/resend/ai',
  'itniotech-group-call-send.request.json': '/voice/group/call/send',
  'itniotech-number-query.request.json': '/number/queryPage',
  'itniotech-recallflow-cancel.request.json': '/voice/recallFlow/cancel',
  'itniotech-recallflow-query-detail.request.json': '/voice/recallFlow/queryDetail',
  'itniotech-recallflow-update.request.json': '/voice/recallFlow/update',
  'itniotech-record-group-query.request.json': '/voice/recordGroupQuery',
  'itniotech-voice-file-upload.request.json': '/voice/fileUpload',
};

/**
 * Documented examples that break a documented rule, with the doc's own reason. Each entry must
 * break exactly the listed rules, so the list cannot hide a rule that is simply wrong.
 */
const DOCUMENTED_EXCEPTIONS: Readonly<
  Record<string, { rules: readonly string[]; reason: string }>
> = {
  'itniotech-voice-file-upload.request.json': {
    rules: ['itniotech.voice.fileUpload.file.base64'],
    reason:
      'fixtures/README.md: "Placeholders that the docs themselves use are kept verbatim (`"file": "base64"`, …); replace them in real calls." — the page shows "Base64 encoded file content" instead of base64 data',
  },
};

/** The documented header example (fixtures/itniotech-sign-example.json), names lower-cased as Node delivers them. */
function documentedHeaders(): Record<string, string> {
  const example = fixture('itniotech-sign-example.json') as { headers: Record<string, string> };
  return Object.fromEntries(
    Object.entries(example.headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}

function itniotechRequest(key: string, body: unknown): ItniotechStrictRequest {
  return {
    method: 'POST',
    key,
    path: key.startsWith('/cc/') ? `/v3${key}` : key,
    query: new URLSearchParams(),
    headers: documentedHeaders(),
    body,
  };
}

function yccallRequest(body: Readonly<Record<string, unknown>>): YccallStrictRequest {
  const fields = new Map(Object.entries(body).map(([name, value]) => [name, String(value)]));
  return {
    method: 'POST',
    service: fields.get('service') ?? '',
    fields,
    contentType: 'multipart/form-data; boundary=----fixture',
  };
}

const requestFixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.request.json'));

describe('documented example requests', () => {
  it('are all mapped to a vendor route', () => {
    for (const name of requestFixtures) {
      const mapped = name.startsWith('yccall-') || ITNIOTECH_FIXTURES[name] !== undefined;
      expect(mapped, name).toBe(true);
    }
  });

  it.each(requestFixtures.filter((name) => name.startsWith('yccall-')))(
    '%s passes every applicable Yccall rule',
    (name) => {
      const request = yccallRequest(fixture(name) as Record<string, unknown>);
      expect(new StrictChecker(YCCALL_RULES).rulesFor(request.service).length).toBeGreaterThan(0);
      expect(violations(YCCALL_RULES, request.service, request)).toEqual([]);
      const telphone = request.fields.get('telphone');
      const checker = new StrictChecker<YccallStrictRequest>([], YCCALL_NUMBER_RULES);
      if (
        telphone !== undefined &&
        (request.service === YCCALL_SERVICES.TaskCreat ||
          request.service === YCCALL_SERVICES.TaskAdd)
      ) {
        for (const entry of JSON.parse(telphone) as unknown[]) {
          expect(checker.checkEntry(request.service, entry)).toEqual([]);
        }
      }
    },
  );

  it.each(Object.entries(ITNIOTECH_FIXTURES))(
    '%s passes every applicable ITNIO rule',
    (name, key) => {
      const found = violations(ITNIOTECH_RULES, key, itniotechRequest(key, fixture(name)));
      const expected = DOCUMENTED_EXCEPTIONS[name]?.rules ?? [];
      expect(found.map((violation) => violation.ruleId).sort()).toEqual([...expected].sort());
    },
  );

  it('refuses the Chinese AI-resend example value maxRingingTime: 1 (itniotech.md §9.14)', () => {
    // The doc: "Chinese AI-resend example `maxRingingTime: 1` although 20–120 is allowed".
    const body = {
      ...(fixture('itniotech-group-call-resend-ai.request.json') as object),
      maxRingingTime: 1,
    };
    const found = violations(
      ITNIOTECH_RULES,
      '/voice/group/call/resend/ai',
      itniotechRequest('/voice/group/call/resend/ai', body),
    );
    expect(found.map((violation) => violation.ruleId)).toEqual([
      'itniotech.voice.group.call.resend.ai.maxRingingTime.range',
    ]);
  });

  it('passes the documented signature example headers', () => {
    const request = itniotechRequest('/sms/getBalance', undefined);
    const get = { ...request, method: 'GET' };
    expect(violations(ITNIOTECH_RULES, '/sms/getBalance', get)).toEqual([]);
  });
});

describe('StrictChecker', () => {
  it('logs every violation with its route key until cleared', () => {
    const checker = new StrictChecker(YCCALL_RULES, YCCALL_NUMBER_RULES);
    const bad = yccallRequest({
      service: YCCALL_SERVICES.TaskSet,
      token: 't',
      taskid: '1',
      taskstatus: '0',
    });
    expect(checker.check(bad.service, bad).map((v) => v.ruleId)).toEqual([
      'yccall.TaskSet.taskstatus.values',
    ]);
    expect(checker.checkEntry(YCCALL_SERVICES.TaskAdd, { phone: '+1 555' })).toHaveLength(1);
    expect(checker.violations()).toEqual([
      expect.objectContaining({ ruleId: 'yccall.TaskSet.taskstatus.values', key: bad.service }),
      expect.objectContaining({
        ruleId: 'yccall.telphone.phone-digits',
        key: YCCALL_SERVICES.TaskAdd,
        entry: { phone: '+1 555' },
      }),
    ]);
    checker.clear();
    expect(checker.violations()).toEqual([]);
  });

  it('selects the rules of a key plus the * rules', () => {
    const checker = new StrictChecker(YCCALL_RULES, YCCALL_NUMBER_RULES);
    const ids = checker.rulesFor(YCCALL_SERVICES.TaskSet).map((rule) => rule.id);
    expect(ids).toContain('yccall.transport.token-present');
    expect(ids).toContain('yccall.TaskSet.taskstatus.values');
    expect(ids).not.toContain('yccall.TaskCreat.taskscale.format');
    expect(checker.numberRulesFor(YCCALL_SERVICES.TaskSet)).toEqual([]);
    expect(checker.numberRulesFor(YCCALL_SERVICES.TaskCreat)).toHaveLength(
      YCCALL_NUMBER_RULES.length,
    );
  });
});
