import type { CallReason } from '../../contract/call-log.ts'

// A call centre names its reasons its own way. The ones Otklik knows (contract/call-log.ts) are
// stored by code, so the analysis shows them in the reader's language; any other reason is kept as
// the file writes it — the bank's own taxonomy is not an error.
const REASON_WORDS: Record<CallReason, readonly string[]> = {
  card: ['card', 'cards', 'card block', 'карта', 'карты', 'блокировка карты', 'перевыпуск карты'],
  payments: ['payments', 'payment', 'transfer', 'transfers', 'платеж', 'платежи', 'перевод', 'переводы'],
  loan: ['loan', 'loans', 'credit', 'кредит', 'кредиты', 'заем', 'ипотека'],
  deposit: ['deposit', 'deposits', 'savings', 'вклад', 'вклады', 'депозит', 'накопительный счет'],
  remote_banking: ['remote_banking', 'remote banking', 'mobile app', 'app', 'online banking', 'мобильный банк', 'интернет-банк', 'приложение', 'дбо'],
  fees: ['fees', 'fee', 'charges', 'комиссия', 'комиссии', 'тарифы'],
  account: ['account', 'balance', 'statement', 'счет', 'остаток', 'выписка'],
  information: ['information', 'info', 'inquiry', 'консультация', 'информация', 'справка'],
  other: ['other', 'прочее', 'другое'],
}

const LOOKUP = new Map(Object.entries(REASON_WORDS).flatMap(([code, words]) => [code, ...words].map((word) => [word, code] as const)))

export const CALL_REASON_MAX_LENGTH = 100

/** The reason's code when Otklik knows it, else the text itself; undefined when it is too long. */
export function parseCallReason(text: string): string | undefined {
  const trimmed = text.trim()
  const code = LOOKUP.get(trimmed.toLowerCase().replaceAll('ё', 'е'))
  if (code) return code
  return trimmed.length > CALL_REASON_MAX_LENGTH ? undefined : trimmed
}
