import type { ExportLanguage } from '../client-export-columns.ts'

// The columns of a call list handed to an external call centre, and read back with its outcomes:
// the file goes out and comes back with the same headers, in Russian or English. The centre fills
// in the last five; a row with no technical outcome was not called and is left as it is.
export const CALL_LIST_COLUMNS = [
  { key: 'bank_id', ru: 'Номер клиента', en: 'Client number' },
  { key: 'full_name', ru: 'ФИО', en: 'Full name' },
  { key: 'phone', ru: 'Телефон', en: 'Phone' },
  { key: 'priority', ru: 'Приоритет', en: 'Priority' },
  { key: 'status', ru: 'Статус', en: 'Status' },
  { key: 'attempts', ru: 'Попыток', en: 'Attempts' },
  { key: 'technical', ru: 'Технический результат', en: 'Technical outcome' },
  { key: 'business', ru: 'Результат', en: 'Business outcome' },
  { key: 'called_at', ru: 'Время звонка', en: 'Called at' },
  { key: 'callback_at', ru: 'Перезвонить', en: 'Call back at' },
  { key: 'note', ru: 'Комментарий', en: 'Note' },
] as const
export type CallListColumnKey = (typeof CALL_LIST_COLUMNS)[number]['key']

/** The columns an outcomes file must have. */
export const REQUIRED_CALL_COLUMNS: readonly CallListColumnKey[] = ['bank_id', 'technical']

/** Which column each header of a file is: the key itself or its header in either language, any case. */
export function callListColumnOf(header: string): CallListColumnKey | undefined {
  const wanted = header.trim().toLowerCase()
  const column = CALL_LIST_COLUMNS.find((c) => [c.key, c.ru, c.en].some((name) => name.toLowerCase() === wanted))
  return column?.key
}

export function callListHeaders(language: ExportLanguage): string[] {
  return CALL_LIST_COLUMNS.map((c) => c[language])
}
