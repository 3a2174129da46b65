import type { PRODUCT_TYPES } from '../../contract/product-types.ts'

export type ProductType = (typeof PRODUCT_TYPES)[number]

export type DemoProduct = {
  code: string
  type: ProductType
  name: string
  /** Internal funds-transfer rate, a year, as a fraction. */
  ftpRate: number | null
  /** What the client pays (loans) or earns (deposits), a year. */
  clientRate: number | null
  /** Cards: interchange and fees on turnover; investments: fee on assets; insurance: commission on the premium. */
  feeRate: number | null
  probabilityOfDefault: number | null
  lossGivenDefault: number | null
  lifetimeMonths: number
}

const product = (
  code: string,
  type: ProductType,
  name: string,
  rates: Partial<Omit<DemoProduct, 'code' | 'type' | 'name' | 'lifetimeMonths'>>,
  lifetimeMonths: number,
): DemoProduct => ({
  code,
  type,
  name,
  ftpRate: rates.ftpRate ?? null,
  clientRate: rates.clientRate ?? null,
  feeRate: rates.feeRate ?? null,
  probabilityOfDefault: rates.probabilityOfDefault ?? null,
  lossGivenDefault: rates.lossGivenDefault ?? null,
  lifetimeMonths,
})

// The catalogue with its margin assumptions (DOMAIN.md "How a program earns money"). The rates
// are *typical* for a high key-rate year, settings for business cases rather than facts:
// deposits earn FTP − client rate, loans client rate − FTP − PD × LGD, cards 1–2% of turnover.
export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  product('CA_RUB', 'current_account', 'Текущий счёт в рублях', { ftpRate: 0.08, clientRate: 0 }, 120),
  product('DC_SALARY', 'debit_card', 'Зарплатная карта', { ftpRate: 0.08, clientRate: 0, feeRate: 0.012 }, 60),
  product('DC_STD', 'debit_card', 'Дебетовая карта', { ftpRate: 0.08, clientRate: 0, feeRate: 0.015 }, 48),
  product('CC_CLASSIC', 'credit_card', 'Кредитная карта Classic',
    { ftpRate: 0.16, clientRate: 0.32, feeRate: 0.015, probabilityOfDefault: 0.07, lossGivenDefault: 0.65 }, 36),
  product('CC_GOLD', 'credit_card', 'Кредитная карта Gold',
    { ftpRate: 0.16, clientRate: 0.27, feeRate: 0.018, probabilityOfDefault: 0.035, lossGivenDefault: 0.6 }, 48),
  product('CL_CASH', 'consumer_loan', 'Кредит наличными',
    { ftpRate: 0.17, clientRate: 0.26, probabilityOfDefault: 0.06, lossGivenDefault: 0.55 }, 36),
  product('CAR_LOAN', 'car_loan', 'Автокредит',
    { ftpRate: 0.17, clientRate: 0.21, probabilityOfDefault: 0.03, lossGivenDefault: 0.35 }, 60),
  product('MORTGAGE', 'mortgage', 'Ипотека',
    { ftpRate: 0.12, clientRate: 0.14, probabilityOfDefault: 0.012, lossGivenDefault: 0.2 }, 180),
  product('TD_12M', 'term_deposit', 'Вклад «Доходный» на 12 месяцев', { ftpRate: 0.17, clientRate: 0.155 }, 12),
  product('SAV', 'savings_account', 'Накопительный счёт', { ftpRate: 0.15, clientRate: 0.12 }, 36),
  product('INV', 'investment', 'Брокерский счёт и ИИС', { feeRate: 0.008 }, 60),
  product('INS_LIFE', 'insurance', 'Страхование жизни', { feeRate: 0.25 }, 12),
  product('RB_MOBILE', 'remote_banking', 'Мобильный банк', {}, 120),
]

export const DEMO_PRODUCT_TYPE: Readonly<Record<string, ProductType>> = Object.fromEntries(
  DEMO_PRODUCTS.map((p) => [p.code, p.type]),
)
