import { z } from 'zod';
import { AppError } from '../errors';
import type { CreateCheckpoint } from './vendor';

// What any vendor module reports when a create was answered but the vendor held fewer numbers
// than it was sent: the numbers it refused, and a checkpoint after the settled part, so the
// outbox can journal them and resume without sending any number again. Vendor-neutral: the
// outbox reads it from the error's details without knowing which vendor stopped.

/** A number the vendor did not take: its position in the callee list, what was sent, and why. */
export interface RefusedNumber {
  /** 0-based position in the callee list. */
  readonly index: number;
  /** The number as the app holds it (E.164). */
  readonly phone: string;
  /** The number as it was sent to the vendor. */
  readonly sent: string;
  /** `invalid`: the vendor's answer listed it; `not-held`: missing when the task was read back. */
  readonly reason: 'invalid' | 'not-held';
}

/** A create that stopped at a part the vendor held short. */
export interface PartialRefusal {
  readonly refused: readonly RefusedNumber[];
  /** How many numbers of the part were not held (may exceed `refused` when the vendor is silent). */
  readonly refusedCount: number;
  /** Where a resume starts: nothing in flight, the settled part counted as confirmed. */
  readonly settled: CreateCheckpoint;
}

const RefusedNumberSchema = z.object({
  index: z.number().int().nonnegative(),
  phone: z.string(),
  sent: z.string(),
  reason: z.enum(['invalid', 'not-held']),
});

const PartialRefusalSchema = z.object({
  refused: z.array(RefusedNumberSchema),
  refusedCount: z.number().int().nonnegative(),
  settled: z.object({
    taskId: z.string().nullable(),
    confirmed: z.number().int().nonnegative(),
    held: z.number().int().nonnegative().nullable(),
    pendingFrom: z.number().int().nonnegative(),
    pendingTo: z.number().int().nonnegative(),
    chunk: z.number().int().positive(),
    chunks: z.number().int().positive(),
    stage: z.enum(['create', 'append', 'start']),
  }),
});

/** The details key a vendor module puts a PartialRefusal under. */
export const PARTIAL_REFUSAL = 'partialRefusal';

/** Reads the partial refusal from an error a create threw, or null when it is another error. */
export function partialRefusalOf(error: unknown): PartialRefusal | null {
  if (!(error instanceof AppError)) return null;
  const parsed = PartialRefusalSchema.safeParse(error.details?.[PARTIAL_REFUSAL]);
  return parsed.success ? parsed.data : null;
}
