import { z } from 'zod';
import type { TaskKind } from './task';
import { ITNIO_AI_NUMBER_DIGITS, ITNIO_VOICE_NUMBER_DIGITS } from './vendor-rules';

/** At most this many variable columns travel with a number (vendors: var01..var05 / text1..text5). */
export const MAX_LIST_VARIABLES = 5;

/** Rows shown by a preview. */
export const PREVIEW_ROWS = 50;

/** Kinds of files the importer reads. */
export const ListFileKindSchema = z.enum(['xlsx', 'csv']);
export type ListFileKind = z.infer<typeof ListFileKindSchema>;

/** Text encodings a CSV/TXT file may be read with (labels of the WHATWG TextDecoder). */
export const TextEncodingSchema = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030']);
export type TextEncoding = z.infer<typeof TextEncodingSchema>;

/**
 * The length rule of the vendor the list is meant for, in digits of country code + number.
 *
 * ITNIO voice group calls: 7–15 digits; ITNIO AI group calls: 6–18 (api/itniotech.md §5).
 * Yccall documents no length rule (api/yccall.md §4.1), so only E.164 validity applies.
 */
export const VendorLengthRuleSchema = z.enum(['itniotech-voice', 'itniotech-ai', 'yccall', 'none']);
export type VendorLengthRule = z.infer<typeof VendorLengthRuleSchema>;

/** The digit range of each vendor rule (inclusive); ITNIO's from shared/domain/vendor-rules. */
export const VENDOR_LENGTHS: Readonly<Record<VendorLengthRule, readonly [number, number]>> = {
  'itniotech-voice': [ITNIO_VOICE_NUMBER_DIGITS.min, ITNIO_VOICE_NUMBER_DIGITS.max],
  'itniotech-ai': [ITNIO_AI_NUMBER_DIGITS.min, ITNIO_AI_NUMBER_DIGITS.max],
  // E.164 allows at most 15 digits; no vendor rule beyond it.
  yccall: [1, 15],
  none: [1, 15],
};

/** The number-length rule a kind of task checks its numbers with (the vendor's digit range). */
export const LENGTH_RULE_OF_KIND: Readonly<Record<TaskKind, VendorLengthRule>> = {
  'voice-group': 'itniotech-voice',
  'cc-preview': 'itniotech-voice',
  'ai-agent-group': 'itniotech-ai',
  predictive: 'yccall',
};

/** An ISO 3166-1 alpha-2 region code such as `CN`. */
export const RegionCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as CN.');

/** Which source columns (0-based) hold the phone, the name and up to five variables. */
export const ColumnMappingSchema = z.strictObject({
  phone: z.int().min(0),
  name: z.int().min(0).nullable(),
  variables: z.array(z.int().min(0)).max(MAX_LIST_VARIABLES),
});
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

/** One sheet of a workbook (a CSV file has one). */
export const SheetInfoSchema = z.strictObject({
  index: z.int().min(0),
  name: z.string(),
  hidden: z.boolean(),
  /** Rows holding at least one value. */
  rowCount: z.int().min(0),
});
export type SheetInfo = z.infer<typeof SheetInfoSchema>;

/**
 * The sheet an import opens by default: the first visible one that holds rows (a workbook whose
 * first sheet is an empty cover or notes page keeps its list further on), else the first
 * visible one, else the first.
 */
export function defaultSheet(sheets: readonly SheetInfo[]): SheetInfo | undefined {
  const visible = sheets.filter((sheet) => !sheet.hidden);
  return visible.find((sheet) => sheet.rowCount > 0) ?? visible[0] ?? sheets[0];
}

/** What `inspect` learns about a file without importing it. */
export const FileInspectionSchema = z.strictObject({
  fileName: z.string(),
  sizeBytes: z.int().min(0),
  kind: ListFileKindSchema,
  sheets: z.array(SheetInfoSchema),
  /** For text files: the encoding found by detection, and how sure it is. */
  encoding: z
    .strictObject({ detected: TextEncodingSchema, bom: z.boolean(), confident: z.boolean() })
    .nullable(),
  /** For text files: the field separator found. */
  delimiter: z.string().nullable(),
});
export type FileInspection = z.infer<typeof FileInspectionSchema>;

/** Options shared by preview and import: which part of the file to read, and how. */
export const ReadOptionsSchema = z.strictObject({
  /** Sheet name; the first visible sheet when absent. */
  sheet: z.string().optional(),
  /** 1-based row number of the header row, 0 for "no header"; detected when absent. */
  headerRow: z.int().min(0).optional(),
  /** Text encoding override for CSV/TXT. */
  encoding: TextEncodingSchema.optional(),
});
export type ReadOptions = z.infer<typeof ReadOptionsSchema>;

/** The mapping a person chose; the phone column may still be missing (and is then refused). */
export const MappingChoiceSchema = ColumnMappingSchema.extend({ phone: z.int().min(0).nullable() });
export type MappingChoice = z.infer<typeof MappingChoiceSchema>;

/** Options of an import. */
export const ImportOptionsSchema = ReadOptionsSchema.extend({
  mapping: MappingChoiceSchema,
  /** Region for numbers written without a country code. */
  defaultCountry: RegionCodeSchema.nullable(),
  rule: VendorLengthRuleSchema,
  /** Display name of the list; the file name when absent. */
  name: z.string().min(1).max(200).optional(),
});
export type ImportOptions = z.infer<typeof ImportOptionsSchema>;

/** One row of a preview: its row number in the file and its cells as text. */
export const PreviewRowSchema = z.strictObject({
  rowNumber: z.int().min(1),
  cells: z.array(z.string()),
});
export type PreviewRow = z.infer<typeof PreviewRowSchema>;

