import { z } from 'zod';

/**
 * A number the vendor may send as a JSON number or as digits in a string (both vendors do, even
 * for the same field on different pages: api/itniotech.md §9, api/yccall.md §7).
 */
export const LooseNumberSchema = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

/** A text the vendor may send as a string or as a number (ids, codes). */
export const LooseStringSchema = z.union([
  z.string(),
  z
    .number()
    .refine((value) => Number.isFinite(value))
    .transform(String),
]);
