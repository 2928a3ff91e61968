import { describe, expect, it } from 'vitest';
import { startWords } from '../../../renderer/features/drafts/send-summary';
import { taskHash, taskFromHash, sectionFromHash } from '../../../renderer/app/routes';

describe('the send confirmation’s words', () => {
  it('says the start as a person does, with the year only when it is not this year', () => {
    expect(startWords('2026-12-08 09:00', 'en', 2026)).toBe('8 Dec 09:00');
    expect(startWords('2026-12-08 09:00', 'zh-CN', 2026)).toBe('12月8日 09:00');
    expect(startWords('2027-01-02 18:30', 'en', 2026)).toBe('2 Jan 2027 18:30');
    expect(startWords('2027-01-02 18:30', 'zh-CN', 2026)).toBe('2027年1月2日 18:30');
  });
});

describe('"Open on the board" addresses one task', () => {
  it('round-trips a board row key through the hash, and the section stays Tasks', () => {
    const key = 'acc-1:voice-group:5017560';
    const hash = taskHash(key);
    expect(sectionFromHash(hash)).toBe('tasks');
    expect(taskFromHash(hash)).toBe(key);
    expect(taskFromHash('#/tasks')).toBeNull();
    expect(sectionFromHash('#/drafts')).toBe('drafts');
  });
});