/** A saved column mapping, found again by the headers of the next file. */
export const MappingRecipeSchema = z.strictObject({
  id: z.string(),
  name: z.string().min(1).max(200),
  /** Header cells of the file it was saved from, normalized (trimmed, lower case). */
  headers: z.array(z.string()),
  /** Header names (as in `headers`) for each role, so columns may move between files. */
  phone: z.string(),
  nameColumn: z.string().nullable(),
  variables: z.array(z.string()).max(MAX_LIST_VARIABLES),
  defaultCountry: RegionCodeSchema.nullable(),
  rule: VendorLengthRuleSchema,
  updatedAt: z.int(),
});
export type MappingRecipe = z.infer<typeof MappingRecipeSchema>;

/** What a person gives to save a recipe. */
export const NewMappingRecipeSchema = z.strictObject({
  name: z.string().min(1).max(200),
  headers: z.array(z.string()).min(1),
  mapping: ColumnMappingSchema,
  defaultCountry: RegionCodeSchema.nullable(),
  rule: VendorLengthRuleSchema,
});
export type NewMappingRecipe = z.infer<typeof NewMappingRecipeSchema>;

/** What `preview` shows before an import. */
export const FilePreviewSchema = z.strictObject({
  sheet: z.string(),
  /** The header row used (detected unless given), 0 when the file has none. */
  headerRow: z.int().min(0),
  headerDetected: z.boolean(),
  headers: z.array(z.string()),
  columnCount: z.int().min(0),
  rows: z.array(PreviewRowSchema),
  /** The mapping guessed from headers and values (or taken from a matching recipe). */
  mapping: ColumnMappingSchema.nullable(),
  recipe: MappingRecipeSchema.nullable(),
  encoding: TextEncodingSchema.nullable(),
});
export type FilePreview = z.infer<typeof FilePreviewSchema>;

/**
 * How a row came out of the checks: `valid` and `fixed` rows are called; `invalid` rows hold no
 * phone number (empty, letters, wrong length, an Excel error or a date); `flagged` rows held a
 * number that Excel had already damaged (scientific notation, more than 15 digits, a fraction),
 * so its digits cannot be trusted and it must be taken again from the source; `duplicate` rows
 * repeat an earlier number.
 */
export const RowStatusSchema = z.enum(['valid', 'fixed', 'invalid', 'flagged', 'duplicate']);
export type RowStatus = z.infer<typeof RowStatusSchema>;

/** Counts of an imported list. */
export const ListCountsSchema = z.strictObject({
  total: z.int().min(0),
  valid: z.int().min(0),
  fixed: z.int().min(0),
  invalid: z.int().min(0),
  /** Numbers Excel had already damaged (see `RowStatusSchema`), counted apart from `invalid`. */
  flagged: z.int().min(0),
  duplicate: z.int().min(0),
});
export type ListCounts = z.infer<typeof ListCountsSchema>;

/** An imported list without its rows. */
export const ListSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  sourceFileName: z.string(),
  sourceSha256: z.string(),
  sourceSizeBytes: z.int().min(0),
  sheet: z.string(),
  headerRow: z.int().min(0),
  mapping: ColumnMappingSchema,
  /** Header text of the phone, name and variable columns (for export and for vendor var01..). */
  columnNames: z.strictObject({
    phone: z.string(),
    name: z.string().nullable(),
    variables: z.array(z.string()),
  }),
  defaultCountry: RegionCodeSchema.nullable(),
  rule: VendorLengthRuleSchema,
  encoding: TextEncodingSchema.nullable(),
  counts: ListCountsSchema,
  createdAt: z.int(),
});
export type ListSummary = z.infer<typeof ListSummarySchema>;

/** One stored row of a list. */
export const ListRowSchema = z.strictObject({
  /** Position in the list, from 0. */
  seq: z.int().min(0),
  /** Row number in the source file (1-based, as the spreadsheet shows it). */
  rowNumber: z.int().min(1),
  status: RowStatusSchema,
  /** The phone cell as read. */
  original: z.string(),
  /** E.164 (`+8613800138000`), null when invalid. */
  phone: z.string().nullable(),
  name: z.string().nullable(),
  variables: z.array(z.string()),
  /** Machine code of the reason (null for valid rows). */
  reasonCode: z.string().nullable(),
  /** The reason in words, in the user's language (empty for valid rows). */
  reason: z.string(),
});
export type ListRow = z.infer<typeof ListRowSchema>;

/** A page request for a virtualized table. */
export const RowsQuerySchema = z.strictObject({
  offset: z.int().min(0).default(0),
  limit: z.int().min(1).max(5000).default(200),
  /** Only rows with these statuses. */
  filter: z.array(RowStatusSchema).optional(),
  /** Substring of the original, the E.164 number or the name. */
  search: z.string().max(200).optional(),
});
export type RowsQuery = z.input<typeof RowsQuerySchema>;

/** One page of rows with the number of rows matching the query. */
export const RowsPageSchema = z.strictObject({
  total: z.int().min(0),
  offset: z.int().min(0),
  rows: z.array(ListRowSchema),
});
export type RowsPage = z.infer<typeof RowsPageSchema>;

/** Progress of a running import (pushed at least four times a second). */
export const ImportProgressSchema = z.strictObject({
  phase: z.enum(['reading', 'storing', 'done']),
  rowsRead: z.int().min(0),
  bytesRead: z.int().min(0),
  totalBytes: z.int().min(0),
  rowsPerSecond: z.number().min(0),
  elapsedMs: z.number().min(0),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;
