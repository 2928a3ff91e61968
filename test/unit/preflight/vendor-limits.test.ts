import { describe, expect, it } from 'vitest';
import { vendorLimits, yccallSplit } from '../../../main/services/preflight/vendor-limits';

describe('Yccall split into TaskCreat + TaskAdd', () => {
  it.each([
    [9_999, 1, [{ service: 'TaskCreat', calls: 1, numbersPerCall: 9_999 }]],
    [10_000, 1, [{ service: 'TaskCreat', calls: 1, numbersPerCall: 10_000 }]],
    [
      10_001,
      2,
      [
        { service: 'TaskCreat', calls: 1, numbersPerCall: 10_000 },
        { service: 'TaskAdd', calls: 1, numbersPerCall: 1 },
      ],
    ],
    [
      25_000,
      3,
      [
        { service: 'TaskCreat', calls: 1, numbersPerCall: 10_000 },
        { service: 'TaskAdd', calls: 1, numbersPerCall: 10_000 },
        { service: 'TaskAdd', calls: 1, numbersPerCall: 5_000 },
      ],
    ],
    [
      1_000_000,
      100,
      [
        { service: 'TaskCreat', calls: 1, numbersPerCall: 10_000 },
        { service: 'TaskAdd', calls: 99, numbersPerCall: 10_000 },
      ],
    ],
  ])('%i numbers → %i requests', (numbers, requests, parts) => {
    const split = yccallSplit(numbers);
    expect(split.requests).toBe(requests);
    expect(split.parts).toEqual(parts);
    const sent = split.parts.reduce((sum, p) => sum + p.calls * p.numbersPerCall, 0);
    expect(sent).toBe(numbers);
  });

  it('says the split in words, without the vendor’s service names', () => {
    expect(yccallSplit(1_000_000).text.en).toBe(
      '1,000,000 numbers go out in 100 requests: the first creates the task with 10,000, then 99 more add the rest (99 of 10,000 numbers).',
    );
    expect(yccallSplit(10_001).text['zh-CN']).toBe(
      '10001 个号码分 2 次发送：第一次创建任务并发送 10000 个，之后 1 次追加其余号码（1 次各 1 个）。',
    );
    expect(yccallSplit(9_999).text.en).toContain('one request that creates the task');
    for (const numbers of [1, 9_999, 10_001, 1_000_000]) {
      const limits = vendorLimits('predictive', numbers);
      for (const text of [limits.text.en, limits.text['zh-CN'], yccallSplit(numbers).text.en]) {
        expect(text).not.toMatch(/TaskCreat|TaskAdd/);
      }
      // The split is said once: by the split, not again inside the limit.
      expect(limits.text.en).not.toContain(yccallSplit(numbers).text.en);
    }
  });
});

describe('ITNIO per-task limits', () => {
  it('accepts 100,000 numbers and refuses 100,001, for uploads and group calls', () => {
    expect(vendorLimits('cc-preview', 100_000)).toMatchObject({
      vendor: 'itniotech',
      maxPerRequest: 100_000,
      withinLimit: true,
      split: null,
    });
    const over = vendorLimits('voice-group', 100_001);
    expect(over.withinLimit).toBe(false);
    expect(over.text.en).toContain('1 too many');
    expect(vendorLimits('predictive', 1_000_000)).toMatchObject({
      vendor: 'yccall',
      withinLimit: true,
      maxPerRequest: 10_000,
    });
  });
});
