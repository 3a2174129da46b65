import type { AnyReason } from '../../contract/reason-codes.ts'

/**
 * Why a file's reader could not read a row as written — bytes that do not decode, text after a
 * closing quote — so that the import rejects the row with its line rather than load a guess.
 */
export type RowProblem = { message: string; details: AnyReason }
