import { parseNumberCell } from './parse-number-cell.ts'

export const COUNT_RULE = 'expected a whole number from 0'

const MAX_INT = 2_147_483_647

/** A non-negative whole number that fits an integer column ('12', '1 200', '5,00'), or undefined. */
export function parseCountCell(text: string): string | undefined {
  const number = parseNumberCell(text, 10)
  if (number === undefined || number.startsWith('-')) return undefined
  const [whole, fraction = ''] = number.split('.')
  if (/[1-9]/.test(fraction)) return undefined
  return Number(whole) <= MAX_INT ? whole : undefined
}
