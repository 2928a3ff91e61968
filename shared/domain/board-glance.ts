import { z } from 'zod';
import { PreflightBalanceSchema } from './preflight';

// What the board's at-a-glance strip asks main for beyond the board's rows: where each row's
// "called" counter stood at the start of the day, and each account's balance.

/** Asks for each row's "called" counter as last read at or before an instant. */
export const CalledAtRequestSchema = z.strictObject({
  /** Epoch ms: the start of the manager's day. */
  at: z
    .int()
    .min(0, 'The time is before 1970.')
    .max(8_640_000_000_000_000, 'The time is too far ahead.'),
});

/** Each board row (by id) with its "called" counter at that instant; rows without a reading are absent. */
export const CalledAtSchema = z.strictObject({
  rows: z.array(z.strictObject({ i: z.int().positive(), c: z.int().nonnegative() })),
});
export type CalledAt = z.infer<typeof CalledAtSchema>;

/** Asks for every account's balance; `refresh` asks the vendors again instead of a recent answer. */
export const BalancesRequestSchema = z.strictObject({ refresh: z.boolean().optional() });

/** One account's balance as far as it could be checked (the review's balance, per account). */
export const AccountBalanceSchema = z.strictObject({
  accountId: z.string(),
  balance: PreflightBalanceSchema,
});
export type AccountBalance = z.infer<typeof AccountBalanceSchema>;

/** Every account's balance. */
export const BalancesSchema = z.strictObject({ balances: z.array(AccountBalanceSchema) });
export type Balances = z.infer<typeof BalancesSchema>;
