// Amounts arrive as '1 234,56' (Russian exports: spaces or no-break spaces group thousands, comma
// decimals), '1234.56', '1,234.56' or '1.234,56'. When both separators appear the later one is the
// decimal point. A single ',' or '.' is a decimal point ('1,234' is 1.234: the Russian reading);
// several of the same are thousands separators and must group by three.
const GROUPING = /[\s\u00a0\u202f']/g
const DIGITS = /^\d*$/
const PLAIN = /^\d+(?:\.\d+)?$/

export const NUMBER_RULE = "expected a number such as 1 234,56 or 1234.56"

/**
 * Returns the number as a canonical decimal string ('-1234.56') without rounding, or undefined.
 * maxIntegerDigits bounds the magnitude so that the value fits its column.
 */
export function parseNumberCell(text: string, maxIntegerDigits = 12): string | undefined {
  if (PLAIN.test(text)) {
    // The common case, '1234.56' as most systems write it: no copies of the text.
    const digits = text.indexOf('.') < 0 ? text.length : text.indexOf('.')
    if (digits <= maxIntegerDigits && text.charCodeAt(0) !== 48) return text
  }
  let t = text.replace(GROUPING, '')
  if (t.endsWith('₽')) t = t.slice(0, -1)
  let sign = ''
  if (t.startsWith('-') || t.startsWith('+')) {
    sign = t[0] === '-' ? '-' : ''
    t = t.slice(1)
  }
  const split = splitDecimal(t)
  if (!split) return undefined
  const integer = split.integer.replace(/^0+(?=\d)/, '')
  if (!DIGITS.test(integer) || !DIGITS.test(split.fraction)) return undefined
  if (integer === '' && split.fraction === '') return undefined
  if (integer.replace(/^0+/, '').length > maxIntegerDigits) return undefined
  const whole = integer === '' ? '0' : integer
  const value = split.fraction ? `${whole}.${split.fraction}` : whole
  return sign && /[1-9]/.test(value) ? `-${value}` : value
}

function splitDecimal(t: string): { integer: string; fraction: string } | undefined {
  const comma = t.lastIndexOf(',')
  const dot = t.lastIndexOf('.')
  if (comma < 0 && dot < 0) return { integer: t, fraction: '' }
  if (comma >= 0 && dot >= 0) {
    const decimal = comma > dot ? ',' : '.'
    const at = Math.max(comma, dot)
    const grouped = ungroup(t.slice(0, at), decimal === ',' ? '.' : ',')
    return grouped === undefined ? undefined : { integer: grouped, fraction: t.slice(at + 1) }
  }
  const separator = comma >= 0 ? ',' : '.'
  const parts = t.split(separator)
  if (parts.length === 2) return { integer: parts[0], fraction: parts[1] }
  const grouped = ungroup(t, separator)
  return grouped === undefined ? undefined : { integer: grouped, fraction: '' }
}

function ungroup(text: string, separator: string): string | undefined {
  if (!text.includes(separator)) return text
  const groups = text.split(separator)
  const [first, ...rest] = groups
  if (first.length < 1 || first.length > 3 || rest.some((g) => g.length !== 3)) return undefined
  return groups.join('')
}
