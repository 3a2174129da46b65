import type { BankLetterhead } from '../../contract/letter-schemas.ts'

/**
 * The letterhead until the bank sets its own (bank_settings 'letterhead', contract/letter-schemas.ts):
 * the demo bank's, plainly a placeholder — no real bank's name, licence or phone.
 */
export const DEFAULT_BANK_LETTERHEAD: BankLetterhead = {
  name: 'АО «Банк Отклик»',
  address: '125009, г. Москва, ул. Тверская, д. 1',
  phone: '8 800 100-00-00',
  website: 'otklik-bank.example',
  license: 'Демонстрационный банк: реквизиты задаются в настройках (letterhead)',
  signatory: { name: 'М. В. Соколова', title: 'Директор департамента CRM' },
}
