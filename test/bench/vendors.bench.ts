/**
 * Vendor client benchmark: signed ITNIO queries against the simulator over loopback.
 *
 * Run: `npx tsx test/bench/vendors.bench.ts`. Bounded in count and time; 127.0.0.1 only.
 * Prints each figure next to its target.
 */
import { performance } from 'node:perf_hooks';
import { SimulatorServer } from '../../main/services/sandbox/server';
import { mountItniotech } from '../../main/services/sandbox/itniotech/itniotech-sim';
import { systemClock } from '../../main/services/sandbox/sim-kit';
import { createUndiciSend } from '../../main/services/vendors/http';
import {
  ItniotechClient,
  parseItniotechResponse,
} from '../../main/services/vendors/itniotech/client';
import { GroupTaskPageSchema } from '../../main/services/vendors/itniotech/schemas';
import { signedHeaders } from '../../main/services/vendors/itniotech/signing';

const ACCOUNT = { apiKey: 'benchKey', apiSecret: 'benchSecret' };
const SEQUENTIAL = 2_000;
const CONCURRENT = 4_000;
const IN_FLIGHT = 8;
const OVERHEAD_ITERATIONS = 20_000;
const MAX_PHASE_MS = 15_000;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function line(label: string, value: string, target: string, ok: boolean): void {
  console.log(
    `${label.padEnd(44)} ${value.padStart(12)}   target ${target.padEnd(10)} ${ok ? 'OK' : 'MISSED'}`,
  );
}

const fmt = (ms: number) =>
  new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

async function main(): Promise<void> {
  const server = new SimulatorServer();
  const sim = mountItniotech(server, {
    strict: true,
    clock: systemClock,
    seed: 1,
    accounts: [ACCOUNT],
  });
  const url = await server.start();
  if (!url.startsWith('http://127.0.0.1:')) throw new Error('The benchmark runs on loopback only.');
  sim.seedSampleTasks();
  const client = new ItniotechClient({
    apiKey: ACCOUNT.apiKey,
    getSecret: async () => ACCOUNT.apiSecret,
    brand: 'itniotech',
    baseUrl: url,
    send: createUndiciSend(),
    clock: systemClock,
    timeoutMs: 5_000,
  });
  const now = Date.now();
  const query = {
    current: 1,
    size: 10,
    params: { strTime: fmt(now - 7 * 86_400_000), endTime: fmt(now + 86_400_000), statusList: [] },
  };
  const one = async () => {
    const page = await client.queryGroupCalls(query);
    if (page.records.length === 0) throw new Error('The simulator returned no tasks.');
  };

  try {
    for (let i = 0; i < 200; i++) await one(); // warm-up: JIT, connection pool

    // Sequential: one request at a time, latency of each.
    const latencies: number[] = [];
    const seqStart = performance.now();
    for (let i = 0; i < SEQUENTIAL && performance.now() - seqStart < MAX_PHASE_MS; i++) {
      const t = performance.now();
      await one();
      latencies.push(performance.now() - t);
    }
    const seqSeconds = (performance.now() - seqStart) / 1000;
    latencies.sort((a, b) => a - b);

    // Concurrent: IN_FLIGHT requests in flight.
    let started = 0;
    let done = 0;
    const concStart = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (started < CONCURRENT && performance.now() - concStart < MAX_PHASE_MS) {
          started += 1;
          await one();
          done += 1;
        }
      }),
    );
    const concSeconds = (performance.now() - concStart) / 1000;

    // Overhead in-process: sign + validate a typical 10-record page (no network).
    const body = JSON.stringify({
      code: 0,
      msg: 'success',
      data: await client.queryGroupCalls(query),
    });
    const t0 = performance.now();
    for (let i = 0; i < OVERHEAD_ITERATIONS; i++) {
      signedHeaders(ACCOUNT.apiKey, ACCOUNT.apiSecret, String(1_700_000_000 + i));
      parseItniotechResponse(body, GroupTaskPageSchema, {
        operation: 'query',
        target: 'bench',
        pick: 'data',
      });
    }
    const overheadMs = (performance.now() - t0) / OVERHEAD_ITERATIONS;

    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    console.log(
      `ITNIO vendor client over loopback (${process.version}, ${latencies.length} sequential, ${done} concurrent x${IN_FLIGHT})`,
    );
    line(
      'sequential requests/second',
      (latencies.length / seqSeconds).toFixed(0),
      '>= 300',
      latencies.length / seqSeconds >= 300,
    );
    line(
      `concurrent requests/second (${IN_FLIGHT} in flight)`,
      (done / concSeconds).toFixed(0),
      '>= 800',
      done / concSeconds >= 800,
    );
    line('latency p50 (ms)', p50.toFixed(2), '<= 5', p50 <= 5);
    line('latency p95 (ms)', p95.toFixed(2), '<= 15', p95 <= 15);
    line(
      'sign + validate overhead per request (ms)',
      overheadMs.toFixed(4),
      '< 0.2',
      overheadMs < 0.2,
    );
  } finally {
    await server.close();
  }
}

await main();
