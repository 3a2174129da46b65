import { reason, type Reason } from '../../contract/reason-codes.ts'
import { valueRequired, type ResponseType } from '../../contract/response-types.ts'

export type CheckResponseValueInput = {
  type: ResponseType
  /** The value as a decimal string ('1234.5'), or null when none was given. */
  value: string | null
  /** The header of the file's column, or the request's field, for the reason. */
  column: string
}

export type ResponseValueRefusal = {
  /** In English, without the column: 'a value in roubles cannot be negative'. */
  rule: string
  reason: Reason<'response.value_required' | 'response.negative_value' | 'response.fractional_kopecks'>
}

const DECIMAL = /^-?\d+(?:\.(\d+))?$/

/**
 * A response's value is roubles, exact to the kopeck and never negative (a refund is not a
 * response); spend and balance need one, the other types may carry one. The import and the API
 * both ask here.
 */
export function checkResponseValue({ type, value, column }: CheckResponseValueInput): ResponseValueRefusal | undefined {
  const field = 'value'
  if (value === null) {
    if (!valueRequired(type)) return undefined
    return { rule: `a response of type ${type} needs its value in roubles`, reason: reason('response.value_required', { column, field, type }) }
  }
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value
  if (value.startsWith('-') && /[1-9]/.test(value)) {
    return { rule: 'a value in roubles cannot be negative', reason: reason('response.negative_value', { column, field, value: shown }) }
  }
  // An exponent ('1e-7') is a JavaScript number far below a kopeck.
  const decimal = DECIMAL.exec(value)
  if (!decimal || (decimal[1] ?? '').replace(/0+$/, '').length > 2) {
    return { rule: 'roubles have at most two decimals (kopecks)', reason: reason('response.fractional_kopecks', { column, field, value: shown }) }
  }
  return undefined
}
