import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/services/errors';
import {
  createUndiciSend,
  isRetryable,
  MAX_RESPONSE_BYTES,
} from '../../../main/services/vendors/http';

// The 32 MB cap on vendor answers counts the bytes that arrive: a chunked body declares no
// length, so checking Content-Length alone read all of it (issue 15).

const MB = 1024 * 1024;
const BODY_BYTES = 96 * MB;
const CHUNK = Buffer.alloc(64 * 1024, 0x61);

interface Sent {
  bytes: number;
  finished: boolean;
  closedEarly: boolean;
}

let server: Server;
let base: string;
const sent: Sent[] = [];

/** Writes `total` bytes in chunks (Transfer-Encoding: chunked), honouring backpressure. */
async function writeChunked(res: ServerResponse, total: number, record: Sent): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.on('close', () => {
    if (!res.writableFinished) record.closedEarly = true;
  });
  while (record.bytes < total && !res.destroyed) {
    const ok = res.write(CHUNK);
    record.bytes += CHUNK.length;
    if (!ok) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  if (!res.destroyed) {
    res.end();
    record.finished = true;
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const record: Sent = { bytes: 0, finished: false, closedEarly: false };
    sent.push(record);
    if (req.url === '/huge') void writeChunked(res, BODY_BYTES, record);
    else {
      // A small chunked answer: the cap must not get in the way of normal ones.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":"0",');
      res.end('"reason":"success"}');
      record.finished = true;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the vendor response cap', () => {
  it('reads a small chunked answer whole', async () => {
    const response = await createUndiciSend()({
      method: 'GET',
      url: `${base}/small`,
      timeoutMs: 10_000,
    });
    expect(response.text).toBe('{"status":"0","reason":"success"}');
  });

  it('stops a chunked 96 MB body without Content-Length at 32 MB and aborts the connection', async () => {
    const before = sent.length;
    let failure: unknown;
    try {
      await createUndiciSend()({ method: 'GET', url: `${base}/huge`, timeoutMs: 60_000 });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AppError);
    const error = failure as AppError;
    expect(error.text.en).toContain('larger than 32 MB');
    expect(error.text['zh-CN']).toContain('32 MB');
    expect(error.details).toMatchObject({ reason: 'response-too-large' });
    const read = Number(error.details?.['readBytes']);
    expect(read).toBeGreaterThan(MAX_RESPONSE_BYTES);
    expect(read).toBeLessThanOrEqual(MAX_RESPONSE_BYTES + CHUNK.length * 2);
    // Reading more would be pointless: a retry would only read 32 MB again.
    expect(isRetryable(error)).toBe(false);

    // The server saw the connection go away before it could send the rest.
    const record = sent[before];
    await expect.poll(() => record?.closedEarly).toBe(true);
    expect(record?.finished).toBe(false);
    expect(record?.bytes).toBeLessThan(BODY_BYTES);
  });
});
