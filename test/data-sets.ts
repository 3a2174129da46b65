import { join, resolve } from 'node:path'

/**
 * The public data sets the tests read (Hillstrom, PKDD'99; each with its PROVENANCE.md): in
 * `../shared/data` beside the checkout, as the department's machines keep them, or wherever
 * OTKLIK_DATA_SETS points.
 */
export const DATA_SETS_DIR = process.env.OTKLIK_DATA_SETS ?? resolve(import.meta.dirname, '../../shared/data')

export const dataSet = (...parts: string[]): string => join(DATA_SETS_DIR, ...parts)
