import type { ContactState } from '../contract/contact-states.ts'
import type { Channel } from '../contract/channels.ts'
import type { ExportLanguage } from './client-export-columns.ts'

// The columns of a wave's or a program's contact history as a file (the screen's table), with the
// headers and coded values in the UI's words (web/src/i18n: contactHistory, clientContacts.states,
// waves.sending.skippedBy): a Russian file reads «отправлено», not «sent».

export const CONTACT_HISTORY_COLUMNS = [
  { key: 'program', en: 'Program', ru: 'Программа' },
  { key: 'wave', en: 'Wave', ru: 'Волна' },
  { key: 'bankId', en: 'Bank id', ru: 'Идентификатор в банке' },
  { key: 'fullName', en: 'Full name', ru: 'ФИО' },
  { key: 'channel', en: 'Channel', ru: 'Канал' },
  { key: 'address', en: 'Address', ru: 'Адрес' },
  { key: 'state', en: 'State', ru: 'Состояние' },
  { key: 'skipReason', en: 'Stopped by', ru: 'Чем снято' },
  { key: 'deliveryStatus', en: 'Delivery', ru: 'Доставка' },
  { key: 'deliveredAt', en: 'Delivered at', ru: 'Доставлено' },
  { key: 'queuedAt', en: 'Queued at', ru: 'Поставлено в очередь' },
  { key: 'sentAt', en: 'Sent at', ru: 'Отправлено' },
  { key: 'attempts', en: 'Attempts', ru: 'Попыток' },
  { key: 'nextAttemptAt', en: 'Next attempt', ru: 'Следующая попытка' },
  { key: 'error', en: 'Error', ru: 'Ошибка' },
] as const

export type ContactHistoryColumnKey = (typeof CONTACT_HISTORY_COLUMNS)[number]['key']

type Words = Record<string, Record<ExportLanguage, string>>

const STATE_WORDS: Record<ContactState, Record<ExportLanguage, string>> = {
  queued: { ru: 'в очереди', en: 'queued' },
  sending: { ru: 'отправляется', en: 'sending' },
  sent: { ru: 'отправлено', en: 'sent' },
  failed: { ru: 'ошибка', en: 'failed' },
  unknown: { ru: 'не подтверждено', en: 'unconfirmed' },
  skipped: { ru: 'снято политикой', en: 'stopped by policy' },
}
const CHANNEL_WORDS: Record<Channel, Record<ExportLanguage, string>> = {
  email: { ru: 'E-mail', en: 'E-mail' },
  sms: { ru: 'SMS', en: 'SMS' },
  call: { ru: 'Звонок', en: 'Call' },
  letter: { ru: 'Письмо', en: 'Letter' },
}
const SKIP_WORDS: Words = {
  consent: { ru: 'нет согласия', en: 'no consent' },
  no_address: { ru: 'нет адреса', en: 'no address' },
  do_not_contact: { ru: 'не беспокоить', en: 'do not contact' },
  status: { ru: 'не активен', en: 'not active' },
  complaint: { ru: 'жалоба', en: 'complaint' },
  channel_cap: { ru: 'лимит канала', en: 'channel cap' },
  overall_cap: { ru: 'общий лимит', en: 'overall cap' },
  outside_validity: { ru: 'вне срока предложения', en: 'outside the offer\'s validity' },
}
const DELIVERY_WORDS: Words = {
  delivered: { ru: 'доставлено', en: 'delivered' },
  failed: { ru: 'не доставлено', en: 'not delivered' },
  expired: { ru: 'истёк срок', en: 'expired' },
  rejected: { ru: 'отклонено оператором', en: 'rejected by the operator' },
}

export const contactStateWord = (state: ContactState, lang: ExportLanguage): string => STATE_WORDS[state][lang]
export const contactChannelWord = (channel: Channel, lang: ExportLanguage): string => CHANNEL_WORDS[channel][lang]
/** A code without words (a reason added later) stays as the code: nothing is dropped from the file. */
export const skipReasonWord = (code: string, lang: ExportLanguage): string => SKIP_WORDS[code]?.[lang] ?? code
export const deliveryStatusWord = (code: string, lang: ExportLanguage): string => DELIVERY_WORDS[code]?.[lang] ?? code

/** A time in the bank's zone: `03.12.2026 14:05:09` in Russian (Excel reads it as a date), `2026-12-03 14:05:09` in English. */
export function formatBankTime(at: Date, timeZone: string, lang: ExportLanguage): string {
  const parts = bankClockParts(at, timeZone)
  const time = `${parts.hour}:${parts.minute}:${parts.second}`
  return lang === 'ru' ? `${parts.day}.${parts.month}.${parts.year} ${time}` : `${parts.year}-${parts.month}-${parts.day} ${time}`
}

/**
 * The bank's wall-clock time as a Date whose UTC fields read it: what a spreadsheet cell holds
 * (Excel dates have no zone), so the XLSX shows the same time as the CSV.
 */
export function bankClockDate(at: Date, timeZone: string): Date {
  const p = bankClockParts(at, timeZone)
  return new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)))
}

function bankClockParts(at: Date, timeZone: string): Record<string, string> {
  return Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  )
}
