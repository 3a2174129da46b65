// The kinds of response a program can count (DESIGN.md glossary "response"), in the order a client
// goes from noticing an offer to bringing money. The verdict judges each type apart: a rate of
// responders per group for every type, and for the types that carry money (spend, balance) the
// difference of the mean value per member as well (non-responders count as zero).
export const RESPONSE_TYPES = ['reply', 'visit', 'application', 'conversion', 'spend', 'balance'] as const
export type ResponseType = (typeof RESPONSE_TYPES)[number]

/**
 * The types whose value is the response itself — roubles spent, a balance placed — so a row of
 * them without a value cannot be judged. The others may carry one (a loan's amount on conversion).
 */
export const VALUE_REQUIRED_TYPES = ['spend', 'balance'] as const satisfies readonly ResponseType[]

export const RESPONSE_TYPE_LABELS: Record<ResponseType, { ru: string; en: string }> = {
  reply: { ru: 'Ответ на предложение', en: 'Reply' },
  visit: { ru: 'Визит', en: 'Visit' },
  application: { ru: 'Заявка', en: 'Application' },
  conversion: { ru: 'Продукт открыт', en: 'Conversion (product opened)' },
  spend: { ru: 'Траты, ₽', en: 'Spend, ₽' },
  balance: { ru: 'Остаток, ₽', en: 'Balance, ₽' },
}

/**
 * Where a response came from: a file or the API, or recorded by the app itself (migration 0025):
 * `click` — the client opened the offer's tracked link (type `visit`: they looked, nothing more);
 * `call` — an operator's outcome `interested` (type `reply`: the client answered the offer with
 * interest) or `agreed` (type `application`: the client asked for the product; opening it is a
 * `conversion` the bank's own files bring); `sms` — a reply to the wave's SMS that is not STOP
 * (type `reply`). Each also makes a lead for the client's manager (app/lead/record-app-response.ts).
 */
export const RESPONSE_SOURCES = ['import', 'api', 'click', 'call', 'sms'] as const
export type ResponseSource = (typeof RESPONSE_SOURCES)[number]

export function isResponseType(value: string): value is ResponseType {
  return (RESPONSE_TYPES as readonly string[]).includes(value)
}

export function valueRequired(type: ResponseType): boolean {
  return (VALUE_REQUIRED_TYPES as readonly string[]).includes(type)
}
