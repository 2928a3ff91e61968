import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/services/sandbox/sim-kit';
import { openDatabase } from '../../../main/services/storage/database';
import { ManualScheduler } from '../../fakes/manual-scheduler';
import { SETTINGS, insertList, makeOutbox, makeVendors } from './harness';

// An account whose vendor cannot be reached: the outbox backs off per submission (10 s,
// doubling, up to 5 minutes) and the audit trail gets one entry per try, never one per tick.

/** A loopback URL on which nothing listens (connections are refused at once). */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

async function unreachable() {
  const clock = new ManualClock();
  const scheduler = new ManualScheduler(clock);
  const vendors = makeVendors(await deadUrl(), clock, { timeoutMs: 2_000 });
  const db = openDatabase(':memory:');
  insertList(db, 'offline-list', 20);
  const side = makeOutbox(vendors, clock, db);
  const queued = await side.outbox.enqueue({
    accountId: 'acct-itnio',
    kind: 'cc-preview',
    name: 'Unreachable morning',
    listId: 'offline-list',
    settings: SETTINGS['cc-preview'],
  });
  // As the app wakes the outbox (main/core.ts): every 5 s.
  const tick = () => {
    scheduler.schedule(5 * SECOND, async () => {
      await side.outbox.drain();
      tick();
    });
  };
  await side.outbox.drain();
  tick();
  const failures = () =>
    side.audit
      .entries({ submissionId: queued.id })
      .filter((entry) => entry.type === 'submission.failed')
      .map((entry) => ({ at: entry.at, payload: entry.payload as Record<string, unknown> }));
  return { clock, scheduler, side, queued, failures };
}

describe('an outbox whose vendor cannot be reached', () => {
  it('adds one audit entry per try in 6 minutes, not one per tick', async () => {
    const { scheduler, side, queued, failures } = await unreachable();
    const before = side.audit.entries().length;
    await scheduler.advance(6 * MINUTE);
    // Tries at 0, 10, 30, 70, 150 and 310 s by the schedule (each up to one 5 s tick late).
    const tries = failures();
    expect(tries.length).toBeGreaterThanOrEqual(5);
    expect(tries.length).toBeLessThanOrEqual(6);
    expect(tries.map((entry) => entry.payload['try'])).toEqual(tries.map((_, index) => index + 1));
    // Nothing else is written per tick: the queued entry plus the tries.
    expect(side.audit.entries().length - before).toBe(tries.length - 1);
    expect(side.audit.verify().ok).toBe(true);
    const view = side.outbox.get(queued.id);
    expect(view.state).toBe('waiting');
    expect(view.nextAttemptAt).not.toBeNull();
  });

  it('doubles the wait from 10 s and stays at 5 minutes', async () => {
    const { scheduler, failures } = await unreachable();
    await scheduler.advance(30 * MINUTE);
    const delays = failures().map((entry) => Number(entry.payload['nextAttemptAt']) - entry.at);
    expect(delays.slice(0, 6)).toEqual([
      10 * SECOND,
      20 * SECOND,
      40 * SECOND,
      80 * SECOND,
      160 * SECOND,
      5 * MINUTE,
    ]);
    expect(delays.length).toBeGreaterThan(8);
    expect(new Set(delays.slice(5))).toEqual(new Set([5 * MINUTE]));
    // Each try starts no earlier than the time the one before set.
    const entries = failures();
    for (let i = 1; i < entries.length; i += 1) {
      const previous = entries[i - 1];
      expect(entries[i]?.at).toBeGreaterThanOrEqual(Number(previous?.payload['nextAttemptAt']));
    }
  });

  it('names the campaign and keeps the reason in both languages in each entry', async () => {
    const { failures } = await unreachable();
    const [first] = failures();
    expect(first?.payload['name']).toBe('Unreachable morning');
    const error = first?.payload['error'] as { code: string; text: Record<string, string> };
    expect(error.code).toBe('NETWORK');
    expect(error.text['en']).toBeTruthy();
    expect(error.text['zh-CN']).toBeTruthy();
  });
});
