import { z } from 'zod';
import { ErrorCodeSchema } from '../ipc/errors';

// The board's search beyond task names: voice file names and TTS texts, searched at the vendors
// whose task lists can (itniotech.md §5.5 `searchCondition`); names are always matched locally.

/** What the manager typed in the board's search box. */
export const TaskSearchRequestSchema = z.strictObject({
  text: z
    .string()
    .trim()
    .min(2, 'Type at least 2 characters to search the vendors.')
    .max(100, 'Search with at most 100 characters.'),
});
export type TaskSearchRequest = z.infer<typeof TaskSearchRequestSchema>;

/** The rows the vendors matched, which accounts answered, and which failed (with why). */
export const TaskSearchResultSchema = z.strictObject({
  /** Board row keys (tasks found that were not on the board yet are added first). */
  keys: z.array(z.string().min(1)).max(100_000),
  /** Accounts whose vendor searched task contents. */
  searched: z.array(z.string().min(1)),
  /** Accounts whose search failed, with the error in every UI language. */
  failed: z.array(
    z.strictObject({
      accountId: z.string().min(1),
      code: ErrorCodeSchema,
      message: z.strictObject({ en: z.string(), 'zh-CN': z.string() }),
    }),
  ),
});
export type TaskSearchResult = z.infer<typeof TaskSearchResultSchema>;
