import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/services/errors';
import { DncService } from '../../../main/services/compliance/dnc-service';
import { SqliteDncRepository } from '../../../main/services/compliance/sqlite-dnc-repository';
import { openTestDatabase, type TestDatabase } from './harness';

// Numbers typed on the Compliance screen: normalised by the app's phone checker, and a batch
// with one bad number is refused in words that name it and its problem, with nothing written.

const opened: TestDatabase[] = [];
afterEach(async () => {
  for (const test of opened.splice(0)) await test.close();
});

async function setUp(): Promise<{ service: DncService; dnc: SqliteDncRepository }> {
  const test = await openTestDatabase();
  opened.push(test);
  const dnc = new SqliteDncRepository(test.db);
  let id = 0;
  const service = new DncService({
    repository: dnc,
    clock: { now: () => Date.UTC(2026, 11, 7) },
    newId: () => `list-${String((id += 1))}`,
    zone: () => 'UTC',
  });
  return { service, dnc };
}

describe('numbers typed into a do-not-call list', () => {
  it('are stored in international form', async () => {
    const { service, dnc } = await setUp();
    const list = await service.create('Customer asked', { kind: 'all-accounts' });
    expect(
      await service.add(
        list.id,
        [{ number: '(212) 555-0123', expiresOn: null, source: null }],
        'US',
      ),
    ).toBe(1);
    const page = await dnc.entries(list.id, { limit: 10 });
    expect(page.items.map((entry) => entry.number)).toEqual(['+12125550123']);
  });

  it('refuse a batch with a word in it, quoting it in both languages, and add nothing', async () => {
    const { service, dnc } = await setUp();
    const list = await service.create('Customer asked', { kind: 'all-accounts' });
    const refusal = await service
      .add(
        list.id,
        [
          { number: '+12125550123', expiresOn: null, source: null },
          { number: 'call me', expiresOn: null, source: null },
        ],
        null,
      )
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    const message = (refusal as AppError).text;
    expect(message.en).toBe(
      'Number 2, "call me", is not a phone number we can use: "call me" is not a phone number (it contains letters or other characters). Nothing was added.',
    );
    expect(message['zh-CN']).toContain('“call me”');
    expect(message['zh-CN']).toContain('"call me" 不是电话号码');
    expect((await dnc.entries(list.id, { limit: 10 })).items).toEqual([]);
  });
});
