/** Guards against files that would exhaust memory or time. */
export interface ImportLimits {
  /** Size of the file on disk. */
  readonly maxFileBytes: number;
  /** Unpacked size of any one workbook part (a sheet, the shared strings). */
  readonly maxPartBytes: number;
  /** Unpacked bytes per packed byte above which a part is treated as a zip bomb. */
  readonly maxCompressionRatio: number;
  /** Data rows of one sheet (the header row not counted). */
  readonly maxRows: number;
  /** Columns of one row. */
  readonly maxColumns: number;
  /** Characters of one row's XML, or of one CSV record. */
  readonly maxRowChars: number;
}

/** Defaults: a 1,000,000-row list (DESIGN.md) fits with room to spare. */
export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 256 * 1024 * 1024,
  maxPartBytes: 1536 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxRows: 1_000_000,
  maxColumns: 1000,
  maxRowChars: 4 * 1024 * 1024,
};
