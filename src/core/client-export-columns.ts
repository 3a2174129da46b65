// The columns of a client export, in order, with their headers in each UI language. Personal
// fields are masked before export exactly as on screen (clearance.ts).
export const EXPORT_LANGUAGES = ['en', 'ru'] as const
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number]

export type ExportColumnKind = 'text' | 'date' | 'money' | 'flag' | 'gender' | 'segment' | 'status'

export const CLIENT_EXPORT_COLUMNS = [
  { key: 'bankId', kind: 'text', en: 'Bank id', ru: 'Идентификатор в банке' },
  { key: 'fullName', kind: 'text', en: 'Full name', ru: 'ФИО' },
  { key: 'birthDate', kind: 'date', en: 'Birth date', ru: 'Дата рождения' },
  { key: 'gender', kind: 'gender', en: 'Gender', ru: 'Пол' },
  { key: 'phone', kind: 'text', en: 'Phone', ru: 'Телефон' },
  { key: 'email', kind: 'text', en: 'Email', ru: 'Электронная почта' },
  { key: 'segment', kind: 'segment', en: 'Segment', ru: 'Сегмент' },
  { key: 'vip', kind: 'flag', en: 'VIP', ru: 'VIP' },
  { key: 'status', kind: 'status', en: 'Status', ru: 'Статус' },
  { key: 'branchCode', kind: 'text', en: 'Branch code', ru: 'Код ЦБУ' },
  { key: 'branchName', kind: 'text', en: 'Branch', ru: 'ЦБУ' },
  { key: 'regionCode', kind: 'text', en: 'Region code', ru: 'Код региона' },
  { key: 'regionName', kind: 'text', en: 'Region', ru: 'Регион' },
  { key: 'clientSince', kind: 'date', en: 'Client since', ru: 'Клиент с' },
  { key: 'monthlyIncome', kind: 'money', en: 'Monthly income', ru: 'Ежемесячный доход' },
] as const satisfies readonly { key: string; kind: ExportColumnKind; en: string; ru: string }[]

export type ClientExportColumn = (typeof CLIENT_EXPORT_COLUMNS)[number]
export type ClientExportKey = ClientExportColumn['key']

// Coded values in words, as the client list shows them (web/src/i18n: genders, segments,
// clientStatuses): a Russian file does not mix "premium" and "active" with "да".
const VALUE_WORDS: Record<'gender' | 'segment' | 'status', Record<string, Record<ExportLanguage, string>>> = {
  gender: { M: { ru: 'Мужской', en: 'Male' }, F: { ru: 'Женский', en: 'Female' } },
  segment: {
    mass: { ru: 'Массовый', en: 'Mass' },
    mass_affluent: { ru: 'Масс-аффлюент', en: 'Mass affluent' },
    premium: { ru: 'Премиум', en: 'Premium' },
    private: { ru: 'Private banking', en: 'Private banking' },
  },
  status: { active: { ru: 'Активный', en: 'Active' }, churned: { ru: 'Ушёл', en: 'Churned' }, deceased: { ru: 'Умерший', en: 'Deceased' } },
}

/**
 * A cell as text for CSV. Russian Excel reads `;`-separated files with comma decimals and
 * dd.mm.yyyy dates; English keeps ISO dates and dot decimals. Masked dates stay as masked.
 */
export function formatExportText(kind: ExportColumnKind, value: unknown, lang: ExportLanguage): string {
  if (value == null) return ''
  if (kind === 'flag') return value ? (lang === 'ru' ? 'да' : 'yes') : lang === 'ru' ? 'нет' : 'no'
  if (kind === 'gender' || kind === 'segment' || kind === 'status') return VALUE_WORDS[kind][String(value)]?.[lang] ?? String(value)
  if (kind === 'money' && typeof value === 'number') return lang === 'ru' ? value.toFixed(2).replace('.', ',') : value.toFixed(2)
  if (kind === 'date' && typeof value === 'string' && lang === 'ru') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
    if (match) return `${match[3]}.${match[2]}.${match[1]}`
  }
  return String(value)
}
