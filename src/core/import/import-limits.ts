// What one import may hold, so that no file — however small on disk — can fill the server's
// memory or disk: a CSV of 200 MB of ';' is one record of 200 million fields, a 6.5 MB workbook can
// inflate to gigabytes of shared strings. Each limit is far above what a bank's export holds;
// a file over one is refused whole, naming the line and the limit (details.code import.*).
export const IMPORT_LIMITS = {
  /** Characters of one record (CSV, delimiters included) or one row (XLSX, its cells' text). */
  recordChars: 1024 * 1024,
  /** Fields of one CSV record, cells (columns spanned) of one XLSX row. */
  fields: 1_000,
  /** Characters of rows held before they are checked and written as one chunk. */
  chunkChars: 8 * 1024 * 1024,
  /** Bytes a workbook inflates to, all its parts together. */
  xlsxExpandedBytes: 2 * 1024 ** 3,
  /** Parts (zip entries) of a workbook. */
  xlsxParts: 10_000,
  /** Bytes of xl/sharedStrings.xml inflated: exceljs holds every shared string in memory. */
  sharedStringsBytes: 128 * 1024 ** 2,
  /** Shared strings of a workbook. */
  sharedStrings: 2_000_000,
  /** Bytes of any other part read whole (workbook, styles, relationships), inflated. */
  xlsxPartBytes: 16 * 1024 ** 2,
  /** XML elements of such a part: each becomes an object (Excel itself keeps to 64,000 cell formats). */
  xlsxPartElements: 500_000,
  /** Bytes of the XML of one worksheet row, inflated. */
  xlsxRowBytes: 8 * 1024 ** 2,
} as const

export type ImportLimits = { readonly [K in keyof typeof IMPORT_LIMITS]: number }
