import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { REASON_MESSAGES } from '../../../src/contract/format-reason.ts'
import { LANGUAGES, type Language } from '../../../src/contract/language.ts'
import en from './en.json' with { type: 'json' }
import ru from './ru.json' with { type: 'json' }

export { LANGUAGES, type Language }

// The choice is the user's and survives a reload; Russian is the bank's working language.
const STORAGE_KEY = 'otklik.language'

export function storedLanguage(): Language {
  const value = window.localStorage.getItem(STORAGE_KEY)
  return value === 'en' ? 'en' : 'ru'
}

export function changeLanguage(language: Language): void {
  window.localStorage.setItem(STORAGE_KEY, language)
  document.documentElement.lang = language
  void i18next.changeLanguage(language)
}

export function initI18n(): typeof i18next {
  const language = storedLanguage()
  document.documentElement.lang = language
  void i18next.use(initReactI18next).init({
    // The server's reasons (`reasons.import.bad_date`) come from the shared contract.
    resources: { ru: { translation: { ...ru, reasons: REASON_MESSAGES.ru } }, en: { translation: { ...en, reasons: REASON_MESSAGES.en } } },
    lng: language,
    fallbackLng: 'ru',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return i18next
}
