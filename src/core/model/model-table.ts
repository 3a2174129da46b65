import type { RowProblem } from '../import/row-problem.ts'

/** One data row of a file: its line (the header is line 1) and its cells as text. */
export type ModelTableRow = { line: number; cells: readonly string[]; problem?: RowProblem }

/** A file of features and a label, read whole: the header and every data row, blank rows left out. */
export type ModelTable = { headers: readonly string[]; rows: readonly ModelTableRow[] }
