// The languages of the UI, the exports and the CLI. Russian is the bank's working language.
export const LANGUAGES = ['ru', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** 'en' only when asked for; anything else (absent, unknown) is the bank's Russian. */
export function toLanguage(value: unknown): Language {
  return value === 'en' ? 'en' : 'ru'
}
